/**
 * The store's side of the engine's training domain: send the Train panel's commands (each run with a
 * fresh run id) and feed training events into the training slice, which drops those of other runs.
 */
import type { EngineClient } from '../engine/client';
import type { EngineEvent } from '../engine/protocol';
import { isTrainEvent } from '../engine/protocol-train';
import { useAppStore } from './store';
import { readRunSetup } from './run-setup';

let client: EngineClient | null = null;
let unsubscribe: (() => void) | null = null;
let lastRunId = 0;

/**
 * Give the training bridge the engine to talk to (null when it stops). Called by the engine bridge on
 * every (re)start; asks the new engine what checkpoint this browser holds, so a run can be resumed
 * after a reload or a lost GPU.
 */
export function attachTrainingClient(next: EngineClient | null): void {
  unsubscribe?.();
  unsubscribe = null;
  client = next;
  if (!next) return;
  unsubscribe = next.subscribe(onEvent);
  next.send({ type: 'train-query-checkpoint' });
}

/**
 * Start a run of the edited network with the settings as typed: fresh, or continuing the saved
 * checkpoint (`resume`: its network and settings, with the epochs typed now), optionally pausing after
 * one batch (`stepOnly`, the "Step one batch" button before any run).
 * @returns false when it could not be sent (no engine, or the setup is invalid; the page shows why).
 */
export function startTraining(options: { readonly resume?: boolean; readonly stepOnly?: boolean } = {}): boolean {
  const state = useAppStore.getState();
  const splits = state.dataset?.splits;
  const setup = readRunSetup(state, splits ? { trainCount: splits.train.count, testCount: splits.test.count } : undefined);
  const resume = options.resume === true;
  const checkpoint = state.trainingCheckpoint;
  // A resumed run trains the checkpoint's network with its settings: only the epochs typed now count.
  const reading = resume ? (setup.form.ok && checkpoint ? { spec: checkpoint.spec, settings: setup.form.settings } : null) : setup.run;
  if (!client || !reading) return false;
  lastRunId += 1;
  state.trainingRunRequested(lastRunId);
  state.runSettingsSent(resume && checkpoint ? { ...checkpoint.hyperparameters, epochs: reading.settings.epochs } : reading.settings);
  client.send({
    type: 'train-start',
    runId: lastRunId,
    spec: reading.spec,
    hyperparameters: reading.settings,
    resume,
    pauseAfterBatches: options.stepOnly ? 1 : null,
  });
  return true;
}

/** Pause the shown run after its batch in flight. */
export function pauseTraining(): void {
  sendToRun('train-pause');
}

/** Continue a paused run. */
export function resumeTraining(): void {
  sendToRun('train-resume');
}

/** Train one more batch of a paused run, then stay paused. */
export function stepTraining(): void {
  sendToRun('train-step');
}

/** End the shown run after its batch in flight; its checkpoint stays. */
export function stopTraining(): void {
  sendToRun('train-stop');
}

/** Forget the run, its model and the saved checkpoint. */
export function resetTraining(): void {
  useAppStore.getState().trainingCleared();
  client?.send({ type: 'train-reset' });
}

function sendToRun(type: 'train-pause' | 'train-resume' | 'train-step' | 'train-stop'): void {
  const runId = useAppStore.getState().trainingRunId;
  if (client && runId !== null) client.send({ type, runId });
}

function onEvent(event: EngineEvent): void {
  if (isTrainEvent(event)) useAppStore.getState().trainingEventReceived(event);
}
