/**
 * The one reader of numbers a person types into a lesson: every cell, stride, border, divisor, score,
 * filter, row and column goes through `readTypedNumber`, so "0x10" or "1e1" means the same (nothing)
 * everywhere, and every refusal says why in the same words.
 *
 * What it accepts, and why it refuses the rest:
 * - plain decimals: "3", "−1.5", "-2", ",5" and "0,5" (a decimal comma, as many students write it), and
 *   the typographic minus signs "−" and "–" a copied number may carry;
 * - not "+4" (a lesson never writes a plus sign; the message says to leave it out), nor hexadecimal,
 *   binary or octal ("0x10", "0b11", "0o7": JavaScript's `Number` reads them, a student does not mean
 *   them), nor scientific notation ("1e1", "2.5e-3"; too large ones, "1e308", are called too large,
 *   the others are given back written out), nor "Infinity" or "NaN";
 * - whole-number fields take digits only: "3.0" is refused there, as Keras refuses `strides=3.0`.
 */

/** Largest magnitude a lesson cell accepts; keeps every number short enough to read in its cell. */
export const MAX_CELL_MAGNITUDE = 999;

/** What a field allows. */
export interface NumberRule {
  /** Smallest value allowed (inclusive); −MAX_CELL_MAGNITUDE unless given. */
  readonly min?: number;
  /** Largest value allowed (inclusive); MAX_CELL_MAGNITUDE unless given. */
  readonly max?: number;
  /** Digits only: no decimal point. */
  readonly whole?: boolean;
  /** Refuse 0 (a divisor). */
  readonly nonZero?: boolean;
}

/** A reading: the number, or a sentence saying what is wrong with the text. */
export type TypedNumber = { readonly value: number } | { readonly error: string };

const PLAIN_DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;
const SCIENTIFIC = /^[+-]?(\d+(\.\d*)?|\.\d+)e[+-]?\d+$/i;
const OTHER_BASE = /^[+-]?0[xbo][0-9a-f]+$/i;

/** "−3" with a real minus sign, "1 000" with a thin space: numbers in messages as lessons write them. */
export function formatBound(value: number): string {
  const text = Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: 6 }).replace(/,/g, '\u202f');
  return value < 0 ? `−${text}` : text;
}

/** "between −999 and 999", "from 1 to 5": the rule's range as a message says it. */
export function describeRange(rule: NumberRule): string {
  const min = rule.min ?? -MAX_CELL_MAGNITUDE;
  const max = rule.max ?? MAX_CELL_MAGNITUDE;
  return rule.whole ? `from ${formatBound(min)} to ${formatBound(max)}` : `between ${formatBound(min)} and ${formatBound(max)}`;
}

/**
 * Read what a person typed.
 * @returns the value, or an error sentence that names the rule broken ("5000 is too large: keep
 *   numbers between −999 and 999"); the caller adds the field's name.
 */
export function readTypedNumber(text: string, rule: NumberRule = {}): TypedNumber {
  const shown = text.trim();
  const cleaned = shown.replace(/^[−–]/, '-').replace(',', '.');
  const min = rule.min ?? -MAX_CELL_MAGNITUDE;
  const max = rule.max ?? MAX_CELL_MAGNITUDE;
  const outside = (value: number): TypedNumber => ({
    error: `${shown} is too ${value > max ? 'large' : 'small'}: ${rule.whole ? 'type a whole number' : 'keep numbers'} ${describeRange({ ...rule, min, max })}`,
  });
  if (cleaned === '') return { error: 'empty: type a number' };
  if (cleaned.startsWith('+')) return { error: `“${shown}”: leave out the plus sign and type ${cleaned.slice(1) || 'a number'}` };
  if (SCIENTIFIC.test(cleaned)) {
    const value = Number(cleaned);
    if (!Number.isFinite(value) || value > max || value < min) return outside(value);
    return { error: `“${shown}” is scientific notation: type the number itself, ${formatBound(value)}` };
  }
  if (OTHER_BASE.test(cleaned)) return { error: `“${shown}” is not a decimal number: type one like ${rule.whole ? '3' : '3 or −1.5'}` };
  if (!PLAIN_DECIMAL.test(cleaned)) return { error: `“${shown}” is not a number: type one like ${rule.whole ? '3' : '3 or −1.5'}` };
  const value = Number(cleaned);
  if (rule.whole && !/^-?\d+$/.test(cleaned)) return { error: `must be a whole number, got ${shown}` };
  if (!Number.isFinite(value) || value > max || value < min) return outside(value);
  if (rule.nonZero && value === 0) return { error: 'cannot be 0: nothing can be divided by 0' };
  return { value: Object.is(value, -0) ? 0 : value };
}

/**
 * Read a named field, throwing its message (the lessons' drafts turn the throw into the message under
 * the field).
 * @throws RangeError "Stride must be a whole number, got 1.5", "Top is too large: …".
 */
export function readNamedNumber(name: string, text: string, rule: NumberRule = {}): number {
  const reading = readTypedNumber(text, rule);
  if ('error' in reading) throw new RangeError(joinName(name, reading.error));
  return reading.value;
}

/**
 * "Stride must be …" for messages that go on from the field's name; "Stride: empty: …" and
 * "Stride: “abc” is not a number" for the others.
 */
function joinName(name: string, error: string): string {
  return error.startsWith('must ') || error.startsWith('cannot ') ? `${name} ${error}` : `${name}: ${error}`;
}

/**
 * Check a number that arrives as a number (a lab link's lesson settings) against a field's rule, in the
 * words the field would use.
 * @throws RangeError "stride must be a whole number from 1 to 6, got 999".
 */
export function assertNumberRule(name: string, value: number, rule: NumberRule): void {
  const min = rule.min ?? -MAX_CELL_MAGNITUDE;
  const max = rule.max ?? MAX_CELL_MAGNITUDE;
  const fits = Number.isFinite(value) && value >= min && value <= max && (!rule.whole || Number.isInteger(value)) && !(rule.nonZero && value === 0);
  if (!fits) throw new RangeError(`${name} must be ${rule.whole ? 'a whole number' : 'a number'} ${describeRange({ ...rule, min, max })}${rule.nonZero ? ' and not 0' : ''}, got ${String(value)}`);
}
