/** The training controller's contract with the engine around it, and the run's model as others see it. */
import type * as tf from '@tensorflow/tfjs';
import type { RunId } from '../../core/training/run-record';
import type { EpochSummary } from '../../core/training/training-record';
import type { TrainCommand, TrainEvent } from '../protocol-train';
import type { TrainingWorkersOptions } from '../parallel/data-parallel-training';
import type { RunBroadcast } from '../runs/run-broadcast';
import type { RunRepository } from '../runs/run-repository';
import type { TrainingLock } from '../runs/training-lock';
import type { ModelLoan } from './model-loan';
import type { TrainingData, TrainingPosition, ValidationPredictions } from './trainer-types';
import type { ClassSetStore } from '../classes/class-set-store';
import type { LoadTransferSource } from './transfer-source';

/** What the controller needs from the engine around it. */
export interface TrainingControllerOptions {
  readonly emit: (event: TrainEvent) => void;
  /** The loaded data set, or null while none is loaded. */
  readonly getData: () => TrainingData | null;
  /** Where runs and their checkpoints are kept. */
  readonly runs: RunRepository;
  /** One trainer per browser (Web Locks); a lock of this engine alone when absent. */
  readonly lock?: TrainingLock;
  /** Run changes to and from the other tabs; none when absent. */
  readonly broadcast?: RunBroadcast | null;
  /** Name of the active backend (recorded in checkpoints). */
  readonly backend: () => string;
  /** Whether the active webgl backend draws on a software renderer (no shader warm-up there); false if absent. */
  readonly softwareRenderer?: () => boolean;
  readonly nowMs?: () => number;
  /** Wall-clock time for records; `new Date()` unless a test wants another. */
  readonly now?: () => Date;
  /** Least spacing of progress events; 100 ms (≤ 10 a second) unless a test wants another. */
  readonly progressIntervalMs?: number;
  /**
   * Data-parallel training for runs on wasm (issue 19): how to start gradient workers here, or null
   * where none can be started. Absent: every run trains on the engine's thread only.
   */
  readonly workers?: () => TrainingWorkersOptions | null;
  /**
   * Called after each epoch's validation with the class predicted for every validation image; `own`
   * for a run on your own classes: its class names and held-out pictures (a fresh copy), which live
   * only in the engine.
   */
  readonly onEpochPredictions?: (runId: RunId, epoch: number, validation: ValidationPredictions, own: OwnValidation | null) => void;
  /** The class sets, for runs on your own classes (each run's split is kept there). Absent: such runs fail, saying so. */
  readonly classSets?: ClassSetStore;
  /** Transfer learning: the trained network a run's first layers come from. Absent: such runs fail, saying so. */
  readonly transferSource?: LoadTransferSource;
}

/** A run on your own classes' validation: what its outputs stand for and its held-out pictures (NHWC bytes). */
export interface OwnValidation {
  readonly classNames: readonly string[];
  readonly pictures: Uint8Array;
}

/** The training side of the engine: runs one training run at a time, as the commands say, and the queue after it. */
export interface TrainingController {
  /** Carry out a command. Never throws: problems become `train-status` failed or `train-error` events. */
  handle(command: TrainCommand): Promise<void>;
  /** The GPU context died: end the run, pointing the user at the last checkpoint. */
  contextLost(message: string): void;
  /** The data set arrived: queued runs may start. */
  dataArrived(): void;
  /** The current run's model and where the run stands (for the classifier), or null when no run holds one. */
  currentModel(): TrainedModelView | null;
  /**
   * Lend the current run's model to work that needs its weights to stay still (an "evaluate now"):
   * null when no run holds a model, a step may run (preparing, running, pausing, stopping), or it is
   * lent already. Until the loan is given back, Start, Resume, Step one batch and Reset first abort
   * the loan's `signal` (its reason names what happened) and wait for `giveBack`.
   */
  lendModel(): ModelLoan | null;
  /**
   * Settled once the controller has marked the runs an earlier page left training as interrupted (it
   * waits while another tab trains; tests wait for it).
   */
  readonly ready: Promise<void>;
}

/**
 * A run's model as the classifier uses it. The model belongs to the run: never dispose it; it is freed
 * when the run is replaced or reset, so read it again for every use.
 */
export interface TrainedModelView {
  readonly model: tf.LayersModel;
  readonly runId: RunId;
  readonly position: TrainingPosition;
  /** The last finished epoch's summary (validation accuracy), or null before the first. */
  readonly lastEpoch: EpochSummary | null;
  readonly validationImages: number;
  /** The classes its outputs stand for, in order: CIFAR-10's, or the run's own. */
  readonly classNames: readonly string[];
}

/** A `train-start` or `train-continue` command. */
export type BeginCommand = Extract<TrainCommand, { type: 'train-start' | 'train-continue' }>;
