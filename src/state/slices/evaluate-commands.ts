/**
 * The "evaluate now" commands to the engine: ask for an evaluation of the Train area's model (or the
 * pretrained one) on the test images the settings choose, and cancel it. The engine session routes
 * progress and results to `evaluateNowEventReceived`.
 */
import type { StateCreator } from 'zustand';
import { DEFAULT_HYPERPARAMETERS } from '../../core/training/hyperparameters';
import type { EvaluationTarget } from '../../engine/protocol-evaluate';
import { sessionOf } from '../engine-session';
import { evaluateNowBlockedReason } from '../evaluate-now-reason';
import type { AppState } from '../store';
import { readTrainingForm } from '../training-form';
import { pretrainedModelUrl } from './classify-commands';

/** Evaluate-now commands. */
export interface EvaluateCommands {
  /**
   * Evaluate `target` now on the validation images chosen in the settings ("Validation images"): for
   * the run's model, drawn with the run's seed, so with the run's own count they are its epochs' images.
   * @returns false when it was not sent (no engine, or `evaluateNowBlockedReason` says why not).
   */
  evaluateNow(target: EvaluationTarget): boolean;
  /** Stop the evaluation in flight before its next batch (the engine answers that it was cancelled). */
  cancelEvaluation(): void;
}

/** The evaluate-now commands, spread into the evaluate-now slice. */
export const createEvaluateCommands: StateCreator<AppState, [], [], EvaluateCommands> = (_set, get) => ({
  evaluateNow: (target) => {
    const state = get();
    const session = sessionOf(state);
    if (!session.isRunning() || evaluateNowBlockedReason(state, target) !== null) return false;
    const form = state.trainingForm;
    const typed = readTrainingForm(form);
    const run = target === 'run' ? (state.trainingLab?.hyperparameters ?? null) : null;
    const id = session.send({
      type: 'evaluate-now',
      target,
      validationSubset: form.validationSubset === 'all' ? null : Number(form.validationSubset),
      seed: run?.seed ?? DEFAULT_HYPERPARAMETERS.seed,
      batchSize: run?.batchSize ?? (typed.ok ? typed.settings.batchSize : DEFAULT_HYPERPARAMETERS.batchSize),
      pretrainedModelUrl: pretrainedModelUrl(),
    });
    if (id === null) return false;
    state.evaluateNowRequested(id, target);
    return true;
  },
  cancelEvaluation: () => {
    const request = get().evaluateNowRequest;
    if (request) sessionOf(get()).send({ type: 'evaluate-cancel', evaluationId: request.id });
  },
});
