import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { divergingColor, type Rgb } from '../../src/render/diverging-scale';
import { shareColor } from '../../src/render/share-scale';
import { contrastRatio, deltaE2000, hexToRgb, simulate, toLab, VISIONS } from './colour-vision';

/** Plainly different at a glance (CIEDE2000; 2.3 is a just-noticeable difference). */
const APART = 10;

/** `--name: #hex;` in the stylesheet's light (`:root`) or dark (`:root[data-theme='dark']`) block. */
function themeColour(theme: 'light' | 'dark', name: string): Rgb {
  const css = readFileSync(join(process.cwd(), 'src/styles.css'), 'utf8');
  const start = theme === 'light' ? css.indexOf(':root {') : css.indexOf(":root[data-theme='dark'] {");
  const block = css.slice(start, css.indexOf('}', start));
  const hex = new RegExp(`${name}:\\s*(#[0-9a-fA-F]{6})`).exec(block)?.[1];
  if (!hex) throw new Error(`styles.css has no ${name} in its ${theme} block`);
  return hexToRgb(hex);
}

describe('colour scales survive the three common colour-vision deficiencies (Machado 2009, simulated)', () => {
  test.each(VISIONS)('diverging scale (signed values): + and − stay apart, and depth still grows with the size, for %s', (vision) => {
    for (const amount of [0.25, 0.5, 0.75, 1]) {
      const plus = simulate(divergingColor(amount, 1), vision);
      const minus = simulate(divergingColor(-amount, 1), vision);
      expect(deltaE2000(plus, minus), `±${amount}`).toBeGreaterThan(amount === 0.25 ? APART / 2 : APART);
    }
    // Lightness falls steadily from white on each side, so a larger magnitude reads as deeper without hue.
    for (const sign of [1, -1]) {
      const lightness = [0, 0.25, 0.5, 0.75, 1].map((amount) => toLab(simulate(divergingColor(sign * amount, 1), vision))[0]);
      for (let index = 1; index < lightness.length; index += 1) expect(lightness[index]).toBeLessThan((lightness[index - 1] ?? 0) - 5);
    }
  });

  test.each(VISIONS)('confusion matrix: a right answer and a mistake of the same share stay apart, for %s', (vision) => {
    for (const share of [0.1, 0.25, 0.5, 1]) {
      const right = simulate(shareColor(share, true), vision);
      const wrong = simulate(shareColor(share, false), vision);
      expect(deltaE2000(right, wrong), `share ${share}`).toBeGreaterThan(share < 0.25 ? APART / 2 : APART);
    }
  });

  test.each(['light', 'dark'] as const)('chart lines in the %s theme: training and validation, raw and smoothed stay apart for every vision, and stand out from the panel', (theme) => {
    const panel = themeColour(theme, '--panel');
    const main = themeColour(theme, '--chart-main');
    const second = themeColour(theme, '--chart-second');
    const light = themeColour(theme, '--chart-light');
    for (const vision of VISIONS) {
      expect(deltaE2000(simulate(main, vision), simulate(second, vision)), `${vision}: training vs validation`).toBeGreaterThan(APART);
      expect(deltaE2000(simulate(main, vision), simulate(light, vision)), `${vision}: smoothed vs raw`).toBeGreaterThan(APART / 2);
    }
    // WCAG 1.4.11: graphics a reader needs have 3 : 1 against what is behind them (the raw line is a faint backdrop).
    expect(contrastRatio(main, panel)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(second, panel)).toBeGreaterThanOrEqual(3);
  });
});
