/**
 * Comma-separated values as RFC 4180 writes them, for the charts' "Download CSV" buttons: one header
 * row, CRLF line ends, and a field quoted (with its quotes doubled) only when it holds a comma, a quote
 * or a line break. Numbers are written in full (JavaScript's shortest round-trip form), so a spreadsheet
 * reads back exactly what was plotted; a missing value is an empty field.
 */

/** One cell: a number, a string, or nothing (written as an empty field). */
export type CsvCell = number | string | null;

/**
 * Write `rows` under `header` as CSV text.
 * @throws RangeError when a row does not have one cell per header column.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  rows.forEach((row, rowIndex) => {
    if (row.length !== header.length) {
      throw new RangeError(`CSV row ${rowIndex + 1} has ${row.length} cells; the header has ${header.length} columns`);
    }
  });
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One field: numbers in full (NaN and ±Infinity spelled as JavaScript spells them), text quoted when needed. */
export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
