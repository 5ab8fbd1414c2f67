/**
 * Lesson 9's step arithmetic, pure: which part of one output cell's computation a lesson step shows,
 * and the running sum of the products so far. The numbers come from the core step record; nothing here
 * recomputes the convolution.
 */
import type { ConvStep } from '../../core/lessons/conv-steps';
import { readNamedNumber } from '../../core/lessons/typed-number';

/** What one lesson step shows of a cell's record. */
export type ReplayPhase =
  /** Product `termIndex` (0-based) is added; `runningSum` includes it. */
  | { readonly kind: 'product'; readonly termIndex: number; readonly runningSum: number }
  /** The products' sum plus the bias. */
  | { readonly kind: 'bias' }
  /** The activation, and the comparison with the network's own value. */
  | { readonly kind: 'activation' };

/** Steps a record takes: one per product, then the bias, then the activation. */
export function replayStepCount(record: ConvStep): number {
  return record.terms.length + 2;
}

/**
 * The sums after each product, in the record's order; padding products are 0 and are left out, as the
 * record's own sum leaves them out, so the last running sum equals `record.sum` exactly.
 */
export function runningSums(record: ConvStep): number[] {
  let sum = 0;
  return record.terms.map((term) => {
    if (!term.isPadding) sum += term.product;
    return sum;
  });
}

/** The phase of 1-based lesson step `step` (clamped to the record's steps). */
export function replayPhase(record: ConvStep, step: number, sums: readonly number[] = runningSums(record)): ReplayPhase {
  const last = replayStepCount(record);
  const clamped = Math.min(Math.max(1, Math.round(step)), last);
  if (clamped <= record.terms.length) return { kind: 'product', termIndex: clamped - 1, runningSum: sums[clamped - 1] ?? 0 };
  return clamped === last ? { kind: 'activation' } : { kind: 'bias' };
}

/**
 * Read a 1-based position a student typed ("row", "filter") as a 0-based index, with the reader every
 * lesson field uses (core/lessons/typed-number.ts): "0x10", "1e1" or "3.0" are refused here as everywhere.
 * @throws RangeError naming the field and the allowed range.
 */
export function readPosition(name: string, text: string, count: number): number {
  return readNamedNumber(name, text, { min: 1, max: count, whole: true }) - 1;
}

/** "3.2 × 10⁻⁸": a small difference written for people; "0" for none. */
export function formatDifference(value: number): string {
  if (value === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const mantissa = value / 10 ** exponent;
  const superscript = String(exponent).replace(/-/g, '⁻').replace(/\d/g, (digit) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(digit)] ?? digit);
  return `${mantissa.toFixed(1)} × 10${superscript}`;
}
