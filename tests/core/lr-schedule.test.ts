import { describe, expect, test } from 'vitest';
import { decayedLearningRate } from '../../src/core/lr-schedule';

describe("Keras' legacy decay, lr / (1 + decay · t)", () => {
  test('the first update uses the full rate, then it shrinks hyperbolically', () => {
    expect(decayedLearningRate(0.01, 0.0004, 0)).toBe(0.01);
    expect(decayedLearningRate(0.01, 0.0004, 1)).toBeCloseTo(0.01 / 1.0004, 12);
    // The tutorial's 98 steps per epoch × 25 epochs: the last update uses lr / (1 + 0.0004 · 2449).
    expect(decayedLearningRate(0.01, 0.0004, 2449)).toBeCloseTo(0.01 / 1.9796, 12);
    expect(decayedLearningRate(0.01, 0.0004, 2500)).toBeCloseTo(0.005, 12);
  });

  test('decay 0 keeps the rate', () => {
    expect(decayedLearningRate(0.3, 0, 10_000)).toBe(0.3);
  });

  test('bad arguments are refused by name', () => {
    expect(() => decayedLearningRate(0, 0.1, 1)).toThrow('learningRate must be > 0, got 0');
    expect(() => decayedLearningRate(0.1, -1, 1)).toThrow('decay must be ≥ 0, got -1');
    expect(() => decayedLearningRate(0.1, 0.1, -1)).toThrow('iteration must be a whole number ≥ 0, got -1');
  });
});
