/**
 * What a training run records: one point per batch and one summary per epoch. Plain data, shared by
 * the engine (which produces it), the protocol, the store, the views and the CLI.
 */

/** The loss and accuracy of one training step, measured on its batch before the update. */
export interface BatchPoint {
  /** Updates made before this one, over the whole run (0 for the first). */
  readonly iteration: number;
  /** 0-based epoch. */
  readonly epoch: number;
  /** 0-based batch within the epoch. */
  readonly batch: number;
  /** Mean categorical cross-entropy over the batch (nats). */
  readonly loss: number;
  /** Fraction of the batch classified correctly, 0..1. */
  readonly accuracy: number;
  /** Learning rate used for this update. */
  readonly learningRate: number;
}

/** One epoch, as Keras' `fit` reports it: training means weighted by batch size, then validation. */
export interface EpochSummary {
  /** 0-based epoch. */
  readonly epoch: number;
  /** Mean training loss over the epoch's images (nats). */
  readonly loss: number;
  /** Training accuracy over the epoch's images, 0..1. */
  readonly accuracy: number;
  /** Loss on the validation images after the epoch. */
  readonly valLoss: number;
  /** Accuracy on the validation images after the epoch, 0..1. */
  readonly valAccuracy: number;
  /** Wall-clock seconds for the epoch's training steps and its validation. */
  readonly seconds: number;
  /** Training images per second (steps only, validation excluded). */
  readonly imagesPerSecond: number;
}

/** Running sums for an epoch's training means, weighted by batch size as Keras does. */
export interface EpochAccumulator {
  readonly images: number;
  readonly lossSum: number;
  readonly correct: number;
  /** Seconds spent in training steps. */
  readonly trainSeconds: number;
}

/** An empty accumulator. */
export const EMPTY_EPOCH_ACCUMULATOR: EpochAccumulator = { images: 0, lossSum: 0, correct: 0, trainSeconds: 0 };

/** Add one batch of `size` images to `sums`. */
export function accumulateBatch(sums: EpochAccumulator, size: number, loss: number, accuracy: number, seconds: number): EpochAccumulator {
  return {
    images: sums.images + size,
    lossSum: sums.lossSum + loss * size,
    correct: sums.correct + accuracy * size,
    trainSeconds: sums.trainSeconds + seconds,
  };
}

/** "Accuracy: 67.42%": the line the tutorial prints after `model.evaluate`. */
export function formatAccuracyLine(accuracy: number): string {
  return `Accuracy: ${(accuracy * 100).toFixed(2)}%`;
}

/** Batches in one epoch of `images` images: the last batch may be smaller, as in Keras. */
export function batchesPerEpoch(images: number, batchSize: number): number {
  return Math.ceil(images / batchSize);
}
