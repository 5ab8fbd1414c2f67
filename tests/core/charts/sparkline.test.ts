import { describe, expect, test } from 'vitest';
import { accuracySparklineRange, lossSparklineRange, sparklinePoints } from '../../../src/core/charts/sparkline';

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
  test('spans the finite losses with a 15 % margin (at least 0.05), never below 0; 0…2.5 before any', () => {
    const [low, high] = lossSparklineRange([2.3, 1.3, Number.POSITIVE_INFINITY]);
    expect(low).toBeCloseTo(1.15, 10);
    expect(high).toBeCloseTo(2.45, 10);
    const [single, singleHigh] = lossSparklineRange([2.3]);
    expect(single).toBeCloseTo(2.25, 10);
    expect(singleHigh).toBeCloseTo(2.35, 10);
    expect(lossSparklineRange([0.01, 0.02])[0]).toBe(0);
    expect(lossSparklineRange([])).toEqual([0, 2.5]);
  });
});

describe('accuracySparklineRange', () => {
  test('spans the accuracies seen with a margin inside 0…1, so a run at 10–30 % fills the line', () => {
    const [low, high] = accuracySparklineRange([0.1, 0.3]);
    expect(low).toBeCloseTo(0.07, 10);
    expect(high).toBeCloseTo(0.33, 10);
    // The line's newest point (30 %) is near the top, not at a third of the height.
    const points = sparklinePoints([0.1, 0.3], 100, 30, [low, high]).split(' ');
    expect(Number(points[1]?.split(',')[1])).toBeLessThan(5);
  });

  test('stays within 0…1 and at least 0.1 tall; 0…1 before any accuracy', () => {
    expect(accuracySparklineRange([0.99, 1])).toEqual([0.9, 1]);
    const [low, high] = accuracySparklineRange([0.5, 0.5]);
    expect(high - low).toBeCloseTo(0.1, 10);
    expect(low).toBeCloseTo(0.45, 10);
    expect(accuracySparklineRange([0, 0])[0]).toBe(0);
    expect(accuracySparklineRange([Number.NaN])).toEqual([0, 1]);
  });
});
