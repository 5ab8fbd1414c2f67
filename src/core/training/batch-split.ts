/**
 * How a training batch is shared among data-parallel workers (issue 19): each worker computes the
 * gradients of a contiguous run of the batch's images, weighted by its share, and the sums add up to
 * the gradient of the whole batch. Pure.
 *
 * Contiguous and by position in the batch, because the dropout masks are drawn by an image's position
 * in the whole batch: whoever computes image 300, it gets the same mask, so the update does not depend
 * on how many workers there are.
 */

/** The images `start` … `end − 1` of a batch, given to one worker. */
export interface BatchShare {
  readonly start: number;
  readonly end: number;
}

/**
 * The fewest images a worker is given: below this, sending it the weights and reading back its
 * gradients (the whole model's size each way, 14.8 MB for the tutorial's) costs about what computing
 * its images would, so a smaller batch uses fewer workers.
 */
export const MIN_IMAGES_PER_WORKER = 32;

/**
 * How many of `available` workers a batch of `count` images uses: at most one per
 * `minImagesPerWorker` images, at least one.
 * @throws RangeError when `count` or `available` is not a whole number ≥ 1.
 */
export function workersForBatch(count: number, available: number, minImagesPerWorker: number = MIN_IMAGES_PER_WORKER): number {
  assertWhole('image count', count);
  assertWhole('worker count', available);
  return Math.max(1, Math.min(available, Math.floor(count / minImagesPerWorker)));
}

/**
 * Cut `count` images into `workers` contiguous shares as even as whole images allow (sizes differ by
 * at most one; the first shares are the smaller ones), in batch order.
 * @throws RangeError when `workers` exceeds `count` or either is not a whole number ≥ 1.
 */
export function splitBatch(count: number, workers: number): BatchShare[] {
  assertWhole('image count', count);
  assertWhole('worker count', workers);
  if (workers > count) throw new RangeError(`cannot share ${count} images among ${workers} workers: each needs at least one`);
  return Array.from({ length: workers }, (_, index) => ({ start: Math.floor((index * count) / workers), end: Math.floor(((index + 1) * count) / workers) }));
}

function assertWhole(what: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a whole number ≥ 1, got ${value}`);
}
