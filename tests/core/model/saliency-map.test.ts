import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { blendPixel, formatValue, mapForPicture, normaliseMap, occlusionMap, occlusionWindows, resizeBilinear, scaleTicks, type Map2d } from '../../../src/core/model/saliency-map';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const map = (height: number, width: number, values: number[]): Map2d => ({ height, width, values: Float32Array.from(values) });

describe('resizeBilinear', () => {
  test('the same size gives the same values', () => {
    const source = map(2, 3, [1, 2, 3, 4, 5, 6]);
    expect(Array.from(resizeBilinear(source, 2, 3).values)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('a constant map stays constant, and a 1 × 1 map fills the picture', () => {
    expect(Array.from(resizeBilinear(map(1, 1, [7]), 4, 4).values)).toEqual(new Array(16).fill(7));
    expect(new Set(resizeBilinear(map(3, 3, new Array(9).fill(2)), 32, 32).values)).toEqual(new Set([2]));
  });

  test('equals tf.image.resizeBilinear with half-pixel centres (30 × 30 → 32 × 32, 15 × 15 → 32 × 32, 8 × 5 → 3 × 7)', () => {
    for (const [h, w, outH, outW] of [[30, 30, 32, 32], [15, 15, 32, 32], [8, 5, 3, 7]] as const) {
      const values = Float32Array.from({ length: h * w }, (_, i) => Math.sin(i * 0.37) * 3 + (i % 5));
      const ours = resizeBilinear({ height: h, width: w, values }, outH, outW).values;
      const theirs = tf.tidy(() => tf.image.resizeBilinear(tf.tensor3d(values, [h, w, 1]), [outH, outW], false, true).dataSync());
      expect(ours.length).toBe(theirs.length);
      ours.forEach((value, i) => expect(value).toBeCloseTo(theirs[i] ?? Number.NaN, 4));
    }
  });

  test('refuses bad sizes and a wrong number of values, naming the constraint', () => {
    expect(() => resizeBilinear(map(2, 2, [1, 2, 3]), 4, 4)).toThrow(/2 × 2 map has 4 values, got 3/);
    expect(() => resizeBilinear(map(2, 2, [1, 2, 3, 4]), 0, 4)).toThrow(/height must be a whole number ≥ 1, got 0/);
  });
});

describe('normaliseMap', () => {
  test('divides by the largest value; negatives and NaN become 0', () => {
    const result = normaliseMap(map(1, 4, [2, -1, 4, Number.NaN]));
    expect(result.max).toBe(4);
    expect(Array.from(result.values)).toEqual([0.5, 0, 1, 0]);
  });

  test('a map with nothing above 0 stays 0 with max 0 (no division by zero)', () => {
    const result = normaliseMap(map(2, 2, [0, -3, 0, 0]));
    expect(result.max).toBe(0);
    expect(Array.from(result.values)).toEqual([0, 0, 0, 0]);
  });

  test('mapForPicture resizes first, so the scale top is a value that is drawn', () => {
    const result = mapForPicture(map(2, 2, [0, 0, 0, 8]), 4);
    expect(result.height).toBe(4);
    expect(result.max).toBeCloseTo(8, 6);
    expect(Math.max(...result.values)).toBeCloseTo(1, 6);
    expect(result.values[0]).toBe(0);
  });
});

describe('the legend and the overlay', () => {
  test('ticks: 0 and the top in three significant figures; a flat map has only 0', () => {
    expect(scaleTicks(0.01234)).toEqual([
      { at: 0, label: '0' },
      { at: 1, label: '0.0123' },
    ]);
    expect(scaleTicks(0)).toEqual([{ at: 0, label: '0' }]);
    expect(formatValue(123456)).toBe('1.23 × 10^5');
    expect(formatValue(0.0000123)).toBe('1.23 × 10^-5');
  });

  test('blendPixel keeps the pixel at 0 and lays the opacity of the colour at 1', () => {
    expect(blendPixel([10, 20, 30], [200, 0, 0], 0)).toEqual([10, 20, 30]);
    expect(blendPixel([0, 100, 200], [200, 0, 0], 1, 0.5)).toEqual([100, 50, 100]);
    expect(blendPixel([0, 0, 0], [200, 0, 0], 5, 1)).toEqual([200, 0, 0]);
    expect(blendPixel([0, 0, 0], [200, 0, 0], Number.NaN)).toEqual([0, 0, 0]);
  });
});

describe('occlusion', () => {
  test('8 × 8 squares every 4 pixels cover a 32 × 32 picture in 7 × 7 places; an uneven stride ends flush with the edge', () => {
    const windows = occlusionWindows(32, 8, 4);
    expect(windows.rows).toHaveLength(49);
    expect([...new Set(windows.rows)]).toEqual([0, 4, 8, 12, 16, 20, 24]);
    expect([...new Set(occlusionWindows(10, 4, 4).cols)]).toEqual([0, 4, 6]);
    expect(() => occlusionWindows(32, 0, 4)).toThrow(RangeError);
    expect(() => occlusionWindows(32, 8, 0)).toThrow(RangeError);
  });

  test('each pixel gets the mean drop of the squares over it', () => {
    const windows = occlusionWindows(4, 2, 2);
    expect(windows.rows).toEqual([0, 0, 2, 2]);
    const map = occlusionMap([1, 2, 3, 4], windows);
    expect(Array.from(map.values)).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
    const overlapping = occlusionMap(new Array(9).fill(0).map((_, i) => (i === 0 ? 6 : 0)), occlusionWindows(4, 2, 1));
    // Pixel (0, 0) is under square 0 alone; pixel (1, 1) under four squares, one of them square 0.
    expect(overlapping.values[0]).toBe(6);
    expect(overlapping.values[5]).toBe(1.5);
    expect(() => occlusionMap([1], windows)).toThrow(/one drop per square \(4\), got 1/);
  });
});
