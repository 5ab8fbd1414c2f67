/**
 * A sequential colour scale for shares 0…1 (the confusion matrix's row-normalised cells): white at 0,
 * deepening to a full colour at 1. Right answers and mistakes get different hues — blue (ColorBrewer
 * Blues) for the diagonal, orange (Oranges) for the rest — so a teacher can point at "the orange
 * square" and the room sees the same one. Blue against orange stays apart for protanopia,
 * deuteranopia and tritanopia (simulated in tests/render/colour-blind-scales.test.ts); the green of
 * an earlier version fell to a ΔE of 11 from the orange for protanopia.
 */
import type { Rgb } from './diverging-scale';

const WHITE: Rgb = [255, 255, 255];
/** Full colour of a correct cell (share 1). */
const RIGHT: Rgb = [8, 69, 148];
/** Full colour of a mistake cell (share 1). */
const WRONG: Rgb = [166, 54, 3];

/**
 * The colour of a cell holding `share` of its row (clamped to 0…1; NaN is white).
 * @param correct true for the diagonal (true class = predicted class).
 */
export function shareColor(share: number, correct: boolean): Rgb {
  const amount = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  const end = correct ? RIGHT : WRONG;
  // A square root spreads the small shares (most mistakes are a few percent) over visible tints.
  const depth = Math.sqrt(amount);
  const mix = (from: number, to: number): number => Math.round(from + (to - from) * depth);
  return [mix(WHITE[0], end[0]), mix(WHITE[1], end[1]), mix(WHITE[2], end[2])];
}
