/**
 * Training on your own classes: `startOwnClassesRun` asks the engine whether the class set can train
 * (it is there, every class has enough pictures), plans the run (own-run-plan.ts) and starts it as any
 * other run — so the charts, checkpoints, run list, pause and stop work as for CIFAR-10. Why a run could
 * not start is kept here for the view that asked.
 */
import type { StateCreator } from 'zustand';
import type { OwnClassesRunRequest } from '../../core/lab/own-classes-lab';
import { defaultRunName, newRunId } from '../../core/training/run-record';
import { sessionOf } from '../engine-session';
import { planOwnRun } from '../own-run-plan';
import type { AppState } from '../store';
import { messageOf, pretrainedModelUrl } from './classify-commands';

/** The own-classes run's state. */
export interface OwnRunData {
  /** True while the class set is checked before a run starts. */
  readonly ownRunChecking: boolean;
  /** Why the last asked-for run did not start, one sentence each; empty when it started. */
  readonly ownRunProblems: readonly string[];
}

/** The own-classes run's actions. */
export interface OwnRunActions {
  /**
   * Train a run on a class set, from scratch (the editor's network, its last layer resized to the set's
   * classes) or by transfer (a trained CIFAR-10 network's convolution part and a new head). Problems
   * (no such set, a class with too few pictures, no network to start from) land in `ownRunProblems`;
   * a started run shows in Train like any other.
   */
  startOwnClassesRun(request: OwnClassesRunRequest): void;
  /** Forget the problems shown. */
  dismissOwnRunProblems(): void;
}

/** Nothing asked yet. */
export const initialOwnRunData = (): OwnRunData => ({ ownRunChecking: false, ownRunProblems: [] });

/** The own-classes run slice. */
export const createOwnRunSlice: StateCreator<AppState, [], [], OwnRunData & OwnRunActions> = (set, get) => ({
  ...initialOwnRunData(),
  startOwnClassesRun: (request) => {
    const session = sessionOf(get());
    set({ ownRunChecking: true, ownRunProblems: [] });
    session.request({ type: 'train-classes-check', setId: request.setId }).then(
      (event) => {
        if (event.type !== 'train-classes-checked') return;
        const state = get();
        const plan = planOwnRun({ request, set: event.set, setProblems: event.problems, modelSpec: state.modelSpec, runs: state.runs });
        if (!plan.ok) {
          set({ ownRunChecking: false, ownRunProblems: plan.problems });
          return;
        }
        const { lab } = plan;
        const started = state.beginRun({
          type: 'train-start',
          runId: newRunId(Date.now(), Math.random),
          name: defaultRunName(lab, state.runs.length + 1),
          spec: lab.spec,
          hyperparameters: lab.hyperparameters,
          pauseAfterBatches: null,
          classes: lab.classes,
          ...(lab.transfer ? { transfer: lab.transfer, pretrainedModelUrl: pretrainedModelUrl() } : {}),
        });
        set({ ownRunChecking: false, ownRunProblems: started ? [] : ['The engine is not running: wait until it has started, then train again.'] });
      },
      (error: unknown) => set({ ownRunChecking: false, ownRunProblems: [`The class set could not be read: ${messageOf(error)}`] }),
    );
  },
  dismissOwnRunProblems: () => set({ ownRunProblems: [] }),
});
