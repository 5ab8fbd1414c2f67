/**
 * How the live charts look: the Okabe–Ito colour-blind-safe palette, lines thick enough for a
 * projector, and validation drawn dashed so the two lines differ without colour too.
 */

/** Okabe & Ito (2008), "Color Universal Design": told apart with any common colour-vision deficiency. */
export const PALETTE = {
  blue: '#0072B2',
  skyBlue: '#56B4E9',
  vermillion: '#D55E00',
  orange: '#E69F00',
  green: '#009E73',
} as const;

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
export const AXIS_LABEL_FONT = 'bold 18px system-ui, sans-serif';
export const AXIS_COLOUR = '#14213d';
export const GRID_COLOUR = '#dfe4ea';

export const BATCH_LINES: readonly ChartLine[] = [
  { label: 'Loss of each batch', color: PALETTE.skyBlue, width: 2 },
  { label: 'Smoothed', color: PALETTE.blue, width: 4.5 },
];

export const EPOCH_LINES: readonly ChartLine[] = [
  { label: 'Training', color: PALETTE.blue, width: 4.5, points: true },
  { label: 'Validation', color: PALETTE.vermillion, width: 4.5, dash: [12, 7], points: true },
];

/** One colour per compared run (Okabe–Ito, in an order where neighbours differ most). */
const RUN_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;

/** The lines of a comparison chart: per run, training (solid) then validation (dashed), both in the run's colour. */
export function comparisonLines(names: readonly string[]): ChartLine[] {
  return names.flatMap((name, index) => {
    const color = RUN_COLOURS[index % RUN_COLOURS.length] ?? PALETTE.blue;
    return [
      { label: `${name} · training`, color, width: 3.5, points: true },
      { label: `${name} · validation`, color, width: 3.5, dash: [10, 6], points: true },
    ];
  });
}
