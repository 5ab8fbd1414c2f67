import type { StateCreator } from 'zustand';
import type { RunId, RunSummary } from '../../core/training/run-record';
import { formatBytes } from '../../core/training/run-record';
import type { TrainEvent } from '../../engine/protocol-train';
import type { AppState } from '../store';
import { createRunsCommands, type RunsCommands } from './runs-commands';

/** The run list: every run saved in this browser, and which of them are compared. */
export interface RunsData {
  /** Every saved run, oldest first (kept current by the engine's `run-saved` events, from every tab). */
  readonly runs: readonly RunSummary[];
  /** True once the engine has listed the saved runs. */
  readonly runsListed: boolean;
  /** The runs whose curves are drawn together, in the order picked. */
  readonly comparedRunIds: readonly RunId[];
  /** What the last deletion freed ("Deleted 2 runs, 29.7 MB freed."), or null. */
  readonly runsNotice: string | null;
}

/** Run-list actions and commands. `runsEventReceived` is called by the engine session's routes only. */
export interface RunsActions extends RunsCommands {
  runsEventReceived(event: Extract<TrainEvent, { type: 'run-saved' | 'runs-listed' | 'runs-deleted' }>): void;
  /** Add a run to the comparison, or take it out. */
  toggleComparedRun(runId: RunId): void;
}

/** Initial run list: not listed yet. */
export const initialRunsData = (): RunsData => ({ runs: [], runsListed: false, comparedRunIds: [], runsNotice: null });

/** Run-list slice. */
export const createRunsSlice: StateCreator<AppState, [], [], RunsData & RunsActions> = (set, get, store) => ({
  ...createRunsCommands(set, get, store),
  ...initialRunsData(),
  runsEventReceived: (event) => set((state) => applyRunsEvent(state, event)),
  toggleComparedRun: (runId) =>
    set((state) => ({ comparedRunIds: state.comparedRunIds.includes(runId) ? state.comparedRunIds.filter((id) => id !== runId) : [...state.comparedRunIds, runId] })),
});

function applyRunsEvent(state: RunsData, event: Extract<TrainEvent, { type: 'run-saved' | 'runs-listed' | 'runs-deleted' }>): Partial<RunsData> {
  switch (event.type) {
    case 'runs-listed':
      return { runs: event.runs, runsListed: true, comparedRunIds: state.comparedRunIds.filter((id) => event.runs.some((run) => run.id === id)) };
    case 'run-saved': {
      const index = state.runs.findIndex((run) => run.id === event.run.id);
      const runs = index === -1 ? [...state.runs, event.run] : state.runs.map((run, at) => (at === index ? event.run : run));
      return { runs };
    }
    case 'runs-deleted': {
      const gone = new Set(event.runIds);
      const count = event.runIds.length;
      return {
        runs: state.runs.filter((run) => !gone.has(run.id)),
        comparedRunIds: state.comparedRunIds.filter((id) => !gone.has(id)),
        runsNotice: `Deleted ${count} run${count === 1 ? '' : 's'}: ${formatBytes(event.freedBytes)} of this browser's storage freed.`,
      };
    }
  }
}
