import { describe, expect, test } from 'vitest';
import { EMPTY_EMA, emaStep, emaValue, exponentialMovingAverage } from '../../../src/core/charts/smoothing';

describe('exponential moving average', () => {
  test('debiased: the first value is itself, then each mixes weight × previous average with the new value', () => {
    const smoothed = exponentialMovingAverage([2, 1, 1], 0.5);
    // Biased averages 1, 1, 1 over 1 − 0.5ⁿ = 0.5, 0.75, 0.875.
    expect(smoothed[0]).toBeCloseTo(2, 12);
    expect(smoothed[1]).toBeCloseTo(1 / 0.75, 12);
    expect(smoothed[2]).toBeCloseTo(1 / 0.875, 12);
  });

  test('weight 0 is the raw series; a constant series stays constant at any weight', () => {
    expect(exponentialMovingAverage([3, 1, 4, 1, 5], 0)).toEqual([3, 1, 4, 1, 5]);
    for (const value of exponentialMovingAverage(new Array(50).fill(2.3), 0.99)) expect(value).toBeCloseTo(2.3, 10);
  });

  test('smooths noise: a zig-zag series varies far less once smoothed', () => {
    const raw = Array.from({ length: 200 }, (_, index) => 1 + (index % 2 === 0 ? 0.5 : -0.5));
    const smoothed = exponentialMovingAverage(raw, 0.9).slice(100);
    const spread = Math.max(...smoothed) - Math.min(...smoothed);
    expect(spread).toBeLessThan(0.2);
    expect(smoothed.reduce((a, b) => a + b, 0) / smoothed.length).toBeCloseTo(1, 1);
  });

  test('step by step equals the whole series', () => {
    const values = [2.31, 2.2, 2.05, 2.1, 1.9];
    let state = EMPTY_EMA;
    const stepped = values.map((value) => {
      const step = emaStep(state, value, 0.8);
      state = step.state;
      return step.smoothed;
    });
    expect(stepped).toEqual(exponentialMovingAverage(values, 0.8));
  });

  test('NaN and infinite values are skipped, not averaged in', () => {
    expect(exponentialMovingAverage([Number.NaN, 2, Number.POSITIVE_INFINITY, 2], 0.9)).toEqual([Number.NaN, 2, 2, 2].map((v, i) => (i === 0 ? v : expect.closeTo(2, 10))));
    expect(emaValue(EMPTY_EMA, 0.9)).toBeNaN();
  });

  test('refuses weights outside [0, 1)', () => {
    expect(() => exponentialMovingAverage([1], 1)).toThrow('smoothing weight must be in [0, 1), got 1');
    expect(() => emaStep(EMPTY_EMA, 1, -0.1)).toThrow('smoothing weight must be in [0, 1), got -0.1');
  });
});
