/**
 * The gradient of a convolution with respect to its filter on tfjs's 'webgl' backend, with its
 * reduction split across many more GPU threads than stock tfjs 4.22 uses.
 *
 * Why: stock `Conv2DDerFilterProgram` runs one shader thread per filter weight, and each thread
 * loops over batch × outHeight × outWidth. The tutorial's first layer has 3·3·3·32 = 864 weights, so
 * at batch 512 a GPU with thousands of cores runs 864 threads of 524 288 products each and sits
 * mostly idle. Here a first pass gives each 2×2 block of weights G threads, one per group of
 * reduction rows (conv2d-filter-split.ts chooses G), each writing partial sums; a second pass adds
 * each weight's G partial sums. Same products, G/4 times the threads, half the texture reads per
 * product (a block shares its reads), about G·weights extra floats.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { Conv2DDerFilterGroupSumProgram, Conv2DDerFilterPartialProgram } from './conv2d-der-filter-split-program';
import { chooseFilterGradientSplit, type FilterGradientSplit } from './conv2d-filter-split';

type KernelArgs = Parameters<tf.KernelFunc>[0];

/**
 * Stock tfjs's webgl kernel, looked up when this module is evaluated: importing
 * tfjs-backend-webgl above has registered it, and ours is registered only later
 * (register-webgl-kernels.ts), so this is never our own kernel. Used for what we do not handle (NCHW).
 */
const stockKernel = tf.getKernel(tf.Conv2DBackpropFilter, 'webgl');

/** How our kernel runs one filter gradient. */
export interface FilterGradientPlan {
  readonly split: FilterGradientSplit;
  /** First-pass threads per group: one per 2×2 block of (input, output) channels, FH·FW·⌈Cin/2⌉·⌈Cout/2⌉. */
  readonly threadsPerGroup: number;
}

/** The split our kernel uses for `convInfo` (NHWC) on a context with `maxTextureSize`. */
export function planFilterGradient(convInfo: tf.backend_util.Conv2DInfo, maxTextureSize: number): FilterGradientPlan {
  const { filterHeight, filterWidth, inChannels, outChannels } = convInfo;
  const threadsPerGroup = filterHeight * filterWidth * Math.ceil(inChannels / 2) * Math.ceil(outChannels / 2);
  const split = chooseFilterGradientSplit(convInfo.batchSize * convInfo.outHeight, convInfo.outWidth, threadsPerGroup, maxTextureSize);
  return { split, threadsPerGroup };
}

/**
 * dW = ∂loss/∂filter for a convolution of x [N, H, W, Cin] (NHWC) giving dy [N, OH, OW, Cout]:
 * dW[fh, fw, ci, co] = Σ over n, oh, ow of x[n, oh·sH + fh − padTop, ow·sW + fw − padLeft, ci] ·
 * dy[n, oh, ow, co]. Any strides, 'same' / 'valid' / explicit pads, dimRoundingMode. Dilation is
 * always 1: the kernel has no dilation attribute, and tfjs refuses gradients of dilated convolutions
 * before reaching it. `split` fixes the grouping (tests use it to force G = 1, or one row per group);
 * by default it is chosen from the shapes and the context's WEBGL_MAX_TEXTURE_SIZE.
 *
 * Returns [FH, FW, Cin, Cout] float32, a new `TensorInfo` the caller (tfjs's engine, for a kernel)
 * owns, in a packed texture (tfjs unpacks it for any consumer that wants it unpacked); the partial
 * sums are freed here.
 *
 * @throws Error when x or dy is not rank 4, dataFormat is not NHWC, or dy's shape does not match the
 * convolution that x, filterShape, strides and pad describe.
 */
export function conv2dBackpropFilterSplit(
  backend: MathBackendWebGL,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  attrs: tf.Conv2DBackpropFilterAttrs,
  split?: FilterGradientSplit,
): tf.TensorInfo {
  if (x.shape.length !== 4 || dy.shape.length !== 4) {
    throw new Error(`Conv2DBackpropFilter needs rank-4 x and dy, got x [${x.shape.join(', ')}] and dy [${dy.shape.join(', ')}]`);
  }
  if (attrs.dataFormat !== 'NHWC') throw new Error(`our webgl Conv2DBackpropFilter needs dataFormat NHWC, got ${attrs.dataFormat}`);
  const convInfo = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const expected = convInfo.outShape;
  if (dy.shape.some((size, axis) => size !== expected[axis])) {
    throw new Error(`Conv2DBackpropFilter: dy must have the convolution's output shape [${expected.join(', ')}], got [${dy.shape.join(', ')}]`);
  }
  const { filterHeight, filterWidth, inChannels, outChannels } = convInfo;
  const chosen = split ?? planFilterGradient(convInfo, tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE')).split;

  const partial = backend.runWebGLProgram(new Conv2DDerFilterPartialProgram(convInfo, chosen), [x, dy], 'float32');
  if (chosen.groups === 1) return partial;
  const filterShape = [filterHeight, filterWidth, inChannels, outChannels] as const;
  const sum = backend.runWebGLProgram(new Conv2DDerFilterGroupSumProgram(filterShape, chosen.groups), [partial], 'float32');
  backend.disposeIntermediateTensorInfo(partial);
  return sum;
}

/**
 * Whether our split kernel takes a filter gradient: NHWC only, and only where the GPU renders to
 * float32 textures. Where it renders to half floats (some phones and tablets), each of the G partial
 * sums would be rounded to 11 bits before they are added, G times stock's rounding error (stock
 * accumulates in registers and rounds once), so stock's kernel keeps the job there.
 */
export function splitHandles(dataFormat: string, float32RenderTargets: boolean): boolean {
  return dataFormat === 'NHWC' && float32RenderTargets;
}

/**
 * The kernel function tfjs calls for `Conv2DBackpropFilter` on 'webgl': ours for NHWC on float32
 * render targets, stock tfjs's otherwise (`splitHandles`).
 *
 * @throws Error when an input is missing, or the input is NCHW and no stock kernel is registered.
 */
export function conv2dBackpropFilterWebGL(args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] {
  const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (!splitHandles(attrs.dataFormat, tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED'))) {
    if (!stockKernel) throw new Error(`Conv2DBackpropFilter with dataFormat ${attrs.dataFormat} needs stock tfjs's webgl kernel, which is not registered`);
    return stockKernel.kernelFunc(args);
  }
  const { x, dy } = args.inputs;
  if (!x || !dy) throw new Error('Conv2DBackpropFilter needs inputs x and dy');
  return conv2dBackpropFilterSplit(args.backend as MathBackendWebGL, x, dy, attrs);
}

/** Registration record for tfjs: our `Conv2DBackpropFilter` on 'webgl'. */
export const conv2dBackpropFilterWebGLConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'webgl',
  kernelFunc: conv2dBackpropFilterWebGL,
};
