/**
 * Which images make up each training step. The order of an epoch is a seeded shuffle of the run's
 * training images, recomputable from (seed, epoch) alone, so a run resumed from a checkpoint visits
 * exactly the batches it would have visited without the interruption.
 */
import { mulberry32 } from '../common/seeded-random';

/**
 * The shuffle seed of epoch `epoch` (0-based) of a run seeded with `seed`: mixed so that epochs differ
 * and epoch e of seed s is not epoch 0 of seed s + e.
 */
export function epochSeed(seed: number, epoch: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(epoch + 1, 0x85ebca6b)) >>> 0;
}

/**
 * The visiting order of one epoch: the run's image indices (`pool`, e.g. a class-balanced subset) in a
 * seeded random order.
 * @returns a new array of the same values as `pool`, permuted.
 */
export function epochOrder(pool: Uint32Array, seed: number, epoch: number): Uint32Array {
  const order = Uint32Array.from(pool);
  const random = mulberry32(epochSeed(seed, epoch));
  // Fisher–Yates: walk down, swapping each slot with a uniformly chosen slot at or below it.
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    const value = order[index] ?? 0;
    order[index] = order[other] ?? 0;
    order[other] = value;
  }
  return order;
}

/**
 * The image indices of batch `batch` (0-based) of an epoch visiting `order`: `batchSize` of them, or
 * fewer for the last batch, as in Keras.
 * @throws RangeError when the batch is past the end of the epoch.
 */
export function batchSlice(order: Uint32Array, batch: number, batchSize: number): Uint32Array {
  const start = batch * batchSize;
  if (!Number.isInteger(batch) || batch < 0 || start >= order.length) {
    throw new RangeError(`batch must be from 0 to ${Math.ceil(order.length / batchSize) - 1}, got ${batch}`);
  }
  return order.subarray(start, Math.min(start + batchSize, order.length));
}

/** The indices 0 … count − 1, for a run that uses a whole split. */
export function allIndices(count: number): Uint32Array {
  const indices = new Uint32Array(count);
  for (let index = 0; index < count; index++) indices[index] = index;
  return indices;
}
