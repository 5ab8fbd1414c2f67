/**
 * The run list's commands to the engine: list, rename, delete, queue and train the queue, and the
 * things a saved run offers — resume it, open it (to evaluate it, classify with it, look inside it),
 * or put its network and settings in the editor to run it again with changes.
 */
import type { StateCreator } from 'zustand';
import { specForClasses } from '../../core/lab/own-classes-lab';
import { MODEL_CLASS_COUNT } from '../../core/model/model-spec';
import { defaultRunName, newRunId, type RunId } from '../../core/training/run-record';
import { sessionOf } from '../engine-session';
import { readRunSetup, setupFromLab } from '../run-setup';
import type { AppState } from '../store';

/** Run-list commands. */
export interface RunsCommands {
  /** A new engine is ready: ask it for the saved runs. */
  runsEngineStarted(): void;
  renameRun(runId: RunId, name: string): void;
  deleteRuns(runIds: readonly RunId[]): void;
  /**
   * Add the edited network with the settings as typed to the queue (it waits for `startQueue`).
   * @returns false when the setup is invalid or no engine runs.
   */
  enqueueCurrentSetup(): boolean;
  /** Train the queue's runs one after the other. */
  startQueue(): void;
  /** Continue a saved run from its last saved epoch, with its own network and settings (`epochs` may extend it). */
  resumeRun(runId: RunId, epochs?: number | null): boolean;
  /** Load a saved run into the engine without training it: Evaluate now, the network's insides and Classify use it. */
  openRun(runId: RunId): boolean;
  /** Put a saved run's network and settings in the editor ("run again with changes"). */
  duplicateRun(runId: RunId): void;
}

/** The run-list commands, spread into the runs slice. */
export const createRunsCommands: StateCreator<AppState, [], [], RunsCommands> = (set, get) => ({
  runsEngineStarted: () => {
    sessionOf(get()).send({ type: 'runs-list' });
  },
  renameRun: (runId, name) => {
    sessionOf(get()).send({ type: 'run-rename', runId, name });
  },
  deleteRuns: (runIds) => {
    if (runIds.length > 0) sessionOf(get()).send({ type: 'runs-delete', runIds });
  },
  enqueueCurrentSetup: () => {
    const state = get();
    const splits = state.dataset?.splits;
    const setup = readRunSetup(state, splits ? { trainCount: splits.train.count, testCount: splits.test.count } : undefined);
    if (!setup.run) return false;
    const lab = { spec: setup.run.spec, hyperparameters: setup.run.settings };
    const runId = newRunId(Date.now(), Math.random);
    return sessionOf(state).send({ type: 'runs-enqueue', runs: [{ runId, name: defaultRunName(lab, state.runs.length + 1), lab }] }) !== null;
  },
  startQueue: () => {
    // The queue needs the data set; a queued run then starts as soon as it is loaded.
    get().loadDataset();
    sessionOf(get()).send({ type: 'queue-start' });
  },
  resumeRun: (runId, epochs = null) => get().beginRun({ type: 'train-continue', runId, epochs, pauseAfterBatches: null }),
  openRun: (runId) => get().beginRun({ type: 'train-continue', runId, epochs: null, pauseAfterBatches: 0 }),
  duplicateRun: (runId) => {
    const run = get().runs.find((candidate) => candidate.id === runId);
    // The editor makes CIFAR-10 networks: a network of your own classes comes back with ten outputs.
    if (run) set(setupFromLab(run.lab.classes ? { ...run.lab, spec: specForClasses(run.lab.spec, MODEL_CLASS_COUNT) } : run.lab));
  },
});
