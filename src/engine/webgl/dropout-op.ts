/**
 * Dropout that draws its mask with our `CnnpDropoutMask` kernel where it is registered — on the GPU
 * on webgl (WebGL 2), in the heap on wasm — and is stock `tf.dropout` everywhere else. Both kernels
 * draw the same mask for the same seed. Imports no webgl code, so the cpu and wasm paths stay light.
 */
import * as tf from '@tensorflow/tfjs';
import { assertDropoutRate } from './dropout-hash';
import { DROPOUT_MASK_KERNEL, type DropoutMaskAttrs } from './dropout-mask';

/**
 * Whether masks are drawn on the GPU now: the active backend is webgl, it is WebGL 2, and our kernel
 * is registered (a benchmark of stock tfjs unregisters it with `restoreStockWebGLKernels`).
 */
export function gpuDropoutAvailable(): boolean {
  return (
    tf.getBackend() === 'webgl' &&
    tf.getKernel(DROPOUT_MASK_KERNEL, 'webgl') !== undefined &&
    tf.env().getNumber('WEBGL_VERSION') >= 2
  );
}

/**
 * Whether `dropoutOnBackend` draws masks with our kernel now: on webgl as `gpuDropoutAvailable` says;
 * on another backend, when our kernel is registered for it (wasm, unless a benchmark of stock tfjs
 * put the stock kernels back).
 */
export function dropoutMaskKernelAvailable(): boolean {
  const backend = tf.getBackend();
  if (backend === 'webgl') return gpuDropoutAvailable();
  return tf.getKernel(DROPOUT_MASK_KERNEL, backend) !== undefined;
}

/**
 * A dropout mask of `shape` drawn by our kernel on the active backend (on the GPU on webgl): float32, 0 with probability `rate`, 1 / (1 − rate)
 * otherwise; the same (shape, rate, seed, offset) always gives the same mask. The caller owns the tensor.
 * @param offset index of its first element in a larger mask it is a piece of (see `fillDropoutMask`).
 * @throws RangeError on a bad shape, rate, seed or offset; Error when the kernel is not registered for
 *   the active backend (use `gpuDropoutAvailable` first).
 */
export function gpuDropoutMask(shape: readonly number[], rate: number, seed: number, offset = 0): tf.Tensor {
  const attrs: DropoutMaskAttrs = { shape: [...shape], rate, seed, offset };
  return tf.engine().runKernel(DROPOUT_MASK_KERNEL, {}, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
}

/** Options of `dropoutOnBackend` beyond the rate and the seed. */
export interface DropoutOptions {
  /**
   * Shape of the mask, broadcast over `x` (tfjs's `noiseShape`: e.g. [N, 1, 1, C] drops whole
   * feature maps); a null entry takes `x`'s size. Default: `x`'s shape.
   */
  readonly noiseShape?: readonly (number | null)[];
  /**
   * The seed handed to stock `tf.dropout` when the mask cannot be drawn on the GPU (undefined: tfjs
   * draws a fresh one from Math.random). Stock tfjs reuses a fixed seed at every call, so this is
   * separate from the GPU seed, which the caller changes at each call.
   */
  readonly stockSeed?: number;
  /**
   * Position of `x`'s first image (axis 0) in the whole batch it is a piece of (default 0): the mask
   * drawn is that piece of the whole batch's mask, so a micro-batch or a data-parallel worker's share
   * gets the masks its images would get in one pass over the batch. Our kernel only; stock
   * `tf.dropout` ignores it.
   */
  readonly firstImage?: number;
}

/**
 * Inverted dropout of `x` (float32, any shape): where our kernel is available
 * (`dropoutMaskKernelAvailable`: webgl with WebGL 2, wasm) `x · M` with M from
 * `gpuDropoutMask(noiseShape, rate, seed)`; elsewhere stock `tf.dropout(x, rate, noiseShape,
 * stockSeed)`. Gradients flow through the multiplication (the mask has none), so d/dx = M.
 * Returns a new tensor the caller owns; the mask is freed (or kept by the gradient tape, which frees
 * it with the tape). A rate of 0 returns a copy of `x`, as stock does.
 * @throws RangeError when `rate` is not in [0, 1) or the noise shape does not broadcast to `x`.
 */
export function dropoutOnBackend(x: tf.Tensor, rate: number, seed: number, options: DropoutOptions = {}): tf.Tensor {
  assertDropoutRate(rate);
  const noiseShape = resolveNoiseShape(x.shape, options.noiseShape);
  if (!dropoutMaskKernelAvailable()) return tf.dropout(x, rate, noiseShape, options.stockSeed);
  if (rate === 0) return x.clone();
  const offset = maskOffset(noiseShape, options.firstImage ?? 0);
  return tf.tidy(() => tf.mul(x, gpuDropoutMask(noiseShape, rate, seed, offset)));
}

/**
 * Index of image `firstImage`'s first mask element in the whole batch's mask: images come first in
 * NHWC (and [N, units]), so it is `firstImage` × the mask's elements per image — or 0 when the noise
 * shape has 1 on the batch axis (one mask shared by every image).
 */
export function maskOffset(noiseShape: readonly number[], firstImage: number): number {
  if (!Number.isInteger(firstImage) || firstImage < 0) throw new RangeError(`dropout's first image must be a whole number ≥ 0, got ${firstImage}`);
  const [images = 1, ...perImage] = noiseShape;
  return images === 1 ? 0 : firstImage * perImage.reduce((product, size) => product * size, 1);
}

/**
 * The mask's shape: `noiseShape` with null entries replaced by `x`'s sizes (as tfjs does), or `x`'s
 * shape when none is given.
 * @throws RangeError when it has another rank than `x` or a size that neither equals x's nor is 1.
 */
export function resolveNoiseShape(xShape: readonly number[], noiseShape: readonly (number | null)[] | undefined): number[] {
  if (noiseShape === undefined) return [...xShape];
  if (noiseShape.length !== xShape.length) {
    throw new RangeError(`dropout noiseShape must have the rank of its input (${xShape.length}), got [${noiseShape.join(', ')}]`);
  }
  return noiseShape.map((size, axis) => {
    const xSize = xShape[axis] ?? 1;
    const resolved = size ?? xSize;
    if (resolved !== xSize && resolved !== 1) {
      throw new RangeError(`dropout noiseShape [${noiseShape.join(', ')}] does not broadcast to the input's [${xShape.join(', ')}] (axis ${axis})`);
    }
    return resolved;
  });
}
