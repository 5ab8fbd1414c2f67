/**
 * The masked-array idea (numpy.ma): a list of values plus a list of flags; a flagged value is hidden —
 * left out of every calculation — without being deleted. A convolution mask generalises the idea:
 * instead of 0 or 1 ("skip" or "use") each cell gets a weight.
 */

/** One element visited while averaging a masked array. */
export interface MaskedArrayStep {
  /** 0-based position. */
  readonly index: number;
  readonly value: number;
  /** True when the mask hides this value (numpy's mask value 1 / True). */
  readonly hidden: boolean;
  /** Sum of the visible values up to and including this one. */
  readonly runningSum: number;
  /** How many visible values so far. */
  readonly runningCount: number;
}

/**
 * One record per element: whether the mask hides it, and the running sum and count of what is left —
 * how `masked.mean()` reaches its answer.
 * @param hidden one flag per value; true hides the value.
 * @throws RangeError when the lengths differ or a value is not finite.
 */
export function maskedArraySteps(values: readonly number[], hidden: readonly boolean[]): MaskedArrayStep[] {
  if (values.length !== hidden.length) throw new RangeError(`the mask needs one flag per value (${values.length}), got ${hidden.length}`);
  let runningSum = 0;
  let runningCount = 0;
  return values.map((value, index) => {
    if (!Number.isFinite(value)) throw new RangeError(`value ${index + 1} must be a finite number, got ${String(value)}`);
    const isHidden = hidden[index] ?? false;
    if (!isHidden) {
      runningSum += value;
      runningCount += 1;
    }
    return { index, value, hidden: isHidden, runningSum, runningCount };
  });
}

/** Mean of the visible values, or null when every value is hidden (numpy prints "--"). */
export function maskedMean(steps: readonly MaskedArrayStep[]): number | null {
  const last = steps[steps.length - 1];
  return last && last.runningCount > 0 ? last.runningSum / last.runningCount : null;
}
