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

/** "512", "512 and 336": sizes as a sentence says them. */
function listSizes(sizes: readonly number[]): string {
  return sizes.length <= 1 ? sizes.join('') : `${sizes.slice(0, -1).join(', ')} and ${sizes.at(-1) ?? ''}`;
}

/**
 * What the Train view says while the warm-up runs, e.g. "Compiling GPU shaders for training batches of
 * 512 and 336 images and validation batches of 512 and 272, so that no step stalls on them…".
 */
export function describeWarmUp(sizes: RunBatchSizes): string {
  const validation = sizes.validation.length > 0 ? ` and validation batches of ${listSizes(sizes.validation)}` : '';
  return `Compiling GPU shaders for training batches of ${listSizes(sizes.train)} images${validation}, so that no step stalls on them later…`;
}
