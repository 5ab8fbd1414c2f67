import { describe, expect, test } from 'vitest';
import { batchChunks, FILTER_GRADIENT_SCRATCH_BYTES, scratchBytesPerImage } from '../../../src/engine/wasm/filter-gradient-chunks';

/** The tutorial's two convolutions, per image: [x floats, dy floats]. */
const FIRST_LAYER = [32 * 32 * 3, 32 * 32 * 32] as const;
const SECOND_LAYER = [32 * 32 * 32, 30 * 30 * 32] as const;

describe('cutting a batch into filter-gradient chunks', () => {
  test('every chunk fits the budget, the chunks cover the batch, and they differ by at most one image', () => {
    for (const [xFloats, dyFloats] of [FIRST_LAYER, SECOND_LAYER]) {
      for (const batch of [1, 2, 31, 64, 65, 100, 512, 4096]) {
        const chunks = batchChunks(batch, xFloats, dyFloats, FILTER_GRADIENT_SCRATCH_BYTES);
        expect(chunks.reduce((sum, n) => sum + n, 0), `batch ${batch}`).toBe(batch);
        for (const n of chunks) expect(n * scratchBytesPerImage(xFloats, dyFloats)).toBeLessThanOrEqual(FILTER_GRADIENT_SCRATCH_BYTES);
        expect(Math.max(...chunks) - Math.min(...chunks)).toBeLessThanOrEqual(1);
        // The fewest chunks that fit: one fewer would need a chunk over the budget.
        const perChunk = Math.floor(FILTER_GRADIENT_SCRATCH_BYTES / scratchBytesPerImage(xFloats, dyFloats));
        expect(chunks.length).toBe(Math.ceil(batch / perChunk));
      }
    }
  });

  test("the tutorial's layers: whole below 35 images, then even chunks of at most 35 (second layer) and 41 (first)", () => {
    expect(batchChunks(32, ...SECOND_LAYER, FILTER_GRADIENT_SCRATCH_BYTES)).toEqual([32]);
    expect(batchChunks(64, ...SECOND_LAYER, FILTER_GRADIENT_SCRATCH_BYTES)).toEqual([32, 32]);
    expect(batchChunks(512, ...SECOND_LAYER, FILTER_GRADIENT_SCRATCH_BYTES)).toEqual([35, 35, ...Array<number>(13).fill(34)]);
    expect(batchChunks(64, ...FIRST_LAYER, FILTER_GRADIENT_SCRATCH_BYTES)).toEqual([32, 32]);
  });

  test('a budget smaller than one image still makes progress, one image at a time; an unbounded one takes the batch whole; batch 0 makes no chunk', () => {
    expect(batchChunks(3, 10, 10, 1)).toEqual([1, 1, 1]);
    expect(batchChunks(0, 10, 10, 1)).toEqual([]);
    expect(batchChunks(5, 10, 10, Number.POSITIVE_INFINITY)).toEqual([5]);
    expect(batchChunks(5, 0, 0, 1)).toEqual([5]);
    expect(batchChunks(7, 10, 10, 3 * scratchBytesPerImage(10, 10))).toEqual([3, 2, 2]);
  });

  test('refuses sizes that are not whole numbers and a budget that is not positive, naming them', () => {
    expect(() => batchChunks(-1, 10, 10, 100)).toThrow('batch must be a whole number ≥ 0, got -1');
    expect(() => batchChunks(2.5, 10, 10, 100)).toThrow('batch must be a whole number ≥ 0, got 2.5');
    expect(() => batchChunks(2, Number.NaN, 10, 100)).toThrow('x image size must be a whole number ≥ 0, got NaN');
    expect(() => batchChunks(2, 10, 10, 0)).toThrow('the scratch budget must be > 0 bytes, got 0');
  });
});
