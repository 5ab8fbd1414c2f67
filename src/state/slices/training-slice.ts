import type { StateCreator } from 'zustand';
import type { BatchPoint, EpochSummary } from '../../core/training-record';
import type { CheckpointSummary, TrainEvent, TrainingPositionInfo, TrainingStatus } from '../../engine/protocol-train';
import { DEFAULT_TRAINING_FORM, type TrainingForm } from '../training-form';
import type { AppState } from '../store';

/** `idle` before any run (or after Reset); otherwise the current run's status. */
export type TrainingPhase = 'idle' | TrainingStatus;

/** The training run the UI shows, and the saved checkpoint. */
export interface TrainingData {
  readonly trainingForm: TrainingForm;
  readonly trainingPhase: TrainingPhase;
  /** The run whose events are shown; events of any other run are dropped. */
  readonly trainingRunId: number | null;
  readonly trainingPosition: TrainingPositionInfo | null;
  readonly trainingSizes: { readonly trainImages: number; readonly validationImages: number } | null;
  /** Every batch point of the run, in order. */
  readonly trainingBatches: readonly BatchPoint[];
  readonly trainingEpochs: readonly EpochSummary[];
  /** Why the run ended or failed (early stop, NaN loss, lost GPU), from the engine. */
  readonly trainingMessage: string | null;
  /** A command the engine refused, or a checkpoint it could not save. */
  readonly trainingError: string | null;
  /** The checkpoint saved in this browser, or null. */
  readonly trainingCheckpoint: CheckpointSummary | null;
}

/** Training actions. The `training*Received` ones are called by the training bridge only. */
export interface TrainingActions {
  setTrainingForm(patch: Partial<TrainingForm>): void;
  /** A run was asked for: show it from now on (a resumed run's history arrives in its first events). */
  trainingRunRequested(runId: number): void;
  trainingEventReceived(event: TrainEvent): void;
  /**
   * Pause or Stop was clicked: show "Pausing…" / "Stopping…" at once, before the engine — busy with a
   * step — confirms it (its own status event follows and wins).
   */
  trainingControlRequested(control: 'pause' | 'stop'): void;
  /** Forget the run and its points (the engine forgets its model and checkpoint). */
  trainingCleared(): void;
}

/** Initial training state. */
export const initialTrainingData = (): TrainingData => ({
  trainingForm: DEFAULT_TRAINING_FORM,
  trainingPhase: 'idle',
  trainingRunId: null,
  trainingPosition: null,
  trainingSizes: null,
  trainingBatches: [],
  trainingEpochs: [],
  trainingMessage: null,
  trainingError: null,
  trainingCheckpoint: null,
});

/** Training slice. */
export const createTrainingSlice: StateCreator<AppState, [], [], TrainingData & TrainingActions> = (set) => ({
  ...initialTrainingData(),
  setTrainingForm: (patch) => set((state) => ({ trainingForm: { ...state.trainingForm, ...patch } })),
  // A new run starts from the initial run state; the form and the saved checkpoint stay as they are.
  trainingRunRequested: (runId) =>
    set((state) => ({
      ...initialTrainingData(),
      trainingForm: state.trainingForm,
      trainingCheckpoint: state.trainingCheckpoint,
      trainingRunId: runId,
      trainingPhase: 'preparing',
    })),
  trainingEventReceived: (event) => set((state) => applyEvent(state, event)),
  trainingControlRequested: (control) => set((state) => acknowledge(state.trainingPhase, control)),
  trainingCleared: () => set((state) => ({ ...initialTrainingData(), trainingForm: state.trainingForm })),
});

/** The phase a click on Pause or Stop shows until the engine answers (nothing when the click cannot act). */
function acknowledge(phase: TrainingPhase, control: 'pause' | 'stop'): Partial<TrainingData> {
  if (control === 'pause') return phase === 'running' ? { trainingPhase: 'pausing' } : {};
  return phase === 'running' || phase === 'pausing' || phase === 'paused' ? { trainingPhase: 'stopping' } : {};
}

function applyEvent(state: TrainingData, event: TrainEvent): Partial<TrainingData> {
  if (event.type === 'train-checkpoint') return { trainingCheckpoint: event.checkpoint };
  // Events of a run the UI no longer shows (stopped, replaced or reset a moment ago) are dropped.
  if (event.runId !== state.trainingRunId) return {};
  switch (event.type) {
    case 'train-status': {
      const position = event.position ?? state.trainingPosition;
      // A diverged run rewinds to its last good epoch; points past that are no longer the model's.
      const batches = position ? state.trainingBatches.filter((point) => point.iteration < position.iteration) : state.trainingBatches;
      return { trainingPhase: event.status, trainingMessage: event.message, trainingPosition: position, trainingSizes: event.sizes ?? state.trainingSizes, trainingBatches: batches };
    }
    case 'train-progress':
      return {
        trainingBatches: [...state.trainingBatches, ...event.batches],
        trainingEpochs: [...state.trainingEpochs, ...event.epochs],
        trainingPosition: event.position,
      };
    case 'train-error':
      return { trainingError: event.message };
  }
}
