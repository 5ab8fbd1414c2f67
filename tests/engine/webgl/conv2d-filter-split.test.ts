import { describe, expect, it } from 'vitest';
import { MAX_GROUPS, MAX_PARTIAL_TEXELS, MIN_PRODUCTS_PER_THREAD, TARGET_THREADS, chooseFilterGradientSplit } from '../../../src/engine/webgl/conv2d-filter-split';

// Threads per group of our 2×2-blocked program for the tutorial's layers: FH·FW·⌈Cin/2⌉·⌈Cout/2⌉.
const LAYER_1 = 3 * 3 * 2 * 16; // 3×3×3×32, 'same' on 32×32: OW = 32
const LAYER_2 = 3 * 3 * 16 * 16; // 3×3×32×32, 'valid' on 32×32: OW = 30

describe('chooseFilterGradientSplit', () => {
  it('gives the tutorial layers about 2^17 threads at batch 512, where stock tfjs runs 864 and 9 216', () => {
    expect(chooseFilterGradientSplit(512 * 32, 32, LAYER_1, 16384)).toEqual({ groups: 456, rowsPerGroup: 36 });
    expect(chooseFilterGradientSplit(512 * 30, 30, LAYER_2, 16384)).toEqual({ groups: 57, rowsPerGroup: 270 });
    expect(456 * LAYER_1).toBeGreaterThanOrEqual(TARGET_THREADS);
    expect(57 * LAYER_2).toBeGreaterThanOrEqual(TARGET_THREADS);
  });

  it('gives a small batch fewer threads rather than threads of under 256 products', () => {
    // Layer 1 at batch 8: 256 rows of 32 products, 8 rows (256 products) per thread.
    expect(chooseFilterGradientSplit(8 * 32, 32, LAYER_1, 16384)).toEqual({ groups: 32, rowsPerGroup: 8 });
    // One image of a tiny layer: one group, the whole sum in one pass.
    expect(chooseFilterGradientSplit(6, 6, 4, 16384)).toEqual({ groups: 1, rowsPerGroup: 6 });
  });

  it('never makes an empty group, covers every row once, and keeps its bounds', () => {
    expect(chooseFilterGradientSplit(9, 1000, 32768, 4096)).toEqual({ groups: 3, rowsPerGroup: 3 });
    for (const rows of [1, 2, 3, 7, 30, 97, 1000, 15360, 1 << 20]) {
      for (const productsPerRow of [1, 5, 32, 300]) {
        for (const threadsPerGroup of [1, 5, 27, 288, 2304, 36864, 1 << 20, (1 << 22) + 1]) {
          const { groups, rowsPerGroup } = chooseFilterGradientSplit(rows, productsPerRow, threadsPerGroup, 8192);
          const where = `rows ${rows}, OW ${productsPerRow}, threads/group ${threadsPerGroup}: ${groups} × ${rowsPerGroup}`;
          expect(groups, where).toBeGreaterThanOrEqual(1);
          expect(groups * rowsPerGroup, where).toBeGreaterThanOrEqual(rows);
          expect((groups - 1) * rowsPerGroup, where).toBeLessThan(rows);
          expect(groups, where).toBeLessThanOrEqual(MAX_GROUPS);
          if (groups === 1) continue;
          // Split at all: bounded partial sums, enough work per thread, no more threads than aimed for.
          expect(groups * threadsPerGroup, where).toBeLessThanOrEqual(MAX_PARTIAL_TEXELS);
          expect(rowsPerGroup * productsPerRow, where).toBeGreaterThanOrEqual(MIN_PRODUCTS_PER_THREAD);
          expect(groups * threadsPerGroup, where).toBeLessThan(TARGET_THREADS + threadsPerGroup);
        }
      }
    }
  });

  it('keeps the partial-sum texture within maxTextureSize²', () => {
    const { groups } = chooseFilterGradientSplit(40960, 300, 100, 64);
    expect(groups * 100).toBeLessThanOrEqual(64 * 64);
    expect(groups).toBe(40);
  });

  it('names the argument that is not a positive integer', () => {
    expect(() => chooseFilterGradientSplit(0, 10, 10, 4096)).toThrow('rows must be an integer ≥ 1, got 0');
    expect(() => chooseFilterGradientSplit(10, 10, 2.5, 4096)).toThrow('threadsPerGroup must be an integer ≥ 1, got 2.5');
    expect(() => chooseFilterGradientSplit(10, -1, 10, 4096)).toThrow('productsPerRow must be an integer ≥ 1, got -1');
    expect(() => chooseFilterGradientSplit(10, 10, 10, Number.NaN)).toThrow('maxTextureSize must be an integer ≥ 1, got NaN');
  });
});
