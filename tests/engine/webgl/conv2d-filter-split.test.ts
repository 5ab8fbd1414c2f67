import { describe, expect, it } from 'vitest';
import { MAX_GROUPS, MAX_PARTIAL_FLOATS, TARGET_THREADS, chooseFilterGradientSplit } from '../../../src/engine/webgl/conv2d-filter-split';

describe('chooseFilterGradientSplit', () => {
  it('gives the tutorial layers about 2^17 threads at batch 512, where stock tfjs runs 864 and 9 216', () => {
    // Layer 1: x [512, 32, 32, 3], 3×3×3×32 same → 512·32 rows, 864 weights.
    expect(chooseFilterGradientSplit(512 * 32, 864, 16384)).toEqual({ groups: 152, rowsPerGroup: 108 });
    // Layer 2: x [512, 32, 32, 32], 3×3×32×32 valid → 512·30 rows, 9 216 weights.
    expect(chooseFilterGradientSplit(512 * 30, 9216, 16384)).toEqual({ groups: 15, rowsPerGroup: 1024 });
  });

  it('never makes an empty group, and covers every row exactly once', () => {
    expect(chooseFilterGradientSplit(9, 32768, 4096)).toEqual({ groups: 3, rowsPerGroup: 3 });
    for (const rows of [1, 2, 3, 7, 30, 97, 1000, 15360, 1 << 20]) {
      for (const weights of [1, 5, 27, 864, 9216, 36864, 1 << 22, (1 << 24) + 1]) {
        const { groups, rowsPerGroup } = chooseFilterGradientSplit(rows, weights, 8192);
        expect(groups).toBeGreaterThanOrEqual(1);
        expect(groups * rowsPerGroup).toBeGreaterThanOrEqual(rows);
        expect((groups - 1) * rowsPerGroup).toBeLessThan(rows);
        expect(groups).toBeLessThanOrEqual(MAX_GROUPS);
        // The partial sums stay bounded (one group is the result itself, not extra memory).
        if (groups > 1) expect(groups * weights).toBeLessThanOrEqual(MAX_PARTIAL_FLOATS);
        // Enough threads: the target, or one group per row, or the most groups allowed.
        expect(groups * weights).toBeGreaterThanOrEqual(Math.min(TARGET_THREADS, rows * weights, MAX_GROUPS * weights, MAX_PARTIAL_FLOATS) / 2);
      }
    }
  });

  it('keeps the partial-sum texture within maxTextureSize²', () => {
    const { groups } = chooseFilterGradientSplit(4096, 100, 64);
    expect(groups * 100).toBeLessThanOrEqual(64 * 64);
    expect(groups).toBe(40);
  });

  it('names the argument that is not a positive integer', () => {
    expect(() => chooseFilterGradientSplit(0, 10, 4096)).toThrow('rows must be an integer ≥ 1, got 0');
    expect(() => chooseFilterGradientSplit(10, 2.5, 4096)).toThrow('weights must be an integer ≥ 1, got 2.5');
    expect(() => chooseFilterGradientSplit(10, 10, Number.NaN)).toThrow('maxTextureSize must be an integer ≥ 1, got NaN');
  });
});
