import { describe, expect, test } from 'vitest';
import { lossSparklineRange, sparklinePoints } from '../../../src/core/charts/sparkline';

describe('sparklinePoints', () => {
  test('maps values across the width and the range bottom to top', () => {
    expect(sparklinePoints([0, 0.5, 1], 100, 20, [0, 1])).toBe('0,20 50,10 100,0');
  });

  test('clamps values outside the range and leaves out non-finite ones', () => {
    expect(sparklinePoints([2, Number.NaN, -1], 10, 10, [0, 1])).toBe('0,0 10,10');
  });

  test('a single value is one point at the left; no values give no points', () => {
    expect(sparklinePoints([0.5], 10, 10, [0, 1])).toBe('0,5');
    expect(sparklinePoints([], 10, 10, [0, 1])).toBe('');
  });

  test('thins a long series to at most the limit, keeping the newest value last', () => {
    const values = Array.from({ length: 1001 }, (_value, index) => index / 1000);
    const points = sparklinePoints(values, 100, 10, [0, 1], 100).split(' ');
    expect(points.length).toBeLessThanOrEqual(101);
    expect(points.at(-1)).toBe('100,0');
    expect(points[0]).toBe('0,10');
  });
});

describe('lossSparklineRange', () => {
  test('runs from 0 to the largest finite loss, or 2.5 before any', () => {
    expect(lossSparklineRange([2.3, 1.2, Number.POSITIVE_INFINITY])).toEqual([0, 2.3]);
    expect(lossSparklineRange([])).toEqual([0, 2.5]);
  });
});
