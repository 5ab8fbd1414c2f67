/**
 * A dropout mask drawn on the GPU, for tfjs's 'webgl' backend (issue 8). Stock tfjs 4.22 draws
 * dropout masks with `tf.randomUniform`, which fills a buffer in JavaScript (seedrandom) and uploads
 * it: for the tutorial's Dropout(0.2) after the first 32×32×32 convolution that is 16.8 million
 * random numbers per step at batch 512. Here a fragment shader computes every element from a
 * counter-based hash of (element index, seed) — see dropout-hash.ts for the hash and why it is good
 * enough — so nothing is generated on the CPU and nothing is uploaded but a few uniforms.
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
  /**
   * Index of the mask's first element in a larger mask it is a piece of (default 0): element i is
   * drawn as element `offset + i` of the whole (see `fillDropoutMask`). A whole number ≥ 0.
   */
  readonly offset?: number;
}

/**
 * The GLSL: a packed output (each texel holds a 2×2 block: rows r, r+1 × columns c, c+1) of the mask
 * seen as a matrix [rows, columns], columns being its last dimension. Element (r, c) is flat element
 * r · columns + c of the mask in row-major order, so the mask does not depend on the layout. Packed,
 * because tfjs multiplies packed textures (a convolution's output is one): an unpacked mask would
 * cost `tf.mul` an extra packing pass over every element. Cells of a block outside the matrix (odd
 * sizes) are 0.
 *
 * The key, threshold and scale are uniforms, so one compiled program serves every seed and every
 * rate; shape uniforms let it serve every size too (tfjs then keys compiled programs by texture
 * layout only). 32-bit words are passed as 16-bit halves in an ivec4 (key high, key low, threshold
 * high, threshold low), because tfjs sets custom uniforms as signed ints and converting a negative
 * int to uint is best not relied on; halves are never negative.
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

  float cnnpMaskAt(int index, uint key, uint threshold) {
    uint offset = (uint(cnnpOffset.x) << 16u) | uint(cnnpOffset.y);
    return cnnpLowbias32(cnnpLowbias32(uint(index) + offset) ^ key) >= threshold ? cnnpScale : 0.0;
  }

  void main() {
    ivec2 rc = getOutputCoords();
    int rows = outShape[0];
    int columns = outShape[1];
    uint key = (uint(cnnpKeyThreshold.x) << 16u) | uint(cnnpKeyThreshold.y);
    uint threshold = (uint(cnnpKeyThreshold.z) << 16u) | uint(cnnpKeyThreshold.w);
    int index = rc.x * columns + rc.y;
    bool hasRight = rc.y + 1 < columns;
    bool hasBelow = rc.x + 1 < rows;
    setOutput(vec4(
      cnnpMaskAt(index, key, threshold),
      hasRight ? cnnpMaskAt(index + 1, key, threshold) : 0.0,
      hasBelow ? cnnpMaskAt(index + columns, key, threshold) : 0.0,
      hasRight && hasBelow ? cnnpMaskAt(index + columns + 1, key, threshold) : 0.0));
  }
`;

class DropoutMaskProgram implements GPGPUProgram {
  readonly variableNames: string[] = [];
  readonly outputShape: number[];
  readonly userCode = USER_CODE;
  readonly packedInputs = false;
  readonly packedOutput = true;
  readonly enableShapeUniforms = true;
  readonly customUniforms: NonNullable<GPGPUProgram['customUniforms']> = [
    { name: 'cnnpKeyThreshold', type: 'ivec4' },
    { name: 'cnnpScale', type: 'float' },
    { name: 'cnnpOffset', type: 'ivec2' },
  ];

  constructor(rows: number, columns: number) {
    this.outputShape = [rows, columns];
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
  const offset = attrs?.offset;
  if (offset !== undefined && !(Number.isInteger(offset) && offset >= 0)) throw new RangeError(`${DROPOUT_MASK_KERNEL}: offset must be a whole number ≥ 0, got ${offset}`);
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
  const columns = shape[shape.length - 1] ?? 1;
  const rows = tf.util.sizeFromShape(shape.slice(0, -1));
  const program = new DropoutMaskProgram(rows, columns);
  const uniforms = [[...halves(dropoutKey(attrs.seed)), ...halves(dropoutThreshold(attrs.rate))], [dropoutScale(attrs.rate)], halves((attrs.offset ?? 0) >>> 0)];
  const matrix = backend.runWebGLProgram(program, [], 'float32', uniforms);
  // tfjs's own Reshape: free when the packed layouts agree (e.g. [N·H·W, C] → [N, H, W, C] with W
  // even), one packed-reshape pass otherwise. It takes its own reference, so ours is dropped after.
  const reshape = tf.getKernel(tf.Reshape, 'webgl');
  if (!reshape) throw new Error(`${DROPOUT_MASK_KERNEL} needs the webgl Reshape kernel, which is not registered`);
  const mask = reshape.kernelFunc({ inputs: { x: matrix }, backend, attrs: { shape } }) as tf.TensorInfo;
  backend.disposeIntermediateTensorInfo(matrix);
  return mask;
}

/** Registration record for tfjs: `CnnpDropoutMask` on 'webgl'. */
export const dropoutMaskConfig: tf.KernelConfig = {
  kernelName: DROPOUT_MASK_KERNEL,
  backendName: 'webgl',
  kernelFunc: dropoutMask,
};
