import { describe, expect, test } from 'vitest';
import { textColorOn } from '../../src/render/diverging-scale';
import { shareColor } from '../../src/render/share-scale';

describe('share colour scale', () => {
  test('white at 0, full colour at 1, a different hue for right answers and mistakes; out-of-range clamps', () => {
    expect(shareColor(0, true)).toEqual([255, 255, 255]);
    expect(shareColor(0, false)).toEqual([255, 255, 255]);
    expect(shareColor(1, true)).toEqual([8, 69, 148]);
    expect(shareColor(1, false)).toEqual([166, 54, 3]);
    expect(shareColor(2, false)).toEqual(shareColor(1, false));
    expect(shareColor(Number.NaN, true)).toEqual([255, 255, 255]);
  });

  test('deeper with the share, and a 4 % mistake is already visibly tinted', () => {
    const depth = (share: number) => 255 - (shareColor(share, false)[1] ?? 0);
    expect(depth(0.04)).toBeGreaterThan(35);
    expect(depth(0.5)).toBeGreaterThan(depth(0.2));
    // Numbers stay readable: white text on deep cells, black on pale ones.
    expect(textColorOn(shareColor(1, true))).toBe('#ffffff');
    expect(textColorOn(shareColor(0.05, false))).toBe('#000000');
  });
});
