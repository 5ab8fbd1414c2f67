import type { StateCreator } from 'zustand';
import type { RunId, RunLab } from '../../core/training/run-record';
import type { TrainingPhase } from '../../core/training/training-lifecycle';
import type { BatchPoint, EpochSummary } from '../../core/training/training-record';
import type { TrainCommand, TrainEvent, TrainingPositionInfo, TrainingWorkersInfo } from '../../engine/protocol-train';
import { DEFAULT_TRAINING_FORM, type TrainingForm } from '../training-form';
import type { AppState } from '../store';
import { createTrainingCommands, type TrainingCommands } from './training-commands';

export type { TrainingPhase } from '../../core/training/training-lifecycle';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A command that started or continued a run, without its id: kept to send again with `takeOver`. */
export type BeginRequest = DistributiveOmit<Extract<TrainCommand, { type: 'train-start' | 'train-continue' }>, 'id'>;

/** The run the Train view shows: the one in the engine (the engine trains one at a time). */
export interface TrainingData {
  readonly trainingForm: TrainingForm;
  readonly trainingPhase: TrainingPhase;
  /** The run whose events are shown; events of any other run are dropped until another run starts preparing. */
  readonly trainingRunId: RunId | null;
  /** The shown run's network and settings, as the engine trains them (a continued run's are its own). */
  readonly trainingLab: RunLab | null;
  readonly trainingPosition: TrainingPositionInfo | null;
  readonly trainingSizes: { readonly trainImages: number; readonly validationImages: number } | null;
  /** Every batch point of the run, in order. */
  readonly trainingBatches: readonly BatchPoint[];
  readonly trainingEpochs: readonly EpochSummary[];
  /** Why the run ended or failed (early stop, NaN loss, lost GPU), from the engine. */
  readonly trainingMessage: string | null;
  /** A command the engine refused, or a checkpoint it could not save. */
  readonly trainingError: string | null;
  /** Another tab trains: what was asked for here (to send again with `takeOver`) and the engine's words. */
  readonly trainingElsewhere: { readonly request: BeginRequest; readonly message: string } | null;
  /** The last start or continue asked for, until the engine answers it. */
  readonly trainingRequest: BeginRequest | null;
  /**
   * A saved run asked for (opened, resumed) before CIFAR-10 was in the engine: sent once the data set
   * is ready (store-reactions), since the engine needs the data to rebuild the run.
   */
  readonly trainingDeferred: BeginRequest | null;
  /** How many data-parallel workers the run trains with on wasm, and why; null before the engine says. */
  readonly trainingWorkers: TrainingWorkersInfo | null;
}

/** Training actions and commands. `trainingEventReceived` is called by the engine session's routes only. */
export interface TrainingActions extends TrainingCommands {
  setTrainingForm(patch: Partial<TrainingForm>): void;
  /** A run was asked for: show it from now on (a continued run's history arrives in its first events). */
  trainingRunRequested(request: BeginRequest, lab: RunLab | null): void;
  trainingEventReceived(event: TrainEvent): void;
  /**
   * Pause or Stop was clicked: show "Pausing…" / "Stopping…" at once, before the engine — busy with a
   * step — confirms it (its own status event follows and wins).
   */
  trainingControlRequested(control: 'pause' | 'stop'): void;
  /** Show no run (the engine frees its model; saved runs stay). */
  trainingCleared(): void;
}

/** Initial training state. */
export const initialTrainingData = (): TrainingData => ({
  trainingForm: DEFAULT_TRAINING_FORM,
  trainingPhase: 'idle',
  trainingRunId: null,
  trainingLab: null,
  trainingPosition: null,
  trainingSizes: null,
  trainingBatches: [],
  trainingEpochs: [],
  trainingMessage: null,
  trainingError: null,
  trainingElsewhere: null,
  trainingRequest: null,
  trainingDeferred: null,
  trainingWorkers: null,
});

/** The shown run's part of the state, blank (the form stays). */
function blankRun(state: TrainingData): TrainingData {
  return { ...initialTrainingData(), trainingForm: state.trainingForm };
}

/** Training slice. */
export const createTrainingSlice: StateCreator<AppState, [], [], TrainingData & TrainingActions> = (set, get, store) => ({
  ...createTrainingCommands(set, get, store),
  ...initialTrainingData(),
  setTrainingForm: (patch) => set((state) => ({ trainingForm: { ...state.trainingForm, ...patch } })),
  trainingRunRequested: (request, lab) => set((state) => ({ ...blankRun(state), trainingRunId: request.runId, trainingLab: lab, trainingPhase: 'preparing', trainingRequest: request })),
  trainingEventReceived: (event) => set((state) => applyEvent(state, event)),
  trainingControlRequested: (control) => set((state) => acknowledge(state.trainingPhase, control)),
  trainingCleared: () => set((state) => blankRun(state)),
});

/** The phase a click on Pause or Stop shows until the engine answers (nothing when the click cannot act). */
function acknowledge(phase: TrainingPhase, control: 'pause' | 'stop'): Partial<TrainingData> {
  if (control === 'pause') return phase === 'running' ? { trainingPhase: 'pausing' } : {};
  return phase === 'running' || phase === 'pausing' || phase === 'paused' ? { trainingPhase: 'stopping' } : {};
}

function applyEvent(state: TrainingData, event: TrainEvent): Partial<TrainingData> {
  switch (event.type) {
    case 'train-status': {
      // The engine began another run by itself (the queue's next one): show that one now.
      const base = event.runId !== state.trainingRunId && event.status === 'preparing' ? { ...blankRun(state), trainingRunId: event.runId } : state;
      if (event.runId !== base.trainingRunId) return {};
      const position = event.position ?? base.trainingPosition;
      // A diverged run rewinds to its last good epoch; points past that are no longer the model's.
      const batches = position ? base.trainingBatches.filter((point) => point.iteration < position.iteration) : base.trainingBatches;
      return { ...base, trainingPhase: event.status, trainingMessage: event.message, trainingPosition: position, trainingSizes: event.sizes ?? base.trainingSizes, trainingBatches: batches, trainingLab: event.lab ?? base.trainingLab, trainingElsewhere: null, trainingRequest: null };
    }
    case 'training-elsewhere': {
      const request = state.trainingRequest;
      if (!request || request.runId !== event.runId) return {};
      // Nothing started here: show no run, and offer to take over.
      return { ...blankRun(state), trainingElsewhere: { request, message: event.message } };
    }
    case 'train-progress':
      if (event.runId !== state.trainingRunId) return {};
      return {
        trainingBatches: [...state.trainingBatches, ...event.batches],
        trainingEpochs: [...state.trainingEpochs, ...event.epochs],
        trainingPosition: event.position,
      };
    case 'train-workers':
      if (event.runId !== state.trainingRunId) return {};
      return { trainingWorkers: event.workers };
    case 'train-error':
      // Errors of runs no longer shown are old news; errors of no run (a rename, a deletion) are shown.
      if (event.runId !== null && event.runId !== state.trainingRunId) return {};
      return { trainingError: event.message };
    default:
      return {};
  }
}
