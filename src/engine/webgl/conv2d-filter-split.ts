/**
 * How our WebGL `Conv2DBackpropFilter` splits its reduction (pure arithmetic, no tfjs, so it can be
 * unit-tested in Node).
 *
 * Each filter weight dW[fh, fw, ci, co] is a sum over every "row" of the reduction: one row is one
 * output row oh of one image n (N·OH rows in all), and contributes OW products. Stock tfjs gives a
 * weight one shader thread that walks all N·OH rows. Our threads each compute a 2×2 block of weights
 * (two input × two output channels, one RGBA texel), and we cut the rows into G contiguous groups, so
 * G·FH·FW·⌈Cin/2⌉·⌈Cout/2⌉ threads each walk about N·OH / G rows and write partial sums, and a second
 * pass adds the G partial sums of each weight. Splitting over rows rather than whole images also
 * gives a small batch (even one image) enough threads.
 */

/**
 * Threads the first pass aims for. A large GPU keeps about 2 048 threads resident on each of its
 * 100+ multiprocessors (an H100: 132 × 2 048 ≈ 270 000); 2^17 keeps such a GPU well fed while each
 * thread still sums hundreds of products or more for the tutorial's layers at a training batch. More
 * groups cost little: each adds one texel per thread to write and read back, against 4·OW texture
 * reads per row of real work. Stock tfjs runs 864 threads for the tutorial's first layer. To be tuned
 * when a real GPU is measured (scripts/bench/webgl-kernels.ts).
 */
export const TARGET_THREADS = 2 ** 17;

/**
 * Fewest products one thread sums (per output it computes). Each thread has a fixed cost besides its
 * loop (finding its coordinates, writing its partial sums, having them read by the second pass), so
 * a small batch gets fewer, longer threads rather than threads that each do a few dozen products.
 */
export const MIN_PRODUCTS_PER_THREAD = 256;

/**
 * Most partial-sum texels kept at once: 4 Mi RGBA texels, 16 Mi floats, 64 MiB of float32 texture.
 * With TARGET_THREADS as it is, G·threadsPerGroup ≤ 2^17 + threadsPerGroup, so this binds only if
 * the target is raised or for a layer of over 2 Mi threads per group (where G = 1 and the "partial
 * sums" are the result itself: no extra memory at all). It states the bound rather than leaving it
 * implied by the target.
 */
export const MAX_PARTIAL_TEXELS = 2 ** 22;

/**
 * Most groups. The second pass gives each output texel one thread that adds its G partial sums in a
 * loop, so G stays small enough that this loop never rivals the first pass.
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
 * Choose G for a filter gradient with `rows` = N·OH reduction rows of `productsPerRow` = OW products,
 * computed by `threadsPerGroup` threads (one per RGBA texel of the [FH, FW, Cin, Cout] gradient): as
 * many groups as bring G·threadsPerGroup up to TARGET_THREADS, but at most one group per
 * ⌈MIN_PRODUCTS_PER_THREAD / OW⌉ rows, at most MAX_GROUPS, and few enough that the
 * [G·FH, FW, Cin, Cout] partial-sum texture has at most MAX_PARTIAL_TEXELS texels and fits a
 * maxTextureSize² texture. Then rowsPerGroup = ⌈rows / G⌉ and G is recomputed from it, so no group
 * is empty (9 rows in 4 groups become 3 groups of 3).
 *
 * @param rows N·OH, ≥ 1.
 * @param productsPerRow OW, ≥ 1.
 * @param threadsPerGroup FH·FW·⌈Cin/2⌉·⌈Cout/2⌉ for our 2×2-blocked program, ≥ 1.
 * @param maxTextureSize WEBGL_MAX_TEXTURE_SIZE of the context, ≥ 1.
 * @throws RangeError when an argument is not a positive integer.
 */
export function chooseFilterGradientSplit(rows: number, productsPerRow: number, threadsPerGroup: number, maxTextureSize: number): FilterGradientSplit {
  const args = [['rows', rows], ['productsPerRow', productsPerRow], ['threadsPerGroup', threadsPerGroup], ['maxTextureSize', maxTextureSize]] as const;
  for (const [name, value] of args) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be an integer ≥ 1, got ${value}`);
  }
  const byThreads = Math.ceil(TARGET_THREADS / threadsPerGroup);
  const byWork = Math.floor(rows / Math.ceil(MIN_PRODUCTS_PER_THREAD / productsPerRow));
  const byMemory = Math.floor(Math.min(MAX_PARTIAL_TEXELS, maxTextureSize * maxTextureSize) / threadsPerGroup);
  const wanted = Math.max(1, Math.min(byThreads, byWork, byMemory, MAX_GROUPS));
  const rowsPerGroup = Math.ceil(rows / wanted);
  return { groups: Math.ceil(rows / rowsPerGroup), rowsPerGroup };
}
