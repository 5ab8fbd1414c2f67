/**
 * The training domain of the engine protocol: runs as data — start one, continue a saved one, queue
 * several, pause, resume, step one batch, stop, rename, delete — and the progress that comes back.
 * Unioned into `EngineCommand` / `EngineEvent` in protocol.ts.
 *
 * Every run has a `runId` (core/training/run-record.ts) chosen by the main thread when it asks for the run, and
 * every event names its run, so the store can tell the shown run's points from another's.
 */
import type { EpochSummary, BatchPoint } from '../core/training/training-record';
import type { ModelSpec } from '../core/model/model-spec';
import type { TrainingHyperparameters } from '../core/training/hyperparameters';
import type { RunId, RunLab, RunSummary } from '../core/training/run-record';
import type { TrainingStatus } from '../core/training/training-lifecycle';
import type { ClassSetSummary } from '../core/data/class-set';
import type { OwnClassesSource, TransferSettings } from '../core/lab/own-classes-lab';

export type { TrainingStatus } from '../core/training/training-lifecycle';
export type { RunId, RunSummary } from '../core/training/run-record';

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

/** A run to add to the queue. */
export interface QueuedRunRequest {
  readonly runId: RunId;
  readonly name: string;
  readonly lab: RunLab;
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
      /** Make a new run of `spec` and `hyperparameters` and train it now (ending any run in the engine). */
      readonly type: 'train-start';
      readonly id: number;
      readonly runId: RunId;
      readonly name: string;
      readonly spec: ModelSpec;
      readonly hyperparameters: TrainingHyperparameters;
      /** Pause after this many batches (1 for "Step one batch" before any run); null to run on. */
      readonly pauseAfterBatches: number | null;
      /** Train even though another tab trains: that tab's run stops after its batch in flight. */
      readonly takeOver?: boolean;
      /**
       * Train on your own classes: the engine reads the set by id, splits it (seeded by the run's seed)
       * and keeps the split with the run. `spec` must end in one unit per class. Absent: CIFAR-10.
       */
      readonly classes?: OwnClassesSource;
      /** Start `spec`'s first layers from a trained CIFAR-10 network (`spec` must share them). Needs `classes`. */
      readonly transfer?: TransferSettings;
      /** The pretrained model's model.json, for a `transfer` from it. */
      readonly pretrainedModelUrl?: string;
    }
  | {
      /**
       * Load a saved run into the engine — its own network and settings, from its last checkpoint
       * (from scratch if it has none) — and train it on. `epochs` may extend it; `pauseAfterBatches` 0
       * opens it without training (to evaluate it, classify with it, look inside it).
       */
      readonly type: 'train-continue';
      readonly id: number;
      readonly runId: RunId;
      readonly epochs: number | null;
      readonly pauseAfterBatches: number | null;
      readonly takeOver?: boolean;
    }
  | { readonly type: 'train-pause'; readonly id: number; readonly runId: RunId }
  | { readonly type: 'train-resume'; readonly id: number; readonly runId: RunId }
  /** Train exactly one more batch, then stay paused. Only while paused. */
  | { readonly type: 'train-step'; readonly id: number; readonly runId: RunId }
  /** End the run after the batch in flight. The model and the run's last checkpoint stay. */
  | { readonly type: 'train-stop'; readonly id: number; readonly runId: RunId }
  /** End any run in the engine and free its model; saved runs stay in the list. */
  | { readonly type: 'train-reset'; readonly id: number }
  /** Ask for every saved run (answered by `runs-listed`). */
  | { readonly type: 'runs-list'; readonly id: number }
  /** Ask for one run's batch points (answered by `run-detail-result`). */
  | { readonly type: 'run-detail'; readonly id: number; readonly runId: RunId }
  | { readonly type: 'run-rename'; readonly id: number; readonly runId: RunId; readonly name: string }
  /** Delete saved runs and their checkpoints (answered by `runs-deleted`). A run training now is refused. */
  | { readonly type: 'runs-delete'; readonly id: number; readonly runIds: readonly RunId[] }
  /** Add runs to the queue, where they wait for `queue-start`. */
  | { readonly type: 'runs-enqueue'; readonly id: number; readonly runs: readonly QueuedRunRequest[] }
  /**
   * Train the queue: its runs one after the other, each when the one before it finished (or failed),
   * whenever nothing else trains. A queue run the user stops holds the queue until this comes again;
   * one interrupted by a reload goes on by itself once the data is loaded.
   */
  | { readonly type: 'queue-start'; readonly id: number }
  /** Before a run on your own classes: is the set there, and can it train? (answered by `train-classes-checked`). */
  | { readonly type: 'train-classes-check'; readonly id: number; readonly setId: string };

