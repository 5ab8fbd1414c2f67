import { describe, expect, test } from 'vitest';
import { augmentationSeed, augmentBatchInPlace, augmentedVariants, drawImageTransform, TRAINING_AUGMENTATION, transformImageInto, type ImageGeometry } from '../../../src/core/data/image-augment';
import { gatherImages, gatherLabels } from '../../../src/core/data/image-batch';
import { mulberry32 } from '../../../src/core/common/seeded-random';
import { epochSeed } from '../../../src/core/training/training-batches';

/** A 3 × 4 single-channel image whose pixel (y, x) holds 10·y + x, to read transforms off directly. */
const SMALL: ImageGeometry = { height: 3, width: 4, channels: 1 };
const small = Uint8Array.from({ length: 12 }, (_, i) => 10 * Math.floor(i / 4) + (i % 4));

function rows(image: Uint8Array, geometry: ImageGeometry): number[][] {
  return Array.from({ length: geometry.height }, (_, y) => Array.from(image.subarray(y * geometry.width, (y + 1) * geometry.width)));
}

function transformed(flip: boolean, dx: number, dy: number): number[][] {
  const out = new Uint8Array(12);
  transformImageInto(small, 0, out, 0, { flip, dx, dy }, SMALL);
  return rows(out, SMALL);
}

describe('image transforms (uint8 NHWC)', () => {
  test('identity, mirror, and shifts that repeat the edge', () => {
    expect(transformed(false, 0, 0)).toEqual([[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]]);
    expect(transformed(true, 0, 0)).toEqual([[3, 2, 1, 0], [13, 12, 11, 10], [23, 22, 21, 20]]);
    expect(transformed(false, 1, 0)).toEqual([[0, 0, 1, 2], [10, 10, 11, 12], [20, 20, 21, 22]]);
    expect(transformed(false, -2, 0)).toEqual([[2, 3, 3, 3], [12, 13, 13, 13], [22, 23, 23, 23]]);
    expect(transformed(false, 0, 1)).toEqual([[0, 1, 2, 3], [0, 1, 2, 3], [10, 11, 12, 13]]);
    expect(transformed(true, 1, -1)).toEqual([[12, 11, 10, 10], [22, 21, 20, 20], [22, 21, 20, 20]]);
  });

  test('keeps the RGB bytes of a pixel together when mirroring', () => {
    const geometry: ImageGeometry = { height: 1, width: 2, channels: 3 };
    const out = new Uint8Array(6);
    transformImageInto(Uint8Array.from([1, 2, 3, 4, 5, 6]), 0, out, 0, { flip: true, dx: 0, dy: 0 }, geometry);
    expect(Array.from(out)).toEqual([4, 5, 6, 1, 2, 3]);
  });

  test('augmentBatchInPlace is seeded, changes images only by flips and shifts within the bound', () => {
    const batch = new Uint8Array(small.length * 50);
    for (let i = 0; i < 50; i++) batch.set(small, i * 12);
    const a = batch.slice();
    const b = batch.slice();
    augmentBatchInPlace(a, { flipHorizontal: true, maxShiftPx: 1 }, mulberry32(5), SMALL);
    augmentBatchInPlace(b, { flipHorizontal: true, maxShiftPx: 1 }, mulberry32(5), SMALL);
    expect(a).toEqual(b);
    const allowed = new Set<string>();
    for (const flip of [false, true]) for (const dx of [-1, 0, 1]) for (const dy of [-1, 0, 1]) allowed.add(JSON.stringify(transformed(flip, dx, dy)));
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const image = JSON.stringify(rows(a.subarray(i * 12, (i + 1) * 12), SMALL));
      expect(allowed.has(image)).toBe(true);
      seen.add(image);
    }
    expect(seen.size).toBeGreaterThan(6);
  });

  test('no augmentation leaves the batch as it was; a bad shift is refused', () => {
    const batch = small.slice();
    augmentBatchInPlace(batch, { flipHorizontal: false, maxShiftPx: 0 }, mulberry32(1), SMALL);
    expect(batch).toEqual(small);
    expect(() => augmentBatchInPlace(batch, { flipHorizontal: false, maxShiftPx: 3 }, mulberry32(1), SMALL)).toThrow(
      'maxShiftPx must be an integer from 0 to 2, got 3',
    );
  });
});

describe("a run's augmentation", () => {
  test('mirrors and shifts by at most 2 px, with a seed that is a pure function of the run seed and the iteration', () => {
    expect(TRAINING_AUGMENTATION).toEqual({ flipHorizontal: true, maxShiftPx: 2 });
    expect(augmentationSeed(1, 5)).toBe(augmentationSeed(1, 5));
    const seeds = new Set<number>();
    for (let seed = 0; seed < 4; seed++) for (let iteration = 0; iteration < 50; iteration++) seeds.add(augmentationSeed(seed, iteration));
    expect(seeds.size).toBe(200);
    for (const value of seeds) expect(Number.isInteger(value) && value >= 0 && value < 2 ** 32).toBe(true);
    // Unrelated to the shuffle's stream of the same run.
    expect(augmentationSeed(1, 0)).not.toBe(epochSeed(1, 0));
  });
});

describe('variants of one picture (the dataset browser)', () => {
  test('each variant is the picture under its own drawn transform, as a run with that seed draws them', () => {
    const image = Uint8Array.from({ length: 3072 }, (_, i) => (i * 7) % 251);
    const { pixels, transforms } = augmentedVariants(image, 8, 1);
    expect(pixels).toHaveLength(8 * 3072);
    expect(transforms).toHaveLength(8);
    const random = mulberry32(augmentationSeed(1, 0));
    transforms.forEach((transform, index) => {
      expect(transform).toEqual(drawImageTransform(TRAINING_AUGMENTATION, random));
      expect(Math.abs(transform.dx)).toBeLessThanOrEqual(2);
      expect(Math.abs(transform.dy)).toBeLessThanOrEqual(2);
      const expected = new Uint8Array(3072);
      transformImageInto(image, 0, expected, 0, transform);
      expect(pixels.subarray(index * 3072, (index + 1) * 3072)).toEqual(expected);
    });
    expect(new Set(transforms.map((transform) => JSON.stringify(transform))).size).toBeGreaterThan(1);
    expect(augmentedVariants(image, 8, 1).pixels).toEqual(pixels);
  });
});

describe('gathering a batch', () => {
  test('copies the chosen images and labels in order', () => {
    const images = Uint8Array.from({ length: 4 * 2 }, (_, i) => i);
    expect(Array.from(gatherImages(images, [3, 0], undefined, 2))).toEqual([6, 7, 0, 1]);
    expect(Array.from(gatherLabels(Uint8Array.from([9, 8, 7, 6]), [3, 0]))).toEqual([6, 9]);
    expect(() => gatherImages(images, [4], undefined, 2)).toThrow('image index must be an integer from 0 to 3, got 4');
    expect(() => gatherLabels(Uint8Array.from([1]), [1])).toThrow('label index must be from 0 to 0, got 1');
  });
});
