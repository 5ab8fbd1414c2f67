/**
 * Why masks have odd sizes: the output of a convolution is written at the cell under the mask's
 * centre. A 3×3 mask has a centre cell (row 1, col 1) and every weight sits a whole number of cells
 * from it (−1, 0 or +1). A 4×4 mask's centre falls between cells (row 1.5, col 1.5): no cell is the
 * middle, the offsets are halves, and a library has to pick a side (TensorFlow's "same" padding puts
 * the extra padding cell on the bottom/right).
 */

/** The centre of a mask; whole numbers only when both sides are odd. */
export interface MaskCentre {
  readonly row: number;
  readonly col: number;
  readonly hasCentreCell: boolean;
}

/** One mask cell and its offset from the centre. */
export interface MaskCellOffset {
  readonly index: number;
  readonly row: number;
  readonly col: number;
  /** row − centre row: negative above the centre. */
  readonly rowOffset: number;
  /** col − centre col: negative left of the centre. */
  readonly colOffset: number;
  readonly isCentre: boolean;
}

function assertSide(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`mask ${name} must be a whole number ≥ 1, got ${value}`);
}

/** The centre of a `height × width` mask. @throws RangeError for a side that is not a whole number ≥ 1. */
export function maskCentre(height: number, width: number): MaskCentre {
  assertSide('height', height);
  assertSide('width', width);
  return { row: (height - 1) / 2, col: (width - 1) / 2, hasCentreCell: height % 2 === 1 && width % 2 === 1 };
}

/** Every cell of a `height × width` mask, row by row, with its offset from the centre. */
export function maskCellOffsets(height: number, width: number): MaskCellOffset[] {
  const centre = maskCentre(height, width);
  return Array.from({ length: height * width }, (_, index) => {
    const row = Math.floor(index / width);
    const col = index % width;
    const rowOffset = row - centre.row;
    const colOffset = col - centre.col;
    return { index, row, col, rowOffset, colOffset, isCentre: rowOffset === 0 && colOffset === 0 };
  });
}
