/**
 * How our WebGL `Conv2DBackpropFilter` splits its reduction (pure arithmetic, no tfjs, so it can be
 * unit-tested in Node).
 *
 * Each filter weight dW[fh, fw, ci, co] is a sum over every "row" of the reduction: one row is one
 * output row oh of one image n (N·OH rows in all), and contributes OW products. Stock tfjs gives a
 * weight one shader thread that walks all N·OH rows; we cut the rows into G contiguous groups, so
 * G·weights threads each walk about N·OH / G rows and write a partial sum, and a second pass adds the
 * G partial sums of each weight. Splitting over rows rather than whole images also gives a small
 * batch (even one image) enough threads.
 */

/**
 * Threads the first pass aims for. A large GPU keeps about 2 048 threads resident on each of its
 * 100+ multiprocessors (an H100: 132 × 2 048 ≈ 270 000); 2^17 keeps such a GPU well fed while each
 * thread still sums a few hundred products or more for the tutorial's layers. More groups cost little:
 * every group adds one float per weight to write and read back, against 2·OW·rowsPerGroup texture
 * reads per weight of real work. Stock tfjs's 864 threads for the tutorial's first layer are 1/150
 * of this. To be tuned when a real GPU is measured (scripts/bench/webgl-kernels.ts).
 */
export const TARGET_THREADS = 2 ** 17;

/**
 * Most partial sums kept at once: 16 Mi floats (64 MiB of float32 texture). With TARGET_THREADS as it
 * is, G·weights ≤ 2^17 + weights, so this binds only if the target is raised or for a layer of over
 * 8 Mi weights (where G = 1 and the "partial sums" are the result itself: no extra memory at all).
 * It states the bound the design promises rather than leaving it implied by the target.
 */
export const MAX_PARTIAL_FLOATS = 2 ** 24;

/**
 * Most groups. The second pass gives each weight one thread that adds its G partial sums in a loop,
 * so G stays small enough that this loop never rivals the first pass.
 */
export const MAX_GROUPS = 1024;

/** How the N·OH reduction rows are cut: `groups` groups of `rowsPerGroup` rows (the last may be short). */
export interface FilterGradientSplit {
  /** G ≥ 1: partial sums per weight. Never more than needed: (groups − 1) · rowsPerGroup < rows. */
  readonly groups: number;
  /** Consecutive rows (image-major, then output row) that one thread sums, ≥ 1. */
  readonly rowsPerGroup: number;
}

/**
 * Choose G for a filter gradient with `rows` = N·OH reduction rows and `weights` = FH·FW·Cin·Cout
 * outputs: as many groups as bring G·weights up to TARGET_THREADS, at most one group per row, at most
 * MAX_GROUPS, and few enough that the [G·FH, FW, Cin, Cout] partial-sum texture holds at most
 * MAX_PARTIAL_FLOATS floats and fits a maxTextureSize² texture. Then rowsPerGroup = ⌈rows / G⌉ and G
 * is recomputed from it, so no group is empty (9 rows in 4 groups become 3 groups of 3).
 *
 * @param rows N·OH, ≥ 1.
 * @param weights FH·FW·Cin·Cout, ≥ 1.
 * @param maxTextureSize WEBGL_MAX_TEXTURE_SIZE of the context, ≥ 1.
 * @throws RangeError when an argument is not a positive integer.
 */
export function chooseFilterGradientSplit(rows: number, weights: number, maxTextureSize: number): FilterGradientSplit {
  for (const [name, value] of [['rows', rows], ['weights', weights], ['maxTextureSize', maxTextureSize]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be an integer ≥ 1, got ${value}`);
  }
  const byThreads = Math.ceil(TARGET_THREADS / weights);
  const byMemory = Math.floor(Math.min(MAX_PARTIAL_FLOATS, maxTextureSize * maxTextureSize) / weights);
  const wanted = Math.max(1, Math.min(rows, byThreads, byMemory, MAX_GROUPS));
  const rowsPerGroup = Math.ceil(rows / wanted);
  return { groups: Math.ceil(rows / rowsPerGroup), rowsPerGroup };
}
