/**
 * The training domain of the engine protocol: start a run (fresh or from the saved checkpoint), pause,
 * resume, step one batch, stop, reset; and the progress that comes back. Unioned into `EngineCommand`
 * / `EngineEvent` in protocol.ts.
 *
 * Every run has a `runId` chosen by the main thread when it asks for the run. Every event names its
 * run, so the store can drop events of a run it no longer shows (one stopped or reset a moment ago).
 */
import type { EpochSummary, BatchPoint } from '../core/training-record';
import type { ModelSpec } from '../core/model-spec';
import type { TrainingHyperparameters } from '../core/hyperparameters';

/** Where a run is: the next step to take. */
export interface TrainingPositionInfo {
  /** 0-based epoch of the next step (equals `epochs` when done). */
  readonly epoch: number;
  /** 0-based batch of the next step within its epoch. */
  readonly batch: number;
  /** Updates made so far. */
  readonly iteration: number;
  readonly batchesPerEpoch: number;
  readonly epochs: number;
}

/**
 * A run's life: `preparing` (building the model, reading a checkpoint; on webgl then compiling the GPU
 * shaders, announced by a second `preparing` event whose message names the batch sizes), `running`,
 * `pausing` (a pause waits for the batch in flight), `paused`, `stopping` (likewise), then one of the
 * ends: `stopped` by the user, `finished` (all epochs, or early stopping), `failed` (a NaN loss, an error, a lost GPU).
 */
export type TrainingStatus = 'preparing' | 'running' | 'pausing' | 'paused' | 'stopping' | 'stopped' | 'finished' | 'failed';

/** The statuses after which a run does nothing more. */
export const ENDED_TRAINING_STATUSES: readonly TrainingStatus[] = ['stopped', 'finished', 'failed'];

/** What the saved checkpoint holds, without its weights: enough to offer "Resume from epoch N". */
export interface CheckpointSummary {
  /** ISO 8601 time of saving. */
  readonly savedAt: string;
  readonly backend: string;
  readonly epochsDone: number;
  readonly iteration: number;
  readonly spec: ModelSpec;
  readonly hyperparameters: TrainingHyperparameters;
  readonly epochs: readonly EpochSummary[];
  readonly batches: readonly BatchPoint[];
}

/** One worker count's measured training speed, in images per second over its timed batches. */
export interface WorkerSpeedInfo {
  readonly workers: number;
  readonly imagesPerSecond: { readonly min: number; readonly median: number; readonly max: number; readonly count: number };
}

/**
 * How many data-parallel workers a run on wasm trains with, and why (issue 19): each worker computes
 * its share of every batch; the count is measured on the run's first batches.
 */
export interface TrainingWorkersInfo {
  /** Workers the next full batch uses (while measuring: the count being tried). */
  readonly workers: number;
  /** The most the run can use (one per logical core, within memory, and the batch's size). */
  readonly limit: number;
  /** True while the run's first batches are timed with each candidate count. */
  readonly measuring: boolean;
  /** How weights and gradients move between workers; null with one worker. */
  readonly exchange: 'shared' | 'transfer' | null;
  /** One sentence: how many, and why. */
  readonly reason: string;
  /** Each candidate count's speed, once measured. */
  readonly measured: readonly WorkerSpeedInfo[];
}

/** Training commands. */
export type TrainCommand =
  | {
      readonly type: 'train-start';
      readonly id: number;
      readonly runId: number;
      readonly spec: ModelSpec;
      readonly hyperparameters: TrainingHyperparameters;
      /** Continue the saved checkpoint (its model and settings; `hyperparameters.epochs` may extend it). */
      readonly resume: boolean;
      /** Pause after this many batches (1 for "Step one batch" before any run); null to run on. */
      readonly pauseAfterBatches: number | null;
    }
  | { readonly type: 'train-pause'; readonly id: number; readonly runId: number }
  | { readonly type: 'train-resume'; readonly id: number; readonly runId: number }
  /** Train exactly one more batch, then stay paused. Only while paused. */
  | { readonly type: 'train-step'; readonly id: number; readonly runId: number }
  /** End the run after the batch in flight. The model and the last checkpoint stay. */
  | { readonly type: 'train-stop'; readonly id: number; readonly runId: number }
  /** End any run, free its model and delete the saved checkpoint. */
  | { readonly type: 'train-reset'; readonly id: number }
  /** Ask what the saved checkpoint holds (answered by `train-checkpoint`). */
  | { readonly type: 'train-query-checkpoint'; readonly id: number };

/** Training events. */
export type TrainEvent =
  /** The run changed state. `message` explains ends and failures (early stop, NaN, errors). */
  | {
      readonly type: 'train-status';
      readonly runId: number;
      readonly status: TrainingStatus;
      readonly message: string | null;
      readonly position: TrainingPositionInfo | null;
      /** Images per epoch and per validation (known once the run is prepared). */
      readonly sizes: { readonly trainImages: number; readonly validationImages: number } | null;
    }
  /**
   * New points since the previous progress event of this run (at most about ten events a second).
   * On a resumed run, the first one carries the checkpoint's history.
   */
  | {
      readonly type: 'train-progress';
      readonly runId: number;
      readonly batches: readonly BatchPoint[];
      readonly epochs: readonly EpochSummary[];
      readonly position: TrainingPositionInfo;
    }
  /** A run on wasm started its data-parallel workers, or settled how many it uses (or lost them). */
  | { readonly type: 'train-workers'; readonly runId: number; readonly workers: TrainingWorkersInfo }
  /** The saved checkpoint after a save, a reset (null) or a query; `runId` is the saving run, if any. */
  | { readonly type: 'train-checkpoint'; readonly runId: number | null; readonly checkpoint: CheckpointSummary | null }
  /** A command that could not be carried out (no data, a bad spec, no such run); `runId` when it named one. */
  | { readonly type: 'train-error'; readonly id: number; readonly runId: number | null; readonly message: string };

/** The `type` tags of `TrainCommand`. */
export const TRAIN_COMMAND_TYPES: readonly TrainCommand['type'][] = [
  'train-start',
  'train-pause',
  'train-resume',
  'train-step',
  'train-stop',
  'train-reset',
  'train-query-checkpoint',
];
/** The `type` tags of `TrainEvent`. */
export const TRAIN_EVENT_TYPES: readonly TrainEvent['type'][] = ['train-status', 'train-progress', 'train-workers', 'train-checkpoint', 'train-error'];

/** Narrow any command to a training command. */
export function isTrainCommand(command: { readonly type: string }): command is TrainCommand {
  return (TRAIN_COMMAND_TYPES as readonly string[]).includes(command.type);
}

/** Narrow any event to a training event. */
export function isTrainEvent(event: { readonly type: string }): event is TrainEvent {
  return (TRAIN_EVENT_TYPES as readonly string[]).includes(event.type);
}
