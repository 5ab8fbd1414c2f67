import type { EarlyStoppingState } from '../../core/training/early-stopping';
import type { SavedHyperparameters } from '../../core/training/hyperparameters';
import type { ModelSpec } from '../../core/model/model-spec';
import type { BatchPoint, EpochSummary } from '../../core/training/training-record';
import type { NamedArray, TrainingWeights } from './weights';

/**
 * A run saved after an epoch: enough to continue it exactly where it was (same weights, optimiser
 * slots and step count, same shuffles, same early-stopping memory) after a reload, a lost WebGL
 * context, or in another sitting of the CLI.
 */
export interface TrainingCheckpoint {
  readonly format: 'cnn-playground-training-checkpoint';
  readonly version: 1;
  /** ISO 8601 time of saving. */
  readonly savedAt: string;
  /** Backend that trained it (`webgl`, `cpu`, `wasm`). */
  readonly backend: string;
  readonly spec: ModelSpec;
  /** The run's settings; read them through `hyperparametersFromSaved` (older checkpoints lack `augment`). */
  readonly hyperparameters: SavedHyperparameters;
  /** Completed epochs: the next epoch to run, 0-based. */
  readonly epochsDone: number;
  /** Updates made so far (Keras' `iterations`, which drives the decay). */
  readonly iteration: number;
  readonly history: TrainingHistory;
  readonly earlyStopping: EarlyStoppingState;
  readonly weights: TrainingWeights;
  /** Early stopping's copy of the best epoch's weights, when it holds one. */
  readonly bestWeights: readonly NamedArray[] | null;
}

/** Every point a run recorded. */
export interface TrainingHistory {
  readonly batches: readonly BatchPoint[];
  readonly epochs: readonly EpochSummary[];
}

/** Where checkpoints live: IndexedDB in the browser, a folder for the CLI, memory in tests. */
export interface CheckpointStore {
  /** Replace the saved checkpoint with `checkpoint`. */
  save(checkpoint: TrainingCheckpoint): Promise<void>;
  /** The saved checkpoint, or null when there is none. */
  load(): Promise<TrainingCheckpoint | null>;
  /** Forget the saved checkpoint. */
  clear(): Promise<void>;
}

/** A store that keeps the checkpoint in memory (tests; a browser without IndexedDB). */
export function createMemoryCheckpointStore(): CheckpointStore {
  let saved: TrainingCheckpoint | null = null;
  return {
    save: async (checkpoint) => {
      saved = checkpoint;
    },
    load: async () => saved,
    clear: async () => {
      saved = null;
    },
  };
}
