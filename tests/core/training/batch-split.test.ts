import { describe, expect, test } from 'vitest';
import { MIN_IMAGES_PER_WORKER, splitBatch, workersForBatch } from '../../../src/core/training/batch-split';

describe('sharing a batch among workers', () => {
  test('contiguous shares in batch order that cover every image once, sizes differing by at most one', () => {
    for (const [count, workers] of [[512, 2], [512, 3], [336, 8], [7, 7], [64, 1], [1000, 6]] as const) {
      const shares = splitBatch(count, workers);
      expect(shares).toHaveLength(workers);
      expect(shares[0]?.start).toBe(0);
      expect(shares.at(-1)?.end).toBe(count);
      shares.forEach((share, index) => {
        if (index > 0) expect(share.start).toBe(shares[index - 1]?.end);
        expect(share.end).toBeGreaterThan(share.start);
      });
      const sizes = shares.map((share) => share.end - share.start);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(splitBatch(512, 2)).toEqual([{ start: 0, end: 256 }, { start: 256, end: 512 }]);
    expect(splitBatch(10, 3)).toEqual([{ start: 0, end: 3 }, { start: 3, end: 6 }, { start: 6, end: 10 }]);
  });

  test('a batch uses at most one worker per MIN_IMAGES_PER_WORKER images, and at least one', () => {
    expect(MIN_IMAGES_PER_WORKER).toBe(32);
    expect(workersForBatch(512, 2)).toBe(2);
    expect(workersForBatch(512, 8)).toBe(8);
    expect(workersForBatch(64, 8)).toBe(2);
    expect(workersForBatch(63, 8)).toBe(1);
    expect(workersForBatch(16, 2)).toBe(1);
    expect(workersForBatch(100, 8, 10)).toBe(8);
  });

  test('impossible splits are refused with the reason', () => {
    expect(() => splitBatch(3, 4)).toThrow(/3 images among 4 workers/);
    expect(() => splitBatch(0, 1)).toThrow(/image count must be a whole number ≥ 1, got 0/);
    expect(() => workersForBatch(10, 0)).toThrow(/worker count/);
  });
});
