/**
 * The training domain's commands to the engine: send the Train panel's commands (each run with a
 * fresh run id); the engine session routes training events to `trainingEventReceived`, which drops
 * those of other runs.
 */
import type { StateCreator } from 'zustand';
import { sessionOf } from '../engine-session';
import { readRunSetup } from '../run-setup';
import type { AppState } from '../store';

/** Training commands, and what the engine session calls on the training domain. */
export interface TrainingCommands {
  /**
   * Start a run of the edited network with the settings as typed: fresh, or continuing the saved
   * checkpoint (`resume`: its network and settings, with the epochs typed now), optionally pausing
   * after one batch (`stepOnly`, the "Step one batch" button before any run).
   * @returns false when it could not be sent (no engine, or the setup is invalid; the page shows why).
   */
  startTraining(options?: { readonly resume?: boolean; readonly stepOnly?: boolean }): boolean;
  /** Pause the shown run after its batch in flight. */
  pauseTraining(): void;
  /** Continue a paused run. */
  resumeTraining(): void;
  /** Train one more batch of a paused run, then stay paused. */
  stepTraining(): void;
  /** End the shown run after its batch in flight; its checkpoint stays. */
  stopTraining(): void;
  /** Forget the run, its model and the saved checkpoint. */
  resetTraining(): void;
  /** A new engine is ready: ask it what checkpoint this browser holds, so a run can be resumed after a reload or a lost GPU. */
  trainingEngineStarted(): void;
}

/** The training commands, spread into the training slice. */
export const createTrainingCommands: StateCreator<AppState, [], [], TrainingCommands> = (set, get) => {
  const sendToRun = (type: 'train-pause' | 'train-resume' | 'train-step' | 'train-stop'): void => {
    const runId = get().trainingRunId;
    if (runId !== null) sessionOf(get()).send({ type, runId });
  };
  return {
    startTraining: (options = {}) => {
      const state = get();
      const splits = state.dataset?.splits;
      const setup = readRunSetup(state, splits ? { trainCount: splits.train.count, testCount: splits.test.count } : undefined);
      const resume = options.resume === true;
      const checkpoint = state.trainingCheckpoint;
      // A resumed run trains the checkpoint's network with its settings: only the epochs typed now count.
      const reading = resume ? (setup.form.ok && checkpoint ? { spec: checkpoint.spec, settings: setup.form.settings } : null) : setup.run;
      const session = sessionOf(state);
      if (!session.isRunning() || !reading) return false;
      const runId = state.trainingRunsStarted + 1;
      set({ trainingRunsStarted: runId });
      get().trainingRunRequested(runId);
      get().runSettingsSent(resume && checkpoint ? { ...checkpoint.hyperparameters, epochs: reading.settings.epochs } : reading.settings);
      session.send({
        type: 'train-start',
        runId,
        spec: reading.spec,
        hyperparameters: reading.settings,
        resume,
        pauseAfterBatches: options.stepOnly ? 1 : null,
      });
      return true;
    },
    pauseTraining: () => sendToRun('train-pause'),
    resumeTraining: () => sendToRun('train-resume'),
    stepTraining: () => sendToRun('train-step'),
    stopTraining: () => sendToRun('train-stop'),
    resetTraining: () => {
      get().trainingCleared();
      sessionOf(get()).send({ type: 'train-reset' });
    },
    trainingEngineStarted: () => {
      sessionOf(get()).send({ type: 'train-query-checkpoint' });
    },
  };
};
