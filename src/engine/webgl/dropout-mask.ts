/**
 * A dropout mask drawn on the GPU, for tfjs's 'webgl' backend (issue 8). Stock tfjs 4.22 draws
 * dropout masks with `tf.randomUniform`, which fills a buffer in JavaScript (seedrandom) and uploads
 * it: for the tutorial's Dropout(0.2) after the first 32×32×32 convolution that is 16.8 million
 * random numbers per step at batch 512. Here a fragment shader computes every element from a
 * counter-based hash of (element index, seed) — see dropout-hash.ts for the hash and why it is good
 * enough — so nothing is generated on the CPU and nothing is uploaded but three uniforms.
 *
 * Needs WebGL 2: the hash is 32-bit `uint` arithmetic, which GLSL ES 1.00 (WebGL 1) does not have.
 * `dropout-op.ts` falls back to stock `tf.dropout` there.
 */
import * as tf from '@tensorflow/tfjs';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { dropoutKey, dropoutScale, dropoutThreshold } from './dropout-hash';

/** The kernel's name: ours, so it can never clash with a stock tfjs kernel. */
export const DROPOUT_MASK_KERNEL = 'CnnpDropoutMask';

/** The kernel's attributes (it has no tensor inputs). */
export interface DropoutMaskAttrs {
  /** Shape of the mask (NHWC for a convolution's output; any rank). Every dimension ≥ 0. */
  readonly shape: readonly number[];
  /** Probability that an element is dropped, in [0, 1). */
  readonly rate: number;
  /** Which mask: the same seed gives the same mask; read modulo 2^32. */
  readonly seed: number;
}

/**
 * The GLSL: one output element per fragment, over a flat (rank-1) output whose element i is element i
 * of the mask in row-major order. The key, threshold and scale are uniforms, so one compiled program
 * serves every seed and every rate; shape uniforms let it serve every size too (tfjs keys compiled
 * programs by texture layout only: a [1, N] strip, an [N, 1] column or a square).
 *
 * 32-bit words are passed as 16-bit halves in an ivec4 (key high, key low, threshold high, threshold
 * low), because tfjs sets custom uniforms as signed ints and GLSL leaves converting a negative int to
 * uint implementation-defined in some versions; halves are never negative.
 */
const USER_CODE = `
  uint cnnpLowbias32(uint x) {
    x ^= x >> 16u;
    x *= 0x7feb352du;
    x ^= x >> 15u;
    x *= 0x846ca68bu;
    x ^= x >> 16u;
    return x;
  }

  void main() {
    uint index = uint(getOutputCoords());
    uint key = (uint(cnnpKeyThreshold.x) << 16u) | uint(cnnpKeyThreshold.y);
    uint threshold = (uint(cnnpKeyThreshold.z) << 16u) | uint(cnnpKeyThreshold.w);
    uint bits = cnnpLowbias32(cnnpLowbias32(index) ^ key);
    setOutput(bits >= threshold ? cnnpScale : 0.0);
  }
`;

class DropoutMaskProgram implements GPGPUProgram {
  readonly variableNames: string[] = [];
  readonly outputShape: number[];
  readonly userCode = USER_CODE;
  readonly enableShapeUniforms = true;
  readonly customUniforms: NonNullable<GPGPUProgram['customUniforms']> = [
    { name: 'cnnpKeyThreshold', type: 'ivec4' },
    { name: 'cnnpScale', type: 'float' },
  ];

  constructor(size: number) {
    this.outputShape = [size];
  }
}

/** The 16-bit halves of an unsigned 32-bit integer, high first. */
function halves(word: number): [number, number] {
  return [word >>> 16, word & 0xffff];
}

/**
 * Check the attributes a caller passed to the kernel.
 * @throws RangeError naming the attribute that is wrong.
 */
export function assertDropoutMaskAttrs(attrs: Partial<DropoutMaskAttrs> | undefined): asserts attrs is DropoutMaskAttrs {
  const shape = attrs?.shape;
  if (!Array.isArray(shape) || !shape.every((size) => Number.isInteger(size) && size >= 0)) {
    throw new RangeError(`${DROPOUT_MASK_KERNEL}: shape must be a list of integers ≥ 0, got ${JSON.stringify(shape)}`);
  }
  const rate = attrs?.rate;
  if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) throw new RangeError(`${DROPOUT_MASK_KERNEL}: rate must be in [0, 1), got ${rate}`);
  const seed = attrs?.seed;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new RangeError(`${DROPOUT_MASK_KERNEL}: seed must be a finite number, got ${seed}`);
}

/**
 * The kernel: a new float32 tensor of `attrs.shape` whose elements are 0 with probability `rate` and
 * 1 / (1 − rate) (rounded to float32) otherwise, element i equal to `referenceDropoutMask`'s. The
 * returned `TensorInfo` is owned by the engine (a tensor the caller of `runKernel` disposes).
 *
 * @throws RangeError on bad attributes; Error when the WebGL context is WebGL 1.
 */
export function dropoutMask(args: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const attrs = args.attrs as Partial<DropoutMaskAttrs> | undefined;
  assertDropoutMaskAttrs(attrs);
  const webglVersion = tf.env().getNumber('WEBGL_VERSION');
  if (webglVersion < 2) throw new Error(`${DROPOUT_MASK_KERNEL} needs WebGL 2 (32-bit uint arithmetic in GLSL ES 3.00), got WebGL ${webglVersion}`);
  const backend = args.backend as MathBackendWebGL;
  const shape = [...attrs.shape];
  const size = tf.util.sizeFromShape(shape);
  const program = new DropoutMaskProgram(size);
  const uniforms = [[...halves(dropoutKey(attrs.seed)), ...halves(dropoutThreshold(attrs.rate))], [dropoutScale(attrs.rate)]];
  const flat = backend.runWebGLProgram(program, [], 'float32', uniforms);
  // An unpacked texture holds its elements in row-major order whatever the logical shape, so giving
  // the flat result the mask's shape is free (what tfjs's own Reshape does for unpacked data).
  return { dataId: flat.dataId, shape, dtype: 'float32' };
}

/** Registration record for tfjs: `CnnpDropoutMask` on 'webgl'. */
export const dropoutMaskConfig: tf.KernelConfig = {
  kernelName: DROPOUT_MASK_KERNEL,
  backendName: 'webgl',
  kernelFunc: dropoutMask,
};
