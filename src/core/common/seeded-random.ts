/**
 * Seedable randomness for what must be repeatable: which images form a subset, the order of each
 * epoch, augmentation. `Math.random` cannot be seeded, and a run resumed from a checkpoint must see the
 * same order it would have seen.
 */

/** A source of uniform floats in [0, 1). */
export type Random = () => number;

/**
 * Mulberry32: a small 32-bit generator, fast and good enough for shuffling (not for cryptography).
 * The same seed always replays the same sequence.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The project's seeded generator (mulberry32), under the name most callers use. */
export const seededRandom: (seed: number) => Random = mulberry32;

/**
 * A uniform integer in 0 … bound − 1.
 * @throws RangeError when `bound` is not a positive integer.
 */
export function randomInt(random: Random, bound: number): number {
  if (!Number.isInteger(bound) || bound < 1) throw new RangeError(`randomInt needs a positive integer bound, got ${bound}`);
  return Math.floor(random() * bound);
}
