import { describe, expect, test } from 'vitest';
import type { FilterBank } from '../../../src/core/lessons/conv2d';
import { argMax, filterPlane, filterTileRgb, largestMagnitude, scaledImageVolume, topActivations } from '../../../src/core/model/network-internals';

/** A 2×2 bank over 3 channels with 2 filters: weight = filter·100 + row·10 + col + channel/10 (filter 1 negated). */
function bank(): FilterBank {
  const data = new Float64Array(2 * 2 * 3 * 2);
  for (let row = 0; row < 2; row += 1) {
    for (let col = 0; col < 2; col += 1) {
      for (let channel = 0; channel < 3; channel += 1) {
        for (let filter = 0; filter < 2; filter += 1) {
          const value = row * 10 + col + channel / 10;
          data[((row * 2 + col) * 3 + channel) * 2 + filter] = filter === 0 ? value : -value;
        }
      }
    }
  }
  return { height: 2, width: 2, inChannels: 3, outChannels: 2, data };
}

describe('network internals', () => {
  test('top activations: largest first, ties in unit order, NaN never chosen', () => {
    expect(topActivations([0.5, 3, Number.NaN, 3, -1, 2], 3)).toEqual([
      { unit: 1, value: 3 },
      { unit: 3, value: 3 },
      { unit: 5, value: 2 },
    ]);
    expect(topActivations([1, 2], 5)).toHaveLength(2);
    expect(() => topActivations([1], -1)).toThrow('k must be a whole number ≥ 0, got -1');
  });

  test('argMax and largest magnitude', () => {
    expect(argMax([0.1, 0.7, 0.7, 0.2])).toBe(1);
    expect(argMax([])).toBe(-1);
    expect(largestMagnitude([1, -4, 3])).toBe(4);
    expect(largestMagnitude([])).toBe(0);
  });

  test("an RGB tile stretches each filter's own weights to 0…255: the smallest is black, the largest full", () => {
    const tile = filterTileRgb(bank(), 0);
    expect(tile).toHaveLength(12);
    // Filter 0: smallest 0 at (0,0,red), largest 11.2 at (1,1,blue).
    expect(tile[0]).toBe(0);
    expect(tile[11]).toBe(255);
    expect(tile[(1 * 2 + 0) * 3 + 0]).toBe(Math.round((10 / 11.2) * 255));
    // Filter 1 is filter 0 negated: its picture is the negative.
    const negative = filterTileRgb(bank(), 1);
    tile.forEach((value, index) => expect(negative[index]).toBe(255 - value));
    const flat: FilterBank = { height: 1, width: 1, inChannels: 3, outChannels: 1, data: new Float64Array([0.2, 0.2, 0.2]) };
    expect(Array.from(filterTileRgb(flat, 0))).toEqual([128, 128, 128]);
    expect(() => filterTileRgb({ ...flat, inChannels: 1, data: new Float64Array(1) }, 0)).toThrow('an RGB tile needs a filter over 3 input channels, got 1');
    expect(() => filterTileRgb(bank(), 2)).toThrow('filter must be 0…1, got 2');
  });

  test('one input channel of a filter as a plane', () => {
    const plane = filterPlane(bank(), 1, 2);
    expect(Array.from(plane.data)).toEqual([-0.2, -1.2, -10.2, -11.2]);
    expect(() => filterPlane(bank(), 0, 3)).toThrow('input channel must be 0…2, got 3');
  });

  test('image bytes scaled as the network sees them (float32 of byte ÷ 255)', () => {
    const volume = scaledImageVolume([0, 255, 128, 1, 2, 3], 1, 2, 3);
    expect(volume.data[1]).toBe(1);
    expect(volume.data[2]).toBe(Math.fround(128 / 255));
    expect(() => scaledImageVolume([1, 2], 1, 1, 3)).toThrow('a 1×1×3 image needs 3 bytes, got 2');
  });
});
