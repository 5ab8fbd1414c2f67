import { describe, expect, test } from 'vitest';
import { areaResampleToRgb, axisWeights, centreSquareCrop } from '../../../src/core/data/image-resample';

/** An RGBA picture whose pixel (x, y) is `colour(x, y)`. */
function picture(width: number, height: number, colour: (x: number, y: number) => readonly number[]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) rgba.set(colour(x, y), (y * width + x) * 4);
  return rgba;
}

const distinct = (values: Uint8Array): number[] => [...new Set(values)].sort((a, b) => a - b);

describe('centreSquareCrop', () => {
  test('keeps the largest centred square; an odd leftover goes right or down', () => {
    expect(centreSquareCrop(4000, 3000)).toEqual({ x: 500, y: 0, size: 3000 });
    expect(centreSquareCrop(5, 8)).toEqual({ x: 0, y: 1, size: 5 });
    expect(centreSquareCrop(1, 1)).toEqual({ x: 0, y: 0, size: 1 });
  });

  test('refuses sides that are not whole numbers ≥ 1', () => {
    expect(() => centreSquareCrop(0, 10)).toThrow('picture sides must be whole numbers ≥ 1, got 0 × 10');
    expect(() => centreSquareCrop(2.5, 10)).toThrow(RangeError);
  });
});

describe('axisWeights: box weights by overlap', () => {
  test('each output pixel’s weights add up to 1', () => {
    for (const [source, out] of [[3000, 32], [48, 32], [33, 32], [1, 32], [7, 3]] as const) {
      const { weights } = axisWeights(source, out);
      for (const row of weights) expect(row.reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 12);
    }
  });

  test('3 → 2: the middle source pixel is split between both outputs by its overlap', () => {
    const { first, weights } = axisWeights(3, 2);
    expect(Array.from(first)).toEqual([0, 1]);
    expect(Array.from(weights[0] ?? [])).toEqual([2 / 3, 1 / 3]);
    expect(Array.from(weights[1] ?? [])).toEqual([1 / 3, 2 / 3]);
  });
});

describe('areaResampleToRgb', () => {
  test('a 1-pixel checkerboard shrunk 3 : 1 averages each 3 × 3 block (no aliasing into black or white)', () => {
    const board = picture(96, 96, (x, y) => ((x + y) % 2 === 0 ? [255, 255, 255, 255] : [0, 0, 0, 255]));
    const out = areaResampleToRgb(board, 96, 96);
    expect(out.length).toBe(32 * 32 * 3);
    // A 3 × 3 block holds 5 of one colour and 4 of the other: 255·5/9 ≈ 142, 255·4/9 ≈ 113.
    expect(distinct(out)).toEqual([113, 142]);
  });

  test('1.5 : 1 stripes give the exact partial-overlap averages', () => {
    const stripes = picture(48, 48, (x) => (x % 2 === 0 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const out = areaResampleToRgb(stripes, 48, 48);
    // Column 0 covers [0, 1.5): ⅔ black + ⅓ white = 85; column 2 covers [3, 4.5): ⅔ white + ⅓ black = 170.
    expect([out[0], out[3], out[6], out[9]]).toEqual([85, 85, 170, 170]);
  });

  test('keeps the mean brightness of a noisy picture (area averaging moves no light around)', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 256;
    };
    const noisy = picture(100, 100, () => [random(), random(), random(), 255]);
    const meanOf = (values: ArrayLike<number>, stride: number, channels: number): number => {
      let sum = 0;
      let count = 0;
      for (let index = 0; index < values.length; index += stride) for (let c = 0; c < channels; c += 1, count += 1) sum += values[index + c] ?? 0;
      return sum / count;
    };
    expect(meanOf(areaResampleToRgb(noisy, 100, 100), 3, 3)).toBeCloseTo(meanOf(noisy, 4, 3), 0);
  });

  test('transparent pixels are laid on white; half-transparent black becomes mid grey', () => {
    const clear = areaResampleToRgb(picture(4, 4, () => [0, 0, 0, 0]), 4, 4);
    expect(distinct(clear)).toEqual([255]);
    const half = areaResampleToRgb(picture(4, 4, () => [0, 0, 0, 128]), 4, 4);
    expect(distinct(half)).toEqual([127]);
  });

  test('a 1 × 1 picture fills the whole input with its colour; a 2 × 2 one becomes four 16 × 16 blocks', () => {
    const one = areaResampleToRgb(picture(1, 1, () => [10, 200, 30, 255]), 1, 1);
    for (let pixel = 0; pixel < 32 * 32; pixel += 1) expect(Array.from(one.subarray(pixel * 3, pixel * 3 + 3))).toEqual([10, 200, 30]);
    const quad = areaResampleToRgb(picture(2, 2, (x, y) => [x * 100, y * 100, 0, 255]), 2, 2);
    expect(Array.from(quad.subarray((15 * 32 + 15) * 3, (15 * 32 + 15) * 3 + 3))).toEqual([0, 0, 0]);
    expect(Array.from(quad.subarray((16 * 32 + 16) * 3, (16 * 32 + 16) * 3 + 3))).toEqual([100, 100, 0]);
  });

  test('refuses a buffer that does not match its size', () => {
    expect(() => areaResampleToRgb(new Uint8Array(10), 2, 2)).toThrow('a 2 × 2 RGBA picture needs 16 bytes, got 10');
    expect(() => areaResampleToRgb(new Uint8Array(16), 2, 2, 0)).toThrow('output side must be a whole number ≥ 1, got 0');
  });
});
