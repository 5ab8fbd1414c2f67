import { describe, expect, test } from 'vitest';
import { formatDuration, imagesPerSecond, secondsLeft, trainingImagesDone, validationSeconds, type ProgressSample } from '../../../src/core/charts/throughput';
import type { EpochSummary } from '../../../src/core/training/training-record';

const sample = (timeMs: number, epoch: number, imagesDone: number): ProgressSample => ({ timeMs, epoch, imagesDone });
const summary = (epoch: number, seconds: number, imagesPerSecond: number): EpochSummary => ({ epoch, loss: 2, accuracy: 0.2, valLoss: 2, valAccuracy: 0.2, seconds, imagesPerSecond });

describe('training speed', () => {
  test('images done count whole epochs and a smaller last batch', () => {
    expect(trainingImagesDone({ epoch: 0, batch: 0 }, 1000, 512)).toBe(0);
    expect(trainingImagesDone({ epoch: 0, batch: 1 }, 1000, 512)).toBe(512);
    expect(trainingImagesDone({ epoch: 1, batch: 0 }, 1000, 512)).toBe(1000);
    expect(trainingImagesDone({ epoch: 1, batch: 2 }, 1000, 512)).toBe(2000);
  });

  test('images per second over the window, leaving out the validation between epochs', () => {
    const samples = [sample(0, 0, 0), sample(1000, 0, 100), sample(2000, 0, 200), sample(12_000, 1, 300), sample(13_000, 1, 400)];
    // 300 images in 3 s of training; the 10 s crossing into epoch 1 was mostly validation.
    expect(imagesPerSecond(samples, 60_000)).toBeCloseTo(100, 10);
    // Only the last 5 s: the one interval inside it.
    expect(imagesPerSecond(samples, 5_000)).toBeCloseTo(100, 10);
  });

  test('one slow batch longer than the window still gives a speed; none before two samples', () => {
    expect(imagesPerSecond([sample(0, 0, 0), sample(40_000, 0, 64)], 20_000)).toBeCloseTo(1.6, 10);
    expect(imagesPerSecond([sample(0, 0, 0)])).toBeNull();
    expect(imagesPerSecond([])).toBeNull();
    expect(imagesPerSecond([sample(5, 0, 10), sample(5, 0, 20)])).toBeNull();
  });

  test('validation time: measured by the engine once an epoch is done, estimated before', () => {
    // 1000 images at 100/s is 10 s of training; the epoch took 14 s, so validation took 4 s.
    expect(validationSeconds([summary(0, 14, 100), summary(1, 16, 100)], 1000, 500, 100)).toBeCloseTo(5, 10);
    // Before any: 500 images at 3 × 100 images/s.
    expect(validationSeconds([], 1000, 500, 100)).toBeCloseTo(500 / 300, 10);
  });

  test('time left: training images left at the speed, plus one validation per epoch to come', () => {
    const position = { epoch: 1, batch: 5, epochs: 3 };
    const left = secondsLeft({ position, trainImages: 1000, validationImages: 500, batchSize: 100, imagesPerSecond: 100, epochs: [summary(0, 14, 100)] });
    // 3000 − 1500 images at 100/s = 15 s, and 2 validations of 4 s.
    expect(left).toBeCloseTo(23, 10);
    expect(secondsLeft({ position: { epoch: 3, batch: 0, epochs: 3 }, trainImages: 1000, validationImages: 500, batchSize: 100, imagesPerSecond: 100, epochs: [] })).toBe(0);
    expect(secondsLeft({ position, trainImages: 1000, validationImages: 500, batchSize: 100, imagesPerSecond: 0, epochs: [] })).toBeNull();
  });

  test('durations as a person says them', () => {
    expect(formatDuration(0.4)).toBe('under 1 s');
    expect(formatDuration(45.4)).toBe('45 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(180)).toBe('3 min');
    expect(formatDuration(7500)).toBe('2 h 05 min');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});
