/** What a training run is made from and what its steps report (the Trainer's vocabulary). */
import type * as tf from '@tensorflow/tfjs';
import type { CifarArrays } from '../../core/data/cifar-format';
import type { TrainingHyperparameters } from '../../core/training/hyperparameters';
import type { ModelSpec } from '../../core/model/model-spec';
import type { BatchPoint, EpochSummary } from '../../core/training/training-record';
import type { TrainingWorkersOptions } from '../parallel/data-parallel-training';
import type { TrainingCheckpoint } from './checkpoint';

/** The two splits a run draws from. */
export interface TrainingData {
  readonly train: CifarArrays;
  readonly test: CifarArrays;
}

/** Where a run is: the next step to take. */
export interface TrainingPosition {
  /** 0-based epoch of the next step (equals `epochs` when done). */
  readonly epoch: number;
  /** 0-based batch of the next step within its epoch. */
  readonly batch: number;
  /** Updates made so far. */
  readonly iteration: number;
  readonly batchesPerEpoch: number;
  readonly epochs: number;
}

/** What one call of `Trainer.step` did. */
export type StepOutcome =
  | { readonly kind: 'batch'; readonly point: BatchPoint }
  /** The step finished an epoch, which was then validated. `stopMessage` is set when early stopping ended the run. */
  | { readonly kind: 'epoch'; readonly point: BatchPoint; readonly summary: EpochSummary; readonly stopMessage: string | null; readonly validation: ValidationPredictions }
  /** The run diverged (core/training/divergence.ts: a NaN loss, a loss that stays far above ln 10, exploding weights, chance after an epoch): the weights and optimiser were put back as they were after the last good epoch; `message` says why and what to change. */
  | { readonly kind: 'diverged'; readonly point: BatchPoint; readonly message: string };

/** What `Trainer.step(interrupt)` gives when `interrupt` stopped the batch between micro-batches: nothing was trained or recorded; the next step takes the same batch. */
export interface InterruptedStep {
  readonly kind: 'interrupted';
}

/** What the model predicted for each validation image after an epoch (fresh arrays, the caller's to keep). */
export interface ValidationPredictions {
  /** Test-split indices of the validated images, in validation order. */
  readonly indices: Uint32Array;
  /** Their true classes. */
  readonly labels: Uint8Array;
  /** The predicted class of each (argmax of the softmax). */
  readonly predictions: Uint8Array;
}

/** How a run is made: fresh from a spec and settings, or continued from a checkpoint. */
export interface TrainerOptions {
  readonly spec: ModelSpec;
  readonly hyperparameters: TrainingHyperparameters;
  readonly data: TrainingData;
  /** Name of the active backend, recorded in checkpoints. */
  readonly backend: string;
  /** Continue this run (its spec and settings win, except `epochs`, which may extend it). */
  readonly checkpoint?: TrainingCheckpoint | null;
  /** Milliseconds clock; `performance.now` unless a test needs another. */
  readonly nowMs?: () => number;
  /**
   * Train data-parallel across gradient workers where the backend is wasm (issue 19); absent or null:
   * every step on this thread, as before.
   */
  readonly workers?: TrainingWorkersOptions | null;
  /** Classes the network tells apart (its last layer's units): 10, CIFAR-10's, unless a class set's. */
  readonly classCount?: number;
  /** Transfer learning: where the first layers come from and whether they are frozen. */
  readonly transfer?: TrainerTransfer | null;
}

/**
 * Transfer learning for `Trainer.create`: the first `keptLayers` layers start from `source`'s weights
 * (only when the run starts: a checkpoint holds them afterwards, so `source` may then be null), and are
 * kept out of training on every sitting when `freeze` is true.
 */
export interface TrainerTransfer {
  readonly keptLayers: number;
  readonly freeze: boolean;
  /** The trained CIFAR-10 network to copy from; read, never disposed by the trainer. */
  readonly source: tf.LayersModel | null;
}
