import type { StateCreator } from 'zustand';
import type { BatchPoint, EpochSummary } from '../../core/training-record';
import type { CheckpointSummary, TrainEvent, TrainingPositionInfo, TrainingStatus } from '../../engine/protocol-train';
import { DEFAULT_TRAINING_FORM, type TrainingForm } from '../training-form';
import type { AppState } from '../store';
import { createTrainingCommands, type TrainingCommands } from './training-commands';

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
  /** Runs started in this page so far: the next run's id is one more (kept across Reset, so an old run's late events never match). */
  readonly trainingRunsStarted: number;
}

/** Training actions and commands. `trainingEventReceived` is called by the engine session's routes only. */
export interface TrainingActions extends TrainingCommands {
  setTrainingForm(patch: Partial<TrainingForm>): void;
  /** A run was asked for: show it from now on (a resumed run's history arrives in its first events). */
  trainingRunRequested(runId: number): void;
  trainingEventReceived(event: TrainEvent): void;
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
  trainingRunsStarted: 0,
});

/** Training slice. */
export const createTrainingSlice: StateCreator<AppState, [], [], TrainingData & TrainingActions> = (set, get, store) => ({
  ...createTrainingCommands(set, get, store),
  ...initialTrainingData(),
  setTrainingForm: (patch) => set((state) => ({ trainingForm: { ...state.trainingForm, ...patch } })),
  // A new run starts from the initial run state; the form and the saved checkpoint stay as they are.
  trainingRunRequested: (runId) =>
    set((state) => ({
      ...initialTrainingData(),
      trainingForm: state.trainingForm,
      trainingCheckpoint: state.trainingCheckpoint,
      trainingRunsStarted: state.trainingRunsStarted,
      trainingRunId: runId,
      trainingPhase: 'preparing',
    })),
  trainingEventReceived: (event) => set((state) => applyEvent(state, event)),
  trainingCleared: () => set((state) => ({ ...initialTrainingData(), trainingForm: state.trainingForm, trainingRunsStarted: state.trainingRunsStarted })),
});

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
