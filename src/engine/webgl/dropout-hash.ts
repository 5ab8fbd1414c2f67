/**
 * The counter-based random numbers behind our GPU dropout masks, in plain TypeScript: the reference
 * the fragment shader of `dropout-mask.ts` must equal bit for bit (tests/gpu/dropout.test.ts checks
 * it), and what the kernel's uniforms are computed with on the CPU side.
 *
 * Why a hash and not a generator: a fragment shader computes every element on its own, in any
 * order, so the random bits of element `i` must be a pure function of (i, seed). We use
 *
 *     bits(i, seed) = H(H(i) XOR K(seed)),   K(seed) = H(seed XOR 0x9e3779b9),
 *
 * with H = Chris Wellons' `lowbias32` (hash-prospector): two xorshift-multiply rounds, a bijection
 * on 32-bit words whose avalanche bias (0.17) is among the lowest known for 32-bit hashes of this
 * cost. Why this is good enough for dropout:
 * - Uniformity: H is a bijection, so for one seed the map i → bits is a bijection too: over 2^32
 *   elements every word appears once, and a mask (far fewer elements) is a sample without
 *   repetition. "Keep" is `bits ≥ threshold` with threshold = round(rate · 2^32), so the drop
 *   probability is the rate to within 2^-33.
 * - Neighbours: the inner H spreads consecutive indices (which differ in one or two low bits) over
 *   the whole word before the outer H mixes them again; every input bit flips each output bit with
 *   probability ≈ ½, so neighbouring elements, rows and columns show no pattern.
 * - Seeds: K is a bijection of the seed, so different seeds give different keys, and the outer H
 *   sees different inputs for every element. (Adding the key to the index instead would make two
 *   seeds' masks shifted copies of each other; XOR-ing it into the index would make them
 *   permutations of each other. Hashing the index first avoids both.)
 * It is not a cryptographic generator, and dropout does not need one.
 */

/** The golden-ratio constant, so that seed 0 does not hash to key 0 (H(0) = 0). */
const SEED_SALT = 0x9e3779b9;

/** 2^32, the number of distinct random words. */
const WORDS = 4_294_967_296;

/**
 * Chris Wellons' `lowbias32`: a bijective 32-bit integer hash. Input and output are unsigned 32-bit
 * integers (0 ≤ x < 2^32); `Math.imul` gives the same wrap-around products as GLSL's `uint *`.
 */
export function lowbias32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The key a seed is turned into (an unsigned 32-bit integer); `seed` is read modulo 2^32. */
export function dropoutKey(seed: number): number {
  return lowbias32((seed >>> 0) ^ SEED_SALT);
}

/** The random word of element `index` (0 ≤ index < 2^32) under `key`. */
export function dropoutBits(index: number, key: number): number {
  return lowbias32((lowbias32(index) ^ key) >>> 0);
}

/**
 * Check a dropout rate the way stock `tf.dropout` does.
 * @throws RangeError when `rate` is not a number in [0, 1).
 */
export function assertDropoutRate(rate: number): void {
  if (!(rate >= 0 && rate < 1)) throw new RangeError(`dropout rate must be in [0, 1), got ${rate}`);
}

/**
 * The smallest word that is kept: an element is dropped when its word is below it, so it is dropped
 * with probability threshold / 2^32 = `rate` (to within 2^-33). An unsigned 32-bit integer.
 * @throws RangeError when `rate` is not in [0, 1).
 */
export function dropoutThreshold(rate: number): number {
  assertDropoutRate(rate);
  return Math.min(Math.round(rate * WORDS), WORDS - 1);
}

/**
 * What a kept element is multiplied by: 1 / (1 − rate) rounded once to float32, so that the expected
 * value of the output equals the input (inverted dropout, as tfjs and Keras do it).
 * @throws RangeError when `rate` is not in [0, 1).
 */
export function dropoutScale(rate: number): number {
  assertDropoutRate(rate);
  return Math.fround(1 / (1 - rate));
}

/**
 * The mask the GPU kernel draws for `size` elements, computed on the CPU: `dropoutScale(rate)` where
 * kept, 0 where dropped, element i in flat (row-major) order. For tests and the benchmark; the app
 * draws masks on the GPU.
 * @param offset index of the first element in the whole mask it is part of (see `fillDropoutMask`).
 * @throws RangeError when `rate` is not in [0, 1).
 */
export function referenceDropoutMask(size: number, rate: number, seed: number, offset = 0): Float32Array {
  return fillDropoutMask(new Float32Array(size), rate, seed, offset);
}

/**
 * Write into `mask` the mask the GPU kernel draws for `mask.length` elements (as
 * `referenceDropoutMask`), in place: the wasm kernel fills its output in the wasm heap this way.
 *
 * `offset` makes `mask` a piece of a larger one: its element i is element `offset + i` (mod 2^32) of
 * the whole. A micro-batch, or a data-parallel worker's share of a batch, draws its images' part of
 * the whole batch's mask this way, so an image's mask depends on its place in the batch, not on how
 * the batch was cut.
 * @returns `mask`.
 * @throws RangeError when `rate` is not in [0, 1).
 */
export function fillDropoutMask(mask: Float32Array, rate: number, seed: number, offset = 0): Float32Array {
  const threshold = dropoutThreshold(rate);
  const scale = dropoutScale(rate);
  const key = dropoutKey(seed);
  for (let index = 0; index < mask.length; index += 1) {
    mask[index] = dropoutBits((offset + index) >>> 0, key) >= threshold ? scale : 0;
  }
  return mask;
}
