/**
 * How the live charts look: the Okabe–Ito colour-blind-safe palette, lines thick enough for a
 * projector, and validation drawn dashed so the two lines differ without colour too.
 */

/**
 * Okabe & Ito (2008), "Color Universal Design": told apart with any common colour-vision deficiency.
 * The colours are the stylesheet's (`--chart-*` in styles.css), so the dark theme can swap in the
 * lighter members of the same palette; {@link resolveCssColour} reads them when a chart is drawn.
 */
export const PALETTE = {
  /** #0072B2 blue in the light theme, #56B4E9 sky blue in the dark. */
  main: 'var(--chart-main)',
  /** The raw batch loss under the smoothed line: #56B4E9, or a darker sky blue in the dark theme. */
  light: 'var(--chart-light)',
  /** #D55E00 vermillion, or #E69F00 orange in the dark theme. */
  second: 'var(--chart-second)',
} as const;

/**
 * A colour a canvas can use: `var(--name)` becomes the custom property's value on the page's root
 * (canvas strokes do not understand `var()`); anything else is returned as it is.
 */
export function resolveCssColour(colour: string): string {
  const name = /^var\((--[\w-]+)\)$/.exec(colour)?.[1];
  if (!name || typeof document === 'undefined') return colour;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || colour;
}

/** One line of a chart. */
export interface ChartLine {
  readonly label: string;
  readonly color: string;
  /** CSS pixels. */
  readonly width: number;
  /** Canvas dash pattern in CSS pixels; absent for solid. */
  readonly dash?: readonly number[];
  /** Draw a marker at every point (few points: per-epoch charts). */
  readonly points?: boolean;
}

/** Tick labels and axis titles, sized for the back of a classroom. */
export const AXIS_FONT = '600 17px system-ui, sans-serif';
/** The compact (dashboard) charts' tick labels. */
export const AXIS_FONT_SMALL = '600 14px system-ui, sans-serif';
export const AXIS_LABEL_FONT = 'bold 18px system-ui, sans-serif';
export const AXIS_COLOUR = 'var(--chart-axis)';
export const GRID_COLOUR = 'var(--chart-grid)';

export const BATCH_LINES: readonly ChartLine[] = [
  { label: 'Loss of each batch', color: PALETTE.light, width: 2 },
  { label: 'Smoothed', color: PALETTE.main, width: 4.5 },
];

export const EPOCH_LINES: readonly ChartLine[] = [
  { label: 'Training', color: PALETTE.main, width: 4.5, points: true },
  { label: 'Validation', color: PALETTE.second, width: 4.5, dash: [12, 7], points: true },
];

/**
 * One colour per compared run (Okabe–Ito, in an order where neighbours differ most). The first and the
 * black follow the theme (the chart's main colour, the axis colour), so they stay visible in the dark.
 */
const RUN_COLOURS = [PALETTE.main, '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', 'var(--chart-axis)', '#F0E442'] as const;

/** The lines of a comparison chart: per run, training (solid) then validation (dashed), both in the run's colour. */
export function comparisonLines(names: readonly string[]): ChartLine[] {
  return names.flatMap((name, index) => {
    const color = RUN_COLOURS[index % RUN_COLOURS.length] ?? PALETTE.main;
    return [
      { label: `${name} · training`, color, width: 3.5, points: true },
      { label: `${name} · validation`, color, width: 3.5, dash: [10, 6], points: true },
    ];
  });
}
