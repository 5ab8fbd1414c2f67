/**
 * How our wasm filter gradient cuts a batch into chunks of images, so its scratch memory stays
 * bounded at any batch size (conv2d-backprop-filter.ts says why the sum splits exactly).
 */

/**
 * Scratch one chunk may take, in bytes: 16 MiB.
 *
 * Why this size: a training step of the tutorial's model holds about 2 MiB of tensors per image
 * (tfjs keeps every saved activation and every gradient until the step ends: 1.06 GiB at batch 512),
 * so 16 MiB is small beside them even at batch 64, where in one piece the kernel took about 35 MB
 * and at batch 512 about 300 MB. Yet a chunk of the second layer still holds 35 images, a matrix
 * product with 31 500 terms per output, so XNNPACK keeps its full speed and the per-chunk work
 * (transposing small tensors, creating and packing an XNNPACK operator) stays negligible. Measured
 * in Node on one core (best of 7): the second layer's filter gradient takes 44 ms in chunks against
 * 46 ms whole at batch 64, and 343 ms against 626 ms at batch 512 — smaller transposes stay in cache.
 */
export const FILTER_GRADIENT_SCRATCH_BYTES = 16 * 2 ** 20;

/**
 * Split `batch` images into the fewest chunks whose scratch fits `scratchBytes`, sized evenly (they
 * differ by at most one image, so no chunk is a slow sliver).
 *
 * Per image, a chunk holds `scratchBytesPerImage` (`xImageFloats` = H·W·Cin, `dyImageFloats` =
 * OH·OW·Cout). A chunk always has at least one image, even one whose scratch alone exceeds the budget.
 *
 * @returns chunk sizes, each ≥ 1, summing to `batch` (empty for a batch of 0).
 * @throws RangeError when a size is negative or not an integer, or the budget is not positive
 *   (Infinity is allowed: the whole batch in one chunk).
 */
export function batchChunks(batch: number, xImageFloats: number, dyImageFloats: number, scratchBytes: number): number[] {
  for (const [name, value] of [['batch', batch], ['x image size', xImageFloats], ['dy image size', dyImageFloats]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
  if (!(scratchBytes > 0)) throw new RangeError(`the scratch budget must be > 0 bytes, got ${scratchBytes}`);
  if (batch === 0) return [];
  const bytesPerImage = scratchBytesPerImage(xImageFloats, dyImageFloats);
  // At most the whole batch: an unbounded budget (Infinity), or empty images, make one chunk.
  const perChunk = bytesPerImage === 0 ? batch : Math.min(batch, Math.max(1, Math.floor(scratchBytes / bytesPerImage)));
  const count = Math.ceil(batch / perChunk);
  const base = Math.floor(batch / count);
  const larger = batch % count;
  return Array.from({ length: count }, (_, index) => (index < larger ? base + 1 : base));
}

/**
 * Scratch one image adds to a chunk, in bytes: x transposed, dy transposed, and XNNPACK's two copies
 * of dy (float32 each), for an image of `xImageFloats` input and `dyImageFloats` output values.
 */
export function scratchBytesPerImage(xImageFloats: number, dyImageFloats: number): number {
  return 4 * (xImageFloats + 3 * dyImageFloats);
}
