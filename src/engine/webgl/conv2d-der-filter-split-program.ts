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
 * The group index is folded into the first output axis so the output stays 4-D, and co varies
 * fastest between neighbouring threads: threads that run together share (fh, fw, ci), read the same
 * x value and consecutive dy values.
 */
export class Conv2DDerFilterPartialProgram implements GPGPUProgram {
  readonly variableNames = ['x', 'dy'];
  readonly outputShape: number[];
  readonly userCode: string;

  /**
   * @param convInfo tfjs's description of the forward convolution (NHWC, dilation 1).
   * @param split how the N·OH rows are grouped (conv2d-filter-split.ts).
   */
  constructor(convInfo: tf.backend_util.Conv2DInfo, split: FilterGradientSplit) {
    const { batchSize, filterHeight, filterWidth, inChannels, outChannels, outHeight, outWidth, inHeight, inWidth } = convInfo;
    this.outputShape = [split.groups * filterHeight, filterWidth, inChannels, outChannels];
    this.userCode = `
      void main() {
        ivec4 coords = getOutputCoords();
        int group = coords.x / ${filterHeight};
        int wR = coords.x - group * ${filterHeight};
        int wC = coords.y;
        int d1 = coords.z;
        int d2 = coords.w;
        int firstRow = group * ${split.rowsPerGroup};

        float dotProd = 0.0;
        for (int i = 0; i < ${split.rowsPerGroup}; i++) {
          int row = firstRow + i;
          // Only the last group can run past the end.
          if (row >= ${batchSize * outHeight}) {
            break;
          }
          int b = row / ${outHeight};
          int yR = row - b * ${outHeight};
          int xR = wR + yR * ${convInfo.strideHeight} - ${convInfo.padInfo.top};
          if (xR < 0 || xR >= ${inHeight}) {
            continue;
          }
          for (int yC = 0; yC < ${outWidth}; yC++) {
            int xC = wC + yC * ${convInfo.strideWidth} - ${convInfo.padInfo.left};
            if (xC < 0 || xC >= ${inWidth}) {
              continue;
            }
            dotProd += getX(b, xR, xC, d1) * getDy(b, yR, yC, d2);
          }
        }
        setOutput(dotProd);
      }
    `;
  }
}

/**
 * Second pass: dW[fh, fw, ci, co] = Σ over g < G of partial[g·FH + fh, fw, ci, co], one thread per
 * weight. The groups are added in order, so the result does not depend on how threads are scheduled.
 */
export class Conv2DDerFilterGroupSumProgram implements GPGPUProgram {
  readonly variableNames = ['partial'];
  readonly outputShape: number[];
  readonly userCode: string;

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
        float total = 0.0;
        for (int g = 0; g < ${groups}; g++) {
          total += getPartial(g * ${filterHeight} + coords.x, coords.y, coords.z, coords.w);
        }
        setOutput(total);
      }
    `;
  }
}
