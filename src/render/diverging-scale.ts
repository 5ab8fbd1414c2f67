/**
 * A symmetric diverging colour scale around zero (as CNN Explainer uses for activations): 0 is white,
 * positive values deepen towards red, negative ones towards blue, and +x and −x get the same depth.
 * Red/blue (ColorBrewer RdBu ends) stay distinguishable for the common colour-vision deficiencies.
 */

/** An sRGB colour, 0…255 per component. */
export type Rgb = readonly [number, number, number];

const POSITIVE: Rgb = [178, 24, 43];
const NEGATIVE: Rgb = [33, 102, 172];
const ZERO: Rgb = [255, 255, 255];

/**
 * The colour of `value` on a scale from −`maxAbs` (full blue) through 0 (white) to +`maxAbs` (full red).
 * Values beyond the range clamp; a `maxAbs` of 0 (an all-zero map) paints everything white.
 */
export function divergingColor(value: number, maxAbs: number): Rgb {
  if (!(maxAbs > 0) || !Number.isFinite(value)) return ZERO;
  const amount = Math.min(1, Math.abs(value) / maxAbs);
  const end = value < 0 ? NEGATIVE : POSITIVE;
  const mix = (from: number, to: number): number => Math.round(from + (to - from) * amount);
  return [mix(ZERO[0], end[0]), mix(ZERO[1], end[1]), mix(ZERO[2], end[2])];
}

/** {@link divergingColor} as a CSS colour. */
export function divergingCss(value: number, maxAbs: number): string {
  const [red, green, blue] = divergingColor(value, maxAbs);
  return `rgb(${red} ${green} ${blue})`;
}

/**
 * Black or white, whichever reads better on `background` (WCAG relative luminance), so numbers
 * printed on a coloured cell stay legible from the back of a room.
 */
export function textColorOn(background: Rgb): '#000000' | '#ffffff' {
  const linear = background.map((component) => {
    const c = component / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * (linear[0] ?? 0) + 0.7152 * (linear[1] ?? 0) + 0.0722 * (linear[2] ?? 0);
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
