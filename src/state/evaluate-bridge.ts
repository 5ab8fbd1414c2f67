/**
 * The store's side of the engine's "evaluate now" domain: ask for an evaluation of the Train area's
 * model (or the pretrained one) on the test images the settings choose, cancel it, and feed progress
 * and results into the evaluate-now slice.
 */
import type { EngineClient } from '../engine/client';
import type { EngineEvent } from '../engine/protocol';
import { isEvaluateEvent, type EvaluationTarget } from '../engine/protocol-evaluate';
import { DEFAULT_HYPERPARAMETERS } from '../core/hyperparameters';
// The same pretrained model the classifier answers with (one path for both).
import { PRETRAINED_MODEL_PATH } from './classify-bridge';
import { evaluateNowBlockedReason } from './evaluate-now-reason';
import { useAppStore } from './store';
import { readTrainingForm } from './training-form';

let client: EngineClient | null = null;
let unsubscribe: (() => void) | null = null;

/**
 * Give the bridge the engine to talk to (null when it stops). Called by the engine bridge on every
 * (re)start: an evaluation in flight on the old engine will not answer, and the page says so.
 */
export function attachEvaluateClient(next: EngineClient | null): void {
  unsubscribe?.();
  unsubscribe = null;
  useAppStore.getState().evaluateNowAbandoned('The engine restarted before the evaluation finished; evaluate again.');
  client = next;
  if (next) unsubscribe = next.subscribe(onEvent);
}

/**
 * Evaluate `target` now on the validation images chosen in the settings ("Validation images"): for the
 * run's model, drawn with the run's seed, so with the run's own count they are its epochs' images.
 * @returns false when it was not sent (no engine, or `evaluateNowBlockedReason` says why not).
 */
export function evaluateNow(target: EvaluationTarget): boolean {
  const state = useAppStore.getState();
  if (!client || evaluateNowBlockedReason(state, target) !== null) return false;
  const form = state.trainingForm;
  const typed = readTrainingForm(form);
  const run = target === 'run' ? state.shownRunSettings : null;
  const id = client.send({
    type: 'evaluate-now',
    target,
    validationSubset: form.validationSubset === 'all' ? null : Number(form.validationSubset),
    seed: run?.seed ?? DEFAULT_HYPERPARAMETERS.seed,
    batchSize: run?.batchSize ?? (typed.ok ? typed.settings.batchSize : DEFAULT_HYPERPARAMETERS.batchSize),
    pretrainedModelUrl: new URL(PRETRAINED_MODEL_PATH, document.baseURI).href,
  });
  state.evaluateNowRequested(id, target);
  return true;
}

/** Stop the evaluation in flight before its next batch (the engine answers that it was cancelled). */
export function cancelEvaluation(): void {
  const request = useAppStore.getState().evaluateNowRequest;
  if (client && request) client.send({ type: 'evaluate-cancel', evaluationId: request.id });
}

function onEvent(event: EngineEvent): void {
  if (isEvaluateEvent(event)) useAppStore.getState().evaluateNowEventReceived(event);
}
