import * as tf from '@tensorflow/tfjs';
import { conv2dSignedPad } from './conv2d-signed-pad';
import { input, release, transpose, type KernelArgs, type WasmKernelBackend } from './wasm-kernel-calls';

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
 * Inputs x [N, H, W, Cin] and dy [N, OH, OW, Cout] (NHWC; NCHW is refused like the stock wasm
 * Conv2D refuses it). Returns a new `TensorInfo` owned by the engine.
 *
 * @throws Error when dataFormat is not NHWC.
 */
export function conv2dBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const backend = args.backend as WasmKernelBackend;
  const x = input(args, tf.Conv2DBackpropFilter, 'x');
  const dy = input(args, tf.Conv2DBackpropFilter, 'dy');
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (dataFormat !== 'NHWC') throw new Error(`wasm Conv2DBackpropFilter needs dataFormat NHWC, got ${dataFormat}`);
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode);
  const { strideHeight, strideWidth, filterHeight, filterWidth, inHeight, inWidth, outHeight, outWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  // The "filter" spans (OH − 1)·s + 1 input rows; the pads make exactly FH output rows.
  const bottom = filterHeight + (outHeight - 1) * strideHeight - inHeight - top;
  const right = filterWidth + (outWidth - 1) * strideWidth - inWidth - left;

  const xByChannel = transpose(backend, x, [3, 1, 2, 0]);
  const dyAsFilter = transpose(backend, dy, [1, 2, 0, 3]);
  const dwByChannel = conv2dSignedPad(backend, xByChannel, dyAsFilter, { top, bottom, left, right }, [strideHeight, strideWidth]);
  release(backend, xByChannel, dyAsFilter);
  const dw = transpose(backend, dwByChannel, [1, 2, 0, 3]);
  release(backend, dwByChannel);
  return dw;
}

/** Registration record for tfjs: `Conv2DBackpropFilter` on 'wasm'. */
export const conv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter,
};
