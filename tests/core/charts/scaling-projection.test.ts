import { describe, expect, test } from 'vitest';
import { projectedImagesPerSecond, projectedStepMs, stepCostModel } from '../../../src/core/charts/scaling-projection';

describe('projected scaling of data-parallel training', () => {
  const model = stepCostModel({ batchSize: 512, oneWorkerMs: 2000, serialMs: 40, workers: 3, exchangeFixedMs: 12, gatherMs: 30 });

  test('built from one worker’s step, its serial part and the exchange of several workers', () => {
    expect(model.serialMs).toBe(40);
    expect(model.computeMsPerImage).toBeCloseTo(1960 / 512, 10);
    expect(model.exchangeFixedMs).toBe(12);
    expect(model.exchangeMsPerWorker).toBe(15);
  });

  test('one worker reproduces the measured step; more split the compute and add the exchange', () => {
    expect(projectedStepMs(model, 512, 1)).toBeCloseTo(2000, 9);
    expect(projectedStepMs(model, 512, 2)).toBeCloseTo(40 + 980 + 12 + 15, 9);
    expect(projectedStepMs(model, 512, 8)).toBeCloseTo(40 + 245 + 12 + 105, 9);
    expect(projectedImagesPerSecond(model, 512, 1)).toBeCloseTo(256, 9);
    // The slowest worker sets the pace: 512 / 3 rounds up to 171 images.
    expect(projectedStepMs(model, 512, 3)).toBeCloseTo(40 + (171 * 1960) / 512 + 12 + 30, 9);
  });

  test('parts that cannot be are refused', () => {
    expect(() => stepCostModel({ batchSize: 512, oneWorkerMs: 100, serialMs: 200, workers: 2, exchangeFixedMs: 1, gatherMs: 1 })).toThrow(/serial part/);
    expect(() => stepCostModel({ batchSize: 512, oneWorkerMs: 100, serialMs: 10, workers: 1, exchangeFixedMs: 1, gatherMs: 1 })).toThrow(/2 or more workers/);
    expect(() => projectedStepMs(model, 512, 0)).toThrow(/workers must be/);
  });
});
