import { samePadding, type AxisGeometry } from '../../core/lessons/conv-geometry';

/**
 * The output-size formula of one axis with its numbers, every figure taken from the core's geometry:
 * "⌊(4 + 1 + 1 − 3) / 1⌋ + 1 = ⌊3 / 1⌋ + 1 = 4".
 */
export function sizeFormula(axis: AxisGeometry): string {
  const padded = axis.padBefore + axis.padAfter > 0 ? ` + ${axis.padBefore} + ${axis.padAfter}` : '';
  return `⌊(${axis.inputSize}${padded} − ${axis.kernelSize}) / ${axis.stride}⌋ + 1 = ⌊${axis.span} / ${axis.stride}⌋ + 1 = ${axis.outputSize}`;
}

/** "a zero border of 1 cell at the bottom and 1 at the right", or "no border" — from the padding numbers. */
export function borderText(padding: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number }): string {
  const sides = (['top', 'bottom', 'left', 'right'] as const).filter((side) => padding[side] > 0);
  if (sides.length === 0) return 'no border';
  const parts = sides.map((side, index) => `${padding[side]}${index === 0 ? ` cell${padding[side] === 1 ? '' : 's'}` : ''} at the ${side}`);
  return `a zero border of ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`}`;
}

/**
 * What the stride lesson says about padding, from the numbers: with 'valid', the border 'same' would
 * add (which may be none: 'same' pads only enough for ⌈n ÷ stride⌉ windows); with 'same', the border it
 * did add. Never "adds a zero border" when it adds none.
 */
export function strideBorderText(rows: AxisGeometry, cols: AxisGeometry, padding: 'valid' | 'same'): string {
  if (padding === 'same') {
    const added = { top: rows.padBefore, bottom: rows.padAfter, left: cols.padBefore, right: cols.padAfter };
    const unread = rows.unreadCells + cols.unreadCells > 0;
    const what = `Padding “same” added ${borderText(added)}: it pads only enough for ⌈${rows.inputSize} ÷ ${rows.stride}⌉ = ${rows.outputSize} windows down and ⌈${cols.inputSize} ÷ ${cols.stride}⌉ = ${cols.outputSize} across`;
    return unread ? `${what}, not so that every cell is read.` : `${what}.`;
  }
  const rowPad = samePadding(rows.inputSize, rows.kernelSize, rows.stride);
  const colPad = samePadding(cols.inputSize, cols.kernelSize, cols.stride);
  const would = { top: rowPad.before, bottom: rowPad.after, left: colPad.before, right: colPad.after };
  return borderText(would) === 'no border'
    ? 'Padding “same” would add no border here: it pads only enough for ⌈n ÷ stride⌉ windows, and these already fit.'
    : `Padding “same” would add ${borderText(would)}, so that the last jump fits.`;
}
