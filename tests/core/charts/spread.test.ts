import { describe, expect, test } from 'vitest';
import { compareSpreads, formatSpread, spreadOf } from '../../../src/core/charts/spread';

describe('spreads of repeated measurements', () => {
  test('min, median and max, whatever the order; an even count takes the mean of the middle two', () => {
    expect(spreadOf([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3, count: 3 });
    expect(spreadOf([10, 40, 20, 30])).toEqual({ min: 10, median: 25, max: 40, count: 4 });
    expect(spreadOf([7])).toEqual({ min: 7, median: 7, max: 7, count: 1 });
  });

  test('no measurement, or one that is not a number, is refused by name', () => {
    expect(() => spreadOf([])).toThrow(/at least one measurement/);
    expect(() => spreadOf([1, Number.NaN])).toThrow(/finite/);
  });

  test('a spread is higher only when all its values are above all of the other’s', () => {
    expect(compareSpreads(spreadOf([480, 500]), spreadOf([260, 270]))).toBe('first');
    expect(compareSpreads(spreadOf([260, 270]), spreadOf([480, 500]))).toBe('second');
    // Medians 300 and 275, but the ranges meet: not shown to differ.
    expect(compareSpreads(spreadOf([250, 300, 350]), spreadOf([260, 275, 290]))).toBe('overlap');
    expect(compareSpreads(spreadOf([270, 280]), spreadOf([260, 270]))).toBe('overlap');
  });

  test('formatted as the median and its range', () => {
    expect(formatSpread(spreadOf([255.2, 263.4, 270.1]))).toBe('263 (255–270)');
    expect(formatSpread(spreadOf([1.25]), 1)).toBe('1.3');
  });
});
