import { describe, expect, test } from 'vitest';
import { areaResampleToRgb } from '../../../src/core/data/image-resample';
import { centreSquareToRgb } from '../../../src/core/data/picture-input';

describe('centreSquareToRgb', () => {
  test('keeps the centred square of a wide picture, as Classify does', () => {
    // 96 × 64: a red band 16 wide on each side, blue in the centred 64 × 64 square.
    const width = 96;
    const height = 64;
    const rgba = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) rgba.set(x < 16 || x >= 80 ? [255, 0, 0, 255] : [0, 0, 255, 255], (y * width + x) * 4);
    const input = centreSquareToRgb(rgba, width, height);
    expect(input.length).toBe(32 * 32 * 3);
    for (let pixel = 0; pixel < 32 * 32; pixel += 1) expect([...input.subarray(pixel * 3, pixel * 3 + 3)]).toEqual([0, 0, 255]);
  });

  test('a square picture gives exactly the area resampling', () => {
    const rgba = Uint8Array.from({ length: 40 * 40 * 4 }, (_, index) => (index * 37) % 256);
    expect(centreSquareToRgb(rgba, 40, 40)).toEqual(areaResampleToRgb(rgba, 40, 40));
  });

  test('refuses bytes that do not match the size', () => {
    expect(() => centreSquareToRgb(new Uint8Array(10), 4, 4)).toThrow(/needs 64 bytes/);
  });
});
