/**
 * The training domain's commands to the engine: Start (a new run, with a fresh run id), Pause,
 * Resume, Step one batch, Stop and Reset of the shown run, and taking training over from another tab.
 * The engine session routes training events to `trainingEventReceived`.
 */
import type { StateCreator } from 'zustand';
import { defaultRunName, newRunId } from '../../core/training/run-record';
import { sessionOf } from '../engine-session';
import { readRunSetup } from '../run-setup';
import type { AppState } from '../store';
import type { BeginRequest } from './training-slice';

/** Training commands, and what the engine session calls on the training domain. */
export interface TrainingCommands {
  /**
   * Start a new run of the edited network with the settings as typed, optionally pausing after one
   * batch (`stepOnly`, the "Step one batch" button before any run). The run joins the run list.
   * @returns false when it could not be sent (no engine, or the setup is invalid; the page shows why).
   */
  startTraining(options?: { readonly stepOnly?: boolean }): boolean;
  /** Send a start or continue command and show its run (shared by Start, Resume and Open). */
  beginRun(request: BeginRequest): boolean;
  /** Send the run that waited for the data set (see `trainingDeferred`). */
  sendDeferredRun(): void;
  /** Give up the run that waited for the data set, saying why. */
  dropDeferredRun(message: string): void;
  /** Pause the shown run after its batch in flight. */
  pauseTraining(): void;
  /** Continue a paused run. */
  resumeTraining(): void;
  /** Train one more batch of a paused run, then stay paused. */
  stepTraining(): void;
  /** End the shown run after its batch in flight; its last saved epoch stays in the run list. */
  stopTraining(): void;
  /** Show no run and let the engine free its model; saved runs stay in the list. */
  resetTraining(): void;
  /** Another tab trains: ask again, taking training over (that tab's run stops after its batch in flight). */
  takeOverTraining(): void;
  /** Leave the other tab training: forget the offer to take over. */
  dismissTrainingElsewhere(): void;
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
      if (!setup.run) return false;
      const lab = { spec: setup.run.spec, hyperparameters: setup.run.settings };
      return get().beginRun({
        type: 'train-start',
        runId: newRunId(Date.now(), Math.random),
        name: defaultRunName(lab, state.runs.length + 1),
        spec: lab.spec,
        hyperparameters: lab.hyperparameters,
        pauseAfterBatches: options.stepOnly ? 1 : null,
      });
    },
    beginRun: (request) => {
      const session = sessionOf(get());
      if (!session.isRunning()) return false;
      const own = request.type === 'train-start' ? { ...(request.classes ? { classes: request.classes } : {}), ...(request.transfer ? { transfer: request.transfer } : {}) } : {};
      const lab = request.type === 'train-start' ? { spec: request.spec, hyperparameters: request.hyperparameters, ...own } : (get().runs.find((run) => run.id === request.runId)?.lab ?? null);
      get().trainingRunRequested(request, lab);
      // A saved CIFAR-10 run needs the data set in the engine: ask for it and send the request when it
      // is there (a run on your own classes trains on its kept split).
      if (request.type === 'train-continue' && get().dataStatus !== 'ready' && !lab?.classes) {
        set({ trainingDeferred: request });
        get().loadDataset();
        return true;
      }
      if (session.send(request) !== null) return true;
      get().trainingCleared();
      return false;
    },
    sendDeferredRun: () => {
      const request = get().trainingDeferred;
      if (!request) return;
      set({ trainingDeferred: null });
      if (sessionOf(get()).send(request) === null) get().trainingCleared();
    },
    dropDeferredRun: (message) => {
      get().trainingCleared();
      set({ trainingError: message });
    },
    // Acknowledged at once: the engine reads the command between micro-batches, which may be seconds away.
    pauseTraining: () => {
      get().trainingControlRequested('pause');
      sendToRun('train-pause');
    },
    resumeTraining: () => sendToRun('train-resume'),
    stepTraining: () => sendToRun('train-step'),
    stopTraining: () => {
      get().trainingControlRequested('stop');
      sendToRun('train-stop');
    },
    resetTraining: () => {
      get().trainingCleared();
      sessionOf(get()).send({ type: 'train-reset' });
    },
    takeOverTraining: () => {
      const elsewhere = get().trainingElsewhere;
      if (elsewhere) get().beginRun({ ...elsewhere.request, takeOver: true });
    },
    dismissTrainingElsewhere: () => set({ trainingElsewhere: null }),
  };
};
