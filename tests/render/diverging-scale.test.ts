import { describe, expect, test } from 'vitest';
import { divergingColor, divergingCss, textColorOn } from '../../src/render/diverging-scale';

describe('symmetric diverging colour scale', () => {
  test('white at zero, red for +, blue for −, equal depth for ±x', () => {
    expect(divergingColor(0, 10)).toEqual([255, 255, 255]);
    expect(divergingColor(10, 10)).toEqual([178, 24, 43]);
    expect(divergingColor(-10, 10)).toEqual([33, 102, 172]);
    const plus = divergingColor(4, 10);
    const minus = divergingColor(-4, 10);
    // Same distance from white on both sides.
    const distance = (rgb: readonly number[]) => Math.hypot(...rgb.map((c) => 255 - c));
    expect(distance(plus) / distance([178, 24, 43])).toBeCloseTo(distance(minus) / distance([33, 102, 172]), 2);
    expect(divergingColor(99, 10)).toEqual(divergingColor(10, 10));
    expect(divergingColor(5, 0)).toEqual([255, 255, 255]);
    expect(divergingCss(-10, 10)).toBe('rgb(33 102 172)');
  });
  test('labels use black on light cells and white on deep ones', () => {
    expect(textColorOn([255, 255, 255])).toBe('#000000');
    expect(textColorOn([33, 102, 172])).toBe('#ffffff');
    expect(textColorOn([178, 24, 43])).toBe('#ffffff');
  });
});
