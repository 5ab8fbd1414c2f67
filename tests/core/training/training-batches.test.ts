import { describe, expect, test } from 'vitest';
import { allIndices, batchSlice, epochOrder, epochSeed } from '../../../src/core/training/training-batches';
import { accumulateBatch, batchesPerEpoch, EMPTY_EPOCH_ACCUMULATOR, formatAccuracyLine } from '../../../src/core/training/training-record';

describe('epoch order', () => {
  test('is a permutation of the pool, the same for the same (seed, epoch), different otherwise', () => {
    const pool = Uint32Array.from({ length: 200 }, (_, i) => i * 3);
    const order = epochOrder(pool, 5, 0);
    expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from(pool));
    expect(epochOrder(pool, 5, 0)).toEqual(order);
    expect(epochOrder(pool, 5, 1)).not.toEqual(order);
    expect(epochOrder(pool, 6, 0)).not.toEqual(order);
    expect(order.filter((value, index) => value === pool[index]).length).toBeLessThan(10);
    expect(epochSeed(1, 1)).not.toBe(epochSeed(2, 0));
  });

  test('batches cover the epoch once; the last may be short, as in Keras', () => {
    const order = epochOrder(allIndices(10), 1, 0);
    expect(batchesPerEpoch(10, 4)).toBe(3);
    const batches = [0, 1, 2].map((batch) => Array.from(batchSlice(order, batch, 4)));
    expect(batches.map((batch) => batch.length)).toEqual([4, 4, 2]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(() => batchSlice(order, 3, 4)).toThrow('batch must be from 0 to 2, got 3');
  });
});

describe('epoch records', () => {
  test('epoch means are weighted by batch size', () => {
    let sums = accumulateBatch(EMPTY_EPOCH_ACCUMULATOR, 4, 2, 0.5, 1);
    sums = accumulateBatch(sums, 2, 1, 1, 0.5);
    expect(sums.images).toBe(6);
    expect(sums.lossSum / sums.images).toBeCloseTo(10 / 6, 12);
    expect(sums.correct / sums.images).toBeCloseTo(4 / 6, 12);
    expect(sums.trainSeconds).toBe(1.5);
  });

  test("the tutorial's accuracy line", () => {
    expect(formatAccuracyLine(0.6742)).toBe('Accuracy: 67.42%');
    expect(formatAccuracyLine(1)).toBe('Accuracy: 100.00%');
  });
});
