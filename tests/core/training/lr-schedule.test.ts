import { describe, expect, test } from 'vitest';
import { decayedLearningRate, ONE_CYCLE, oneCycleLearningRate, scheduledLearningRate } from '../../../src/core/training/lr-schedule';

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

describe('one-cycle: up from peak / 25 to the peak over 30 % of the updates, then down to peak / 250 000', () => {
  test('the corners and the shape between them', () => {
    const total = 1001;
    expect(oneCycleLearningRate(0.002, 0, total)).toBeCloseTo(0.002 / ONE_CYCLE.startDivisor, 12);
    expect(oneCycleLearningRate(0.002, 300, total)).toBeCloseTo(0.002, 12);
    expect(oneCycleLearningRate(0.002, 1000, total)).toBeCloseTo(0.002 / ONE_CYCLE.endDivisor, 12);
    // Half-way up and half-way down the cosine: the mean of the two ends.
    expect(oneCycleLearningRate(0.002, 150, total)).toBeCloseTo((0.002 + 0.002 / 25) / 2, 12);
    expect(oneCycleLearningRate(0.002, 650, total)).toBeCloseTo((0.002 + 0.002 / 250_000) / 2, 12);
    const rates = Array.from({ length: total }, (_, step) => oneCycleLearningRate(0.002, step, total));
    for (let step = 1; step <= 300; step++) expect(rates[step]).toBeGreaterThan(rates[step - 1] ?? 0);
    for (let step = 301; step < total; step++) expect(rates[step]).toBeLessThan(rates[step - 1] ?? 0);
    // Past the end (an extended run) it stays at the final rate.
    expect(oneCycleLearningRate(0.002, 5000, total)).toBeCloseTo(0.002 / ONE_CYCLE.endDivisor, 12);
    expect(oneCycleLearningRate(0.5, 0, 1)).toBe(0.5);
  });

  test('the schedule picks the formula; decay is not used by one-cycle', () => {
    expect(scheduledLearningRate({ learningRate: 0.01, decay: 0.0004, learningRateSchedule: 'decay' }, 2500, 9999)).toBeCloseTo(0.005, 12);
    expect(scheduledLearningRate({ learningRate: 0.01, decay: 0.0004, learningRateSchedule: 'one-cycle' }, 0, 101)).toBeCloseTo(0.0004, 12);
    expect(() => oneCycleLearningRate(0.1, 0, 0)).toThrow('totalUpdates must be a whole number ≥ 1, got 0');
  });
});
