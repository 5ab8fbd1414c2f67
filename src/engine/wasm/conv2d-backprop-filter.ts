import * as tf from '@tensorflow/tfjs';
import { conv2dSignedPad, type SignedPadding } from './conv2d-signed-pad';
import { batchChunks, FILTER_GRADIENT_SCRATCH_BYTES } from './filter-gradient-chunks';
import { input, release, runWasmKernel, transpose, type KernelArgs, type KernelFunction } from './wasm-kernel-calls';
import { sliceBatch, type WasmHeapBackend } from './wasm-heap-views';

/**
 * The gradient of a convolution with respect to its filter, for the wasm backend (stock tfjs 4.22
 * has none, so nothing with a Conv2D layer can train there).
 *
 * Why this is itself a convolution: dW[fh, fw, ci, co] = Σ over n, oh, ow of
 * x[n, oh·s + fh − padTop, ow·s + fw − padLeft, ci] · dy[n, oh, ow, co]. Read ci as the batch, n as
 * the input channel, (fh, fw) as the output pixel and (oh, ow) as filter taps spaced s apart: that
 * is a stride-1 convolution of x transposed to [Cin, H, W, N] with dy transposed to
 * [OH, OW, N, Cout] at dilation s, which XNNPACK computes fast. Its output [Cin, FH, FW, Cout] is
 * transposed back to tfjs's filter layout [FH, FW, Cin, Cout].
 *
 * Why in chunks of images: that convolution needs both inputs transposed, and XNNPACK copies its
 * "filter" (all of dy) twice more while packing it, so done in one go it would hold about
 * x + 3·dy of scratch — 240 MB for the tutorial's second layer at batch 512, on a heap that never
 * shrinks. The sum over n splits exactly: dW = Σ over chunks of the same convolution on those
 * images, so each chunk's scratch is bounded by `scratchBytes` (see `batchChunks`) and the partial
 * filters, FH·FW·Cin·Cout floats each, are added up.
 *
 * Inputs x [N, H, W, Cin] and dy [N, OH, OW, Cout] (NHWC; NCHW is refused like the stock wasm
 * Conv2D refuses it). Returns a new `TensorInfo` [FH, FW, Cin, Cout] owned by the engine.
 *
 * @throws Error when dataFormat is not NHWC.
 */
export function makeConv2dBackpropFilter(scratchBytes: number): KernelFunction {
  return (args: KernelArgs) => {
    const backend = args.backend as WasmHeapBackend;
    const x = input(args, tf.Conv2DBackpropFilter, 'x');
    const dy = input(args, tf.Conv2DBackpropFilter, 'dy');
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    if (dataFormat !== 'NHWC') throw new Error(`wasm Conv2DBackpropFilter needs dataFormat NHWC, got ${dataFormat}`);
    const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode);
    const { strideHeight, strideWidth, filterHeight, filterWidth, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, batchSize } = info;
    const top = info.padInfo.top;
    const left = info.padInfo.left;
    // The "filter" spans (OH − 1)·s + 1 input rows; the pads make exactly FH output rows.
    const bottom = filterHeight + (outHeight - 1) * strideHeight - inHeight - top;
    const right = filterWidth + (outWidth - 1) * strideWidth - inWidth - left;
    const geometry: ChunkGeometry = { pad: { top, bottom, left, right }, strides: [strideHeight, strideWidth] };

    const chunks = batchChunks(batchSize, inHeight * inWidth * inChannels, outHeight * outWidth * outChannels, scratchBytes);
    let sum: tf.TensorInfo | null = null;
    let start = 0;
    for (const count of chunks) {
      const whole = count === batchSize;
      const part = chunkGradient(backend, whole ? x : sliceBatch(backend, x, start, count), whole ? dy : sliceBatch(backend, dy, start, count), geometry, !whole);
      start += count;
      if (sum === null) {
        sum = part;
      } else {
        const added = runWasmKernel(tf.Add, backend, { a: sum, b: part });
        release(backend, sum, part);
        sum = added;
      }
    }
    if (sum === null) {
      // An empty batch: the sum over no images is zero.
      const zeros = backend.makeOutput([...filterShape], 'float32');
      backend.typedArrayFromHeap(zeros).fill(0);
      return zeros;
    }
    const dw = transpose(backend, sum, [1, 2, 0, 3]);
    release(backend, sum);
    return dw;
  };
}

/** Where the convolution of one chunk reads: the same for every chunk of a call. */
interface ChunkGeometry {
  readonly pad: SignedPadding;
  readonly strides: [number, number];
}

/**
 * The filter gradient of the images in `x` [n, H, W, Cin] and `dy` [n, OH, OW, Cout], in the
 * convolution's own layout [Cin, FH, FW, Cout]; the caller owns the result. With `ownsInputs` the
 * two inputs (chunks cut for this call) are freed as soon as they are transposed.
 */
function chunkGradient(backend: WasmHeapBackend, x: tf.TensorInfo, dy: tf.TensorInfo, geometry: ChunkGeometry, ownsInputs: boolean): tf.TensorInfo {
  const xByChannel = transpose(backend, x, [3, 1, 2, 0]);
  if (ownsInputs) release(backend, x);
  const dyAsFilter = transpose(backend, dy, [1, 2, 0, 3]);
  if (ownsInputs) release(backend, dy);
  const dwByChannel = conv2dSignedPad(backend, xByChannel, dyAsFilter, geometry.pad, geometry.strides);
  // Freeing dyAsFilter also frees the XNNPACK operator tfjs cached for it, with its packed copy.
  release(backend, xByChannel, dyAsFilter);
  return dwByChannel;
}

/** Our `Conv2DBackpropFilter`, its scratch bounded by `FILTER_GRADIENT_SCRATCH_BYTES`. */
export const conv2dBackpropFilter: KernelFunction = makeConv2dBackpropFilter(FILTER_GRADIENT_SCRATCH_BYTES);

/** Registration record for tfjs: `Conv2DBackpropFilter` on 'wasm'. */
export const conv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter,
};
