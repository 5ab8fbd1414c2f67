/**
 * The two shader programs of our WebGL filter gradient (conv2d-backprop-filter.ts): partial sums over
 * groups of reduction rows, then the sum of those partial sums. Written like tfjs-backend-webgl's own
 * programs: tfjs compiles `userCode` with samplers `getX(n, r, c, d)` / `getDy(...)` for each name in
 * `variableNames`, `getOutputCoords()` for the output element this thread computes, and `setOutput`.
 * Sizes are baked into the source as constants, as stock tfjs does, so each layer shape compiles once
 * and loops have the constant bounds WebGL 1 requires.
 */
import type * as tf from '@tensorflow/tfjs';
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import type { FilterGradientSplit } from './conv2d-filter-split';

/**
 * First pass: partial[g·FH + fh, fw, ci, co] = Σ over the rows of group g (row = n·OH + oh, rows
 * g·rowsPerGroup up to the next group's first, or N·OH) and every ow of
 * x[n, oh·strideH + fh − padTop, ow·strideW + fw − padLeft, ci] · dy[n, oh, ow, co], positions
 * outside x counting as zero (padding). NHWC only. With one group it is the whole filter gradient.
 *
 * Each thread computes one RGBA texel of a packed output: the 2×2 block ci, ci + 1 × co, co + 1.
 * Its four sums share their reads, two x values and two dy values per position: one texture read per
 * product where stock tfjs (one weight per thread) needs two. The group index is folded into the
 * first output axis so the output stays 4-D; co varies fastest between neighbouring threads, so
 * threads that run together read the same x values and consecutive dy values.
 */
export class Conv2DDerFilterPartialProgram implements GPGPUProgram {
  readonly variableNames = ['x', 'dy'];
  readonly outputShape: number[];
  readonly userCode: string;
  readonly packedOutput = true;

  /**
   * @param convInfo tfjs's description of the forward convolution (NHWC, dilation 1).
   * @param split how the N·OH rows are grouped (conv2d-filter-split.ts).
   */
  constructor(convInfo: tf.backend_util.Conv2DInfo, split: FilterGradientSplit) {
    const { batchSize, filterHeight, filterWidth, inChannels, outChannels, outHeight, outWidth, inHeight, inWidth } = convInfo;
    this.outputShape = [split.groups * filterHeight, filterWidth, inChannels, outChannels];
    // With an odd channel count the last block's second channel does not exist: read 0 there, so the
    // texel's unused half holds a harmless 0 rather than a read past the tensor.
    const secondX = inChannels % 2 === 0 ? 'getX(b, xR, xC, d1 + 1)' : `(d1 + 1 < ${inChannels} ? getX(b, xR, xC, d1 + 1) : 0.0)`;
    const secondDy = outChannels % 2 === 0 ? 'getDy(b, yR, yC, d2 + 1)' : `(d2 + 1 < ${outChannels} ? getDy(b, yR, yC, d2 + 1) : 0.0)`;
    this.userCode = `
      void main() {
        ivec4 coords = getOutputCoords();
        int group = coords.x / ${filterHeight};
        int wR = coords.x - group * ${filterHeight};
        int wC = coords.y;
        int d1 = coords.z;
        int d2 = coords.w;
        int firstRow = group * ${split.rowsPerGroup};
        // (b, yR) of the row, stepped along rather than divided out at every row.
        int b = firstRow / ${outHeight};
        int yR = firstRow - b * ${outHeight} - 1;

        // (x[d1]·dy[d2], x[d1]·dy[d2 + 1], x[d1 + 1]·dy[d2], x[d1 + 1]·dy[d2 + 1]): tfjs's texel order.
        vec4 sums = vec4(0.0);
        for (int i = 0; i < ${split.rowsPerGroup}; i++) {
          // Only the last group can run past the end.
          if (firstRow + i >= ${batchSize * outHeight}) {
            break;
          }
          yR++;
          if (yR == ${outHeight}) {
            yR = 0;
            b++;
          }
          int xR = wR + yR * ${convInfo.strideHeight} - ${convInfo.padInfo.top};
          if (xR < 0 || xR >= ${inHeight}) {
            continue;
          }
          for (int yC = 0; yC < ${outWidth}; yC++) {
            int xC = wC + yC * ${convInfo.strideWidth} - ${convInfo.padInfo.left};
            if (xC < 0 || xC >= ${inWidth}) {
              continue;
            }
            vec2 xs = vec2(getX(b, xR, xC, d1), ${secondX});
            vec2 dys = vec2(getDy(b, yR, yC, d2), ${secondDy});
            sums += xs.xxyy * dys.xyxy;
          }
        }
        setOutput(sums);
      }
    `;
  }
}

/**
 * Second pass: dW[fh, fw, ci, co] = Σ over g < G of partial[g·FH + fh, fw, ci, co], one thread per
 * packed texel (2×2 weights), reading and writing packed textures. The groups are added in order, so
 * the result does not depend on how threads are scheduled.
 */
export class Conv2DDerFilterGroupSumProgram implements GPGPUProgram {
  readonly variableNames = ['partial'];
  readonly outputShape: number[];
  readonly userCode: string;
  readonly packedInputs = true;
  readonly packedOutput = true;

  /**
   * @param filterShape [FH, FW, Cin, Cout] of the gradient.
   * @param groups G ≥ 2, the partial sums per weight in the input [G·FH, FW, Cin, Cout].
   */
  constructor(filterShape: readonly [number, number, number, number], groups: number) {
    const filterHeight = filterShape[0];
    this.outputShape = [...filterShape];
    this.userCode = `
      void main() {
        ivec4 coords = getOutputCoords();
        vec4 total = vec4(0.0);
        for (int g = 0; g < ${groups}; g++) {
          total += getPartial(g * ${filterHeight} + coords.x, coords.y, coords.z, coords.w);
        }
        setOutput(total);
      }
    `;
  }
}
