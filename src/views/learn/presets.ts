/**
 * The masks the tutorial names — blurring, sharpening, edge detection, noise reduction — as whole
 * numbers over a divisor, the way image-processing books print them, so every product stays exact.
 */
export interface MaskPreset {
  readonly id: 'blur' | 'sharpen' | 'edges' | 'noise';
  readonly name: string;
  readonly rows: readonly (readonly number[])[];
  readonly divisor: number;
  /** One sentence for the student. */
  readonly effect: string;
}

/** The four presets of the convolution lesson. */
export const MASK_PRESETS: readonly MaskPreset[] = [
  {
    id: 'blur',
    name: 'Blur',
    rows: [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ],
    divisor: 9,
    effect: 'Every output is the plain average of the 9 cells under the mask, so sharp changes get smeared out.',
  },
  {
    id: 'sharpen',
    name: 'Sharpen',
    rows: [
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ],
    divisor: 1,
    effect: 'The centre counts 5 times and its four neighbours are taken away: differences get bigger, edges crisper.',
  },
  {
    id: 'edges',
    name: 'Edge detection (Sobel)',
    rows: [
      [-1, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ],
    divisor: 1,
    effect: 'One side minus the other: near 0 where the picture is flat, large (red or blue) where brightness changes from left to right.',
  },
  {
    id: 'noise',
    name: 'Noise reduction (Gaussian)',
    rows: [
      [1, 2, 1],
      [2, 4, 2],
      [1, 2, 1],
    ],
    divisor: 16,
    effect: 'A weighted average: the centre counts most, far cells least. Single speckles fade, but edges stay sharper than with a plain blur.',
  },
];

/** The preset whose numbers equal `rows` and `divisor`, if any (to mark its button as pressed). */
export function matchingPreset(rows: ReadonlyArray<ReadonlyArray<number>>, divisor: number): MaskPreset | undefined {
  return MASK_PRESETS.find(
    (preset) => preset.divisor === divisor && preset.rows.length === rows.length && preset.rows.every((row, r) => row.length === rows[r]?.length && row.every((value, c) => value === rows[r]?.[c])),
  );
}
