import * as tf from '@tensorflow/tfjs';
import { conv2dSignedPad } from './conv2d-signed-pad';
import { input, release, reshape, runWasmKernel, transpose, type KernelArgs, type WasmKernelBackend } from './wasm-kernel-calls';

/**
 * The gradient of a convolution with respect to its input, for the wasm backend, replacing the stock
 * kernel (a plain C++ loop, several times slower than XNNPACK's convolution on the same sizes).
 *
 * Why this is itself a convolution: each input pixel received its value through every filter tap that
 * read it, so dx is dy convolved with the filter rotated by 180° and with its in/out channels swapped
 * ([FH, FW, Cin, Cout] → [FH, FW, Cout, Cin]). A stride s spaced the outputs s pixels apart, so dy is
 * first spread out with s − 1 zeros between its pixels; the padding (FH − 1 − padTop on top) lines the
 * result up with the input again.
 *
 * Inputs dy [N, OH, OW, Cout] and filter [FH, FW, Cin, Cout] (NHWC); attribute inputShape
 * [N, H, W, Cin]. Returns a new `TensorInfo` [N, H, W, Cin] owned by the engine.
 *
 * @throws Error when dataFormat is not NHWC.
 */
export function conv2dBackpropInput(args: KernelArgs): tf.TensorInfo {
  const backend = args.backend as WasmKernelBackend;
  const dy = input(args, tf.Conv2DBackpropInput, 'dy');
  const filter = input(args, tf.Conv2DBackpropInput, 'filter');
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
  if (dataFormat !== 'NHWC') throw new Error(`wasm Conv2DBackpropInput needs dataFormat NHWC, got ${dataFormat}`);
  const info = tf.backend_util.computeConv2DInfo(inputShape, filter.shape as [number, number, number, number], strides, 1, pad, dimRoundingMode);
  const { strideHeight, strideWidth, filterHeight, filterWidth, inHeight, inWidth, outHeight, outWidth } = info;

  const strided = strideHeight > 1 || strideWidth > 1;
  const spread = strided ? spreadByStride(backend, dy, strideHeight, strideWidth) : dy;
  const top = filterHeight - 1 - info.padInfo.top;
  const left = filterWidth - 1 - info.padInfo.left;
  // The spread dy has OH·s rows (its last s − 1 are zeros); these pads give exactly H output rows.
  const bottom = inHeight - outHeight * strideHeight + filterHeight - 1 - top;
  const right = inWidth - outWidth * strideWidth + filterWidth - 1 - left;

  const rotated = runWasmKernel(tf.Reverse, backend, { x: filter }, { dims: [0, 1] });
  const swapped = transpose(backend, rotated, [0, 1, 3, 2]);
  release(backend, rotated);
  const dx = conv2dSignedPad(backend, spread, swapped, { top, bottom, left, right }, [1, 1]);
  release(backend, swapped);
  if (strided) release(backend, spread);
  return dx;
}

/**
 * dy [N, OH, OW, C] with s − 1 zeros after every pixel along each axis: [N, OH·sH, OW·sW, C].
 * Done as reshape → pad → reshape, so it runs on the wasm PadV2 kernel. Caller owns the result.
 */
function spreadByStride(backend: WasmKernelBackend, dy: tf.TensorInfo, strideHeight: number, strideWidth: number): tf.TensorInfo {
  const [batch = 0, height = 0, width = 0, channels = 0] = dy.shape;
  const pixels = reshape(backend, dy, [batch, height, 1, width, 1, channels]);
  const paddings = [[0, 0], [0, 0], [0, strideHeight - 1], [0, 0], [0, strideWidth - 1], [0, 0]];
  const padded = runWasmKernel(tf.PadV2, backend, { x: pixels }, { paddings, constantValue: 0 });
  release(backend, pixels);
  const spread = reshape(backend, padded, [batch, height * strideHeight, width * strideWidth, channels]);
  release(backend, padded);
  return spread;
}

/** Registration record for tfjs: `Conv2DBackpropInput` on 'wasm'. */
export const conv2dBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropInput,
};
