/**
 * Which batch sizes a training run will meet, so the GPU programs for each can be compiled before the
 * first step the user sees (tfjs compiles one WebGL program per operation and tensor shape, so a last
 * partial batch of another size would stall the run again mid-epoch). Pure.
 */

/** The batch sizes of one run, each listed once. */
export interface RunBatchSizes {
  /** Sizes of the training steps: the full batch, then the last partial one if the epoch has one. */
  readonly train: readonly number[];
  /** Sizes of the validation batches, likewise. */
  readonly validation: readonly number[];
}

/**
 * The distinct sizes of the batches that cut `count` items into batches of `batchSize` (Keras' way:
 * all full but the last).
 * @throws RangeError when `batchSize` is not a whole number ≥ 1 or `count` is negative.
 */
export function distinctBatchSizes(count: number, batchSize: number): number[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size must be a whole number ≥ 1, got ${batchSize}`);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`image count must be a whole number ≥ 0, got ${count}`);
  if (count === 0) return [];
  const sizes = [Math.min(batchSize, count)];
  const rest = count % batchSize;
  if (count > batchSize && rest > 0) sizes.push(rest);
  return sizes;
}

/** The batch sizes a run of `trainImages` and `validationImages` meets at `batchSize`. */
export function runBatchSizes(trainImages: number, validationImages: number, batchSize: number): RunBatchSizes {
  return { train: distinctBatchSizes(trainImages, batchSize), validation: distinctBatchSizes(validationImages, batchSize) };
}
