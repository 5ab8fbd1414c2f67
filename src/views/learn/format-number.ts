/**
 * Numbers as a lesson writes them: whole numbers as they are, others to at most two decimals, and a
 * real minus sign (−) so "−1" does not read as a dash on a projector.
 */

/** Largest magnitude a lesson cell accepts; keeps every number short enough to read in its cell. */
export const MAX_CELL_MAGNITUDE = 999;

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
 * Read a number a student typed (accepts "−" as well as "-", and "," as the decimal mark).
 * @returns the number, or a sentence saying what is wrong.
 */
export function parseNumber(text: string, max = MAX_CELL_MAGNITUDE): { value: number } | { error: string } {
  const cleaned = text.trim().replace(/^[−–]/, '-').replace(',', '.');
  if (cleaned === '') return { error: 'empty: type a number' };
  const value = Number(cleaned);
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned) || !Number.isFinite(value)) return { error: `“${text.trim()}” is not a number: type one like 3 or −1.5` };
  if (Math.abs(value) > max) return { error: `${formatNumber(value)} is too big: keep numbers between −${max} and ${max}` };
  return { value };
}

/**
 * Read a whole number ("stride", "padding") with its name in the message.
 * @throws RangeError naming the field and the constraint, e.g. "stride must be a whole number, got 1.5".
 */
export function parseWhole(name: string, text: string): number {
  const parsed = parseNumber(text);
  if ('error' in parsed) throw new RangeError(`${name}: ${parsed.error}`);
  if (!Number.isInteger(parsed.value)) throw new RangeError(`${name} must be a whole number, got ${formatNumber(parsed.value)}`);
  return parsed.value;
}

/**
 * Read a grid of typed numbers.
 * @param what how messages name the grid ("input", "mask").
 * @throws RangeError naming the first bad cell: "mask row 2, column 1: “x” is not a number: …".
 */
export function parseGrid(what: string, texts: ReadonlyArray<ReadonlyArray<string>>): number[][] {
  return texts.map((row, rowIndex) =>
    row.map((text, colIndex) => {
      const parsed = parseNumber(text);
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
