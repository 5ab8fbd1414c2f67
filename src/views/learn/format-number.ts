/**
 * Numbers as a lesson writes them: whole numbers as they are, others to at most two decimals, and a
 * real minus sign (−) so "−1" does not read as a dash on a projector.
 */
import { LESSON_RULES } from '../../core/lessons/lesson-bounds';
import { readNamedNumber, readTypedNumber, type NumberRule, type TypedNumber } from '../../core/lessons/typed-number';

/** `value` with at most `digits` decimals, trailing zeros dropped, minus as U+2212. */
export function formatNumber(value: number, digits = 2): string {
  if (Number.isNaN(value)) return '—';
  const rounded = Number(value.toFixed(digits));
  const text = Object.is(rounded, -0) ? '0' : String(Math.abs(rounded));
  return rounded < 0 ? `−${text}` : text;
}

/** True when {@link formatNumber} had to round (so the text should say ≈ rather than =). */
export function isRounded(value: number, digits = 2): boolean {
  return Number(value.toFixed(digits)) !== value;
}

/** A factor in a written product: negative numbers in brackets, "5×(−1)". */
export function formatFactor(value: number): string {
  return value < 0 ? `(${formatNumber(value)})` : formatNumber(value);
}

/**
 * Read a number a student typed into a grid cell, with the one reader every lesson field uses
 * (core/lessons/typed-number.ts): "−" as well as "-", "," as the decimal mark, nothing else.
 * @returns the number, or a sentence saying what is wrong.
 */
export function parseNumber(text: string, rule: NumberRule = LESSON_RULES.cell): TypedNumber {
  return readTypedNumber(text, rule);
}

/**
 * Read a named field ("Stride", "Top") by its rule.
 * @throws RangeError naming the field and the bound, e.g. "Top: 999 is too large: type a whole number from 0 to 4".
 */
export function parseField(name: string, text: string, rule: NumberRule): number {
  return readNamedNumber(name, text, rule);
}

/**
 * Read a grid of typed numbers.
 * @param what how messages name the grid ("input", "mask").
 * @throws RangeError naming the first bad cell: "mask row 2, column 1: “x” is not a number: …".
 */
export function parseGrid(what: string, texts: ReadonlyArray<ReadonlyArray<string>>, rule: NumberRule = LESSON_RULES.cell): number[][] {
  return texts.map((row, rowIndex) =>
    row.map((text, colIndex) => {
      const parsed = readTypedNumber(text, rule);
      if ('error' in parsed) throw new RangeError(`${what} row ${rowIndex + 1}, column ${colIndex + 1}: ${parsed.error}`);
      return parsed.value;
    }),
  );
}

/** Numbers as the texts of an editable grid. */
export function gridTexts(rows: ReadonlyArray<ReadonlyArray<number>>): string[][] {
  return rows.map((row) => row.map((value) => String(value)));
}

/** Replace one cell's text, returning a new grid (drafts are immutable React state). */
export function withCell(texts: ReadonlyArray<ReadonlyArray<string>>, row: number, col: number, text: string): string[][] {
  return texts.map((cells, rowIndex) => cells.map((cell, colIndex) => (rowIndex === row && colIndex === col ? text : cell)));
}

/** A count with thin-space thousands separators, as the tutorial's summary prints them: "3 686 912". */
export function formatCount(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}
