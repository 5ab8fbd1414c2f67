import type { ExplicitPadding } from '../../core/lessons/conv-geometry';
import type { ConvStep } from '../../core/lessons/conv-steps';
import type { PoolStep } from '../../core/lessons/pool2d';
import { valueAt, type Volume } from '../../core/lessons/volume';
import { formatNumber, parseNumber } from './format-number';
import type { CellTone, GridCell } from './parts/NumberGrid';

/** Key of a cell in the maps below. */
export const cellKey = (row: number, col: number): string => `${row},${col}`;

/** What an input grid shows around one step. */
export interface InputCellsOptions {
  readonly input: Volume;
  /** Padding cells drawn around the input (zeros). Default none. */
  readonly padding?: ExplicitPadding;
  /** Typed texts: makes the real cells editable. */
  readonly texts?: ReadonlyArray<ReadonlyArray<string>>;
  readonly onEdit?: (row: number, col: number, text: string) => void;
  /** "Input" → labels "Input row 1, column 2". */
  readonly labelPrefix: string;
  /** Extra tones per cell (input coordinates; padding cells have negative or too-large ones). */
  readonly tonesAt?: (row: number, col: number) => readonly CellTone[];
  /** Corner note per cell. */
  readonly noteAt?: (row: number, col: number) => string | undefined;
}

/** Input cells, with a padding border when asked, editable when texts are given. */
export function inputCells(options: InputCellsOptions): GridCell[][] {
  const { input, padding = { top: 0, bottom: 0, left: 0, right: 0 } } = options;
  const rows: GridCell[][] = [];
  for (let row = -padding.top; row < input.height + padding.bottom; row += 1) {
    const cells: GridCell[] = [];
    for (let col = -padding.left; col < input.width + padding.right; col += 1) {
      const isPadding = row < 0 || row >= input.height || col < 0 || col >= input.width;
      const extra = options.tonesAt?.(row, col) ?? [];
      const note = options.noteAt?.(row, col);
      if (isPadding) {
        const locked = options.texts ? 'Padding cells are always 0: the border is added around the input, not typed.' : undefined;
        cells.push({ text: '0', value: 0, tones: ['pad', ...extra], note, locked });
        continue;
      }
      const value = valueAt(input, row, col);
      const typed = options.texts?.[row]?.[col];
      const onEdit = options.onEdit;
      cells.push({
        text: formatNumber(value),
        value,
        tones: extra,
        note,
        edit:
          typed !== undefined && onEdit
            ? {
                text: typed,
                label: `${options.labelPrefix} row ${row + 1}, column ${col + 1}`,
                invalid: 'error' in parseNumber(typed),
                onChange: (text) => onEdit(row, col, text),
              }
            : undefined,
      });
    }
    rows.push(cells);
  }
  return rows;
}

/** The cells a convolution step reads, with the weight each is multiplied by (as a corner note). */
export function convStepReads(step: ConvStep | undefined): Map<string, number> {
  const reads = new Map<string, number>();
  for (const term of step?.terms ?? []) reads.set(cellKey(term.inputRow, term.inputCol), term.weight);
  return reads;
}

/**
 * The input cell under the window's centre in a step (for an even mask, the upper-left of the middle
 * four), read from the record's own terms.
 */
export function windowCentre(step: ConvStep | undefined): { row: number; col: number } | null {
  if (!step) return null;
  const last = step.terms[step.terms.length - 1];
  if (!last) return null;
  const centreRow = Math.floor(last.kernelRow / 2);
  const centreCol = Math.floor(last.kernelCol / 2);
  const term = step.terms.find((candidate) => candidate.kernelRow === centreRow && candidate.kernelCol === centreCol);
  return term ? { row: term.inputRow, col: term.inputCol } : null;
}

/** The cells a pooling step reads. */
export function poolStepReads(step: PoolStep | undefined): Set<string> {
  return new Set((step?.cells ?? []).map((cell) => cellKey(cell.row, cell.col)));
}

/**
 * The output grid as the records fill it: records before `currentIndex` done, the current one marked,
 * later ones still empty. The numbers come from the records, never from a second computation.
 */
export function outputCellsFromRecords(
  height: number,
  width: number,
  records: ReadonlyArray<{ readonly outputRow: number; readonly outputCol: number; readonly value: number }>,
  currentIndex: number,
  extraTones?: (row: number, col: number) => readonly CellTone[],
): GridCell[][] {
  const rows: GridCell[][] = Array.from({ length: height }, (_, row) =>
    Array.from({ length: width }, (_, col): GridCell => ({ text: '', value: null, tones: ['pending', ...(extraTones?.(row, col) ?? [])] })),
  );
  records.forEach((record, index) => {
    const row = rows[record.outputRow];
    if (!row || index > currentIndex) return;
    row[record.outputCol] = {
      text: formatNumber(record.value),
      value: record.value,
      tones: [index === currentIndex ? 'current' : 'done', ...(extraTones?.(record.outputRow, record.outputCol) ?? [])],
    };
  });
  return rows;
}

/** Largest absolute value among numbers (0 for none): the colour scale's end. */
export function scaleOf(...groups: ReadonlyArray<ArrayLike<number>>): number {
  let largest = 0;
  for (const group of groups) for (let index = 0; index < group.length; index += 1) largest = Math.max(largest, Math.abs(group[index] ?? 0));
  return largest;
}
