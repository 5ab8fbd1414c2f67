import { describe, expect, test } from 'vitest';
import { axisGeometry, convGeometry, outputSize, samePadding } from '../../../src/core/lessons/conv-geometry';
import { crossCorrelate2d, convolve2d } from '../../../src/core/lessons/conv2d';
import { convSteps } from '../../../src/core/lessons/conv-steps';
import { flip2d, flipHorizontal, flipVertical, pad2d } from '../../../src/core/lessons/flip-pad';
import { maxPool2d, poolSteps } from '../../../src/core/lessons/pool2d';
import { matrixFromRows, volumeToRows, zerosVolume } from '../../../src/core/lessons/volume';

describe('output size and TensorFlow "same" padding', () => {
  test('valid: ⌊(n − k) / s⌋ + 1, and the cells the stride jumps past', () => {
    expect(outputSize(5, 3, 1, 'valid')).toBe(3);
    expect(outputSize(5, 3, 2, 'valid')).toBe(2);
    // The tutorial's question: stride 3 on a 5×5 input with a 3×3 mask visits one position and
    // never reads the last 2 columns.
    expect(axisGeometry(5, 3, 3, 'valid')).toMatchObject({ outputSize: 1, unreadCells: 2, span: 2 });
    expect(axisGeometry(5, 3, 2, 'valid').unreadCells).toBe(0);
  });

  test('same: output ⌈n / s⌉, the odd padding cell on the bottom/right', () => {
    expect(samePadding(5, 3, 1)).toEqual({ before: 1, after: 1, outputSize: 5 });
    expect(samePadding(5, 2, 1)).toEqual({ before: 0, after: 1, outputSize: 5 });
    expect(samePadding(5, 3, 3)).toEqual({ before: 0, after: 1, outputSize: 2 });
    expect(samePadding(4, 4, 1)).toEqual({ before: 1, after: 2, outputSize: 4 });
    expect(samePadding(6, 1, 2)).toEqual({ before: 0, after: 0, outputSize: 3 });
    expect(samePadding(32, 3, 1)).toEqual({ before: 1, after: 1, outputSize: 32 });
  });

  test('explicit padding', () => {
    expect(convGeometry({ height: 4, width: 6 }, { height: 3, width: 3 }, [1, 2], { top: 1, bottom: 1, left: 0, right: 2 })).toMatchObject({
      rows: { paddedSize: 6, outputSize: 4 },
      cols: { paddedSize: 8, outputSize: 3, unreadCells: 1 },
    });
  });

  test.each([
    [() => convGeometry({ height: 5, width: 5 }, { height: 3, width: 3 }, 0, 'valid'), 'stride must be ≥ 1, got 0'],
    [() => convGeometry({ height: 5, width: 5 }, { height: 3, width: 3 }, 1.5, 'valid'), 'stride must be a whole number, got 1.5'],
    [() => convGeometry({ height: 5, width: 5 }, { height: 3, width: 3 }, Number.NaN, 'valid'), 'stride must be a number, got NaN'],
    [() => convGeometry({ height: 4, width: 4 }, { height: 5, width: 5 }, 1, { top: 0, bottom: 0, left: 0, right: 0 }), 'mask 5×5 is larger than the padded input 4×4'],
    [() => convGeometry({ height: 4, width: 4 }, { height: 5, width: 5 }, 1, 'valid'), 'mask 5×5 is larger than the input 4×4'],
    [() => convGeometry({ height: 4, width: 4 }, { height: 3, width: 3 }, 1, { top: -1, bottom: 0, left: 0, right: 0 }), 'padding must be ≥ 0, got -1'],
    [() => convGeometry({ height: 4, width: 4 }, { height: 0, width: 3 }, 1, 'same'), 'mask height must be ≥ 1, got 0'],
    [() => crossCorrelate2d(zerosVolume(3, 3, 2), zerosVolume(2, 2, 1)), 'the mask has 1 channel(s) but the input has 2'],
    [() => crossCorrelate2d(zerosVolume(3, 3), zerosVolume(2, 2), { divisor: 0 }), 'divisor must be a number other than 0, got 0'],
    [() => maxPool2d(zerosVolume(3, 3), { poolSize: 2, padding: { top: 2, bottom: 0, left: 0, right: 0 } }), 'pooling padding must be smaller than the pool size 2, got 2'],
    [() => maxPool2d(zerosVolume(3, 3), { poolSize: 0 }), 'pool size must be a whole number ≥ 1, got 0'],
  ])('invalid arguments name the constraint (%#)', (call, message) => {
    expect(call).toThrow(new RangeError(message));
  });

  test('step generators check their arguments on the first next()', () => {
    expect(() => [...convSteps(zerosVolume(3, 3), zerosVolume(3, 3), { strides: 0 })]).toThrow('stride must be ≥ 1, got 0');
    expect(() => [...poolSteps(zerosVolume(3, 3), { poolSize: 4, mode: 'max' })]).toThrow('mask 4×4 is larger than the input 3×3');
  });
});

describe('flip and pad', () => {
  const mask = matrixFromRows([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  test('horizontal swaps columns, vertical swaps rows, flip2d does both', () => {
    expect(volumeToRows(flipHorizontal(mask))).toEqual([
      [3, 2, 1],
      [6, 5, 4],
    ]);
    expect(volumeToRows(flipVertical(mask))).toEqual([
      [4, 5, 6],
      [1, 2, 3],
    ]);
    expect(volumeToRows(flip2d(mask))).toEqual([
      [6, 5, 4],
      [3, 2, 1],
    ]);
    expect(volumeToRows(mask)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  test('pad2d draws a zero border of the asked width', () => {
    expect(volumeToRows(pad2d(matrixFromRows([[7]]), { top: 1, bottom: 0, left: 2, right: 1 }))).toEqual([
      [0, 0, 0, 0],
      [0, 0, 7, 0],
    ]);
    expect(() => pad2d(mask, { top: -1, bottom: 0, left: 0, right: 0 })).toThrow('padding must be ≥ 0, got -1');
  });

  test('convolution equals cross-correlation for a symmetric mask and differs for Sobel', () => {
    const input = matrixFromRows([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    const blur = matrixFromRows([
      [1, 2, 1],
      [2, 4, 2],
      [1, 2, 1],
    ]);
    const sobel = matrixFromRows([
      [-1, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ]);
    expect(convolve2d(input, blur).data).toEqual(crossCorrelate2d(input, blur).data);
    const correlated = volumeToRows(crossCorrelate2d(input, sobel));
    expect(correlated).toEqual([
      [1 * -1 + 3 * 1 + 5 * -2 + 7 * 2 + 9 * -1 + 2 * 1, 2 * -1 + 4 + 6 * -2 + 8 * 2 + 1 * -1 + 3],
      [5 * -1 + 7 + 9 * -2 + 2 * 2 + 4 * -1 + 6, 6 * -1 + 8 + 1 * -2 + 3 * 2 + 5 * -1 + 7],
    ]);
    // Sobel is antisymmetric left ↔ right: flipping it negates it, so convolution negates the result.
    expect(volumeToRows(convolve2d(input, sobel))).toEqual(correlated.map((row) => row.map((value) => -value)));
  });
});