/** Training events. */
export type TrainEvent =
  /** The run in the engine changed state. `message` explains ends and failures (early stop, NaN, errors). */
  | {
      readonly type: 'train-status';
      readonly runId: RunId;
      readonly status: TrainingStatus;
      readonly message: string | null;
      readonly position: TrainingPositionInfo | null;
      /** Images per epoch and per validation (known once the run is prepared). */
      readonly sizes: { readonly trainImages: number; readonly validationImages: number } | null;
      /** The run's network and settings (known once the run is prepared; a continued run's are its own). */
      readonly lab: RunLab | null;
    }
  /**
   * New points since the previous progress event of this run (at most about ten events a second).
   * On a continued run, the first one carries its history so far.
   */
  | {
      readonly type: 'train-progress';
      readonly runId: RunId;
      readonly batches: readonly BatchPoint[];
      readonly epochs: readonly EpochSummary[];
      readonly position: TrainingPositionInfo;
    }
  /** A run on wasm started its data-parallel workers, or settled how many it uses (or lost them). */
  | { readonly type: 'train-workers'; readonly runId: RunId; readonly workers: TrainingWorkersInfo }
  /** A saved run was created or changed (in this tab, or in another tab of this browser). */
  | { readonly type: 'run-saved'; readonly run: RunSummary }
  /** Every saved run, oldest first. */
  | { readonly type: 'runs-listed'; readonly id: number; readonly runs: readonly RunSummary[] }
  /** One run's batch points and epochs, for showing a run that is not in the engine. */
  | { readonly type: 'run-detail-result'; readonly id: number; readonly runId: RunId; readonly batches: readonly BatchPoint[]; readonly epochs: readonly EpochSummary[] }
  /** Runs deleted (in this tab or another), with the bytes their storage held. */
  | { readonly type: 'runs-deleted'; readonly id: number | null; readonly runIds: readonly RunId[]; readonly freedBytes: number }
  /**
   * This tab may not train now: another tab of this browser is training (it holds the training lock).
   * The page offers to watch that run or to take over (`takeOver` on the same command).
   */
  | { readonly type: 'training-elsewhere'; readonly id: number; readonly runId: RunId; readonly message: string }
  /** The class set a run would train on (null: not in this browser) and why it cannot train yet (none: it can). */
  | { readonly type: 'train-classes-checked'; readonly id: number; readonly setId: string; readonly set: ClassSetSummary | null; readonly problems: readonly string[] }
  /** A command that could not be carried out (no data, a bad spec, no such run); `runId` when it named one. */
  | { readonly type: 'train-error'; readonly id: number; readonly runId: RunId | null; readonly message: string };

/** The `type` tags of `TrainCommand`. */
export const TRAIN_COMMAND_TYPES: readonly TrainCommand['type'][] = [
  'train-start',
  'train-continue',
  'train-pause',
  'train-resume',
  'train-step',
  'train-stop',
  'train-reset',
  'runs-list',
  'run-detail',
  'run-rename',
  'runs-delete',
  'runs-enqueue',
  'queue-start',
  'train-classes-check',
];
/** The `type` tags of `TrainEvent`. */
export const TRAIN_EVENT_TYPES: readonly TrainEvent['type'][] = ['train-status', 'train-progress', 'train-workers', 'run-saved', 'runs-listed', 'run-detail-result', 'runs-deleted', 'training-elsewhere', 'train-error', 'train-classes-checked'];

/** Narrow any command to a training command. */
export function isTrainCommand(command: { readonly type: string }): command is TrainCommand {
  return (TRAIN_COMMAND_TYPES as readonly string[]).includes(command.type);
}

/** Narrow any event to a training event. */
export function isTrainEvent(event: { readonly type: string }): event is TrainEvent {
  return (TRAIN_EVENT_TYPES as readonly string[]).includes(event.type);
}
