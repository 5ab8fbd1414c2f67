/**
 * When the "Evaluate now" buttons can be pressed, and why not otherwise. Pure, so every case is
 * tested without React or an engine.
 */
import type { EvaluationTarget } from '../engine/protocol-evaluate';
import type { AppData } from './store';
import { isStepping } from '../core/training/training-lifecycle';

/**
 * Why evaluating `target` now is not possible, in words for the button's side; null when it is.
 * The engine checks again (a run resumed meanwhile is refused there, or ends the evaluation).
 */
export function evaluateNowBlockedReason(state: AppData, target: EvaluationTarget): string | null {
  if (state.engineStatus !== 'ready') return 'The engine is not ready yet.';
  if (state.dataStatus !== 'ready') return 'CIFAR-10 is not loaded yet: the test images come from it.';
  if (state.evaluateNowRequest) return 'An evaluation is running.';
  if (target === 'pretrained') return null;
  // A step may run: the run's weights could move under an evaluation.
  if (isStepping(state.trainingPhase)) return 'A training step may be running: pause or stop the run to evaluate its model now.';
  if (state.trainingPhase === 'idle' || state.trainingRunId === null || state.trainingPosition === null) {
    return 'No network has been trained yet: start a run (or open a saved one from the run list), then pause or stop it.';
  }
  // CIFAR-10's test images mean nothing to a network of other classes: its held-out pictures are scored after every epoch.
  if (state.trainingLab?.classes) return `This run learns your own classes, not CIFAR-10's: it is scored on its held-out pictures after every epoch.`;
  return null;
}
