/**
 * The spread of repeated measurements (min, median, max) and an honest comparison of two of them: on a
 * machine that other work shares, one run can be slower or faster by chance, so a difference counts
 * only when the two spreads do not overlap. Used by the benchmark's interleaved comparisons and by the
 * choice of how many training workers help. Pure.
 */

/** Min, median and max of a set of measurements (any unit), and how many there were. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly count: number;
}

/**
 * The spread of `values` (the median of an even count is the mean of the middle two).
 * @throws RangeError when `values` is empty or holds a number that is not finite.
 */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('a spread needs at least one measurement');
  if (!values.every(Number.isFinite)) throw new RangeError(`measurements must be finite numbers, got ${values.join(', ')}`);
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { min: sorted[0] as number, median, max: sorted[sorted.length - 1] as number, count: sorted.length };
}

/**
 * Which of two spreads is higher: 'first' when every value of `first` is above every value of
 * `second`, 'second' for the reverse, 'overlap' when their ranges meet (then neither is shown to be
 * higher, whatever the medians say).
 */
export function compareSpreads(first: Spread, second: Spread): 'first' | 'second' | 'overlap' {
  if (first.min > second.max) return 'first';
  if (second.min > first.max) return 'second';
  return 'overlap';
}

/** "263 (255–270)": the median and the range, rounded to `digits` decimals. */
export function formatSpread(spread: Spread, digits = 0): string {
  const f = (value: number): string => value.toFixed(digits);
  return spread.count === 1 ? f(spread.median) : `${f(spread.median)} (${f(spread.min)}–${f(spread.max)})`;
}
