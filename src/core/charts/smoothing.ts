/**
 * Exponential moving average, as TensorBoard smooths a noisy loss curve: each smoothed value is
 * `weight` times the previous one plus (1 − weight) times the new raw value. Starting the average at 0
 * would drag the first values towards 0, so each one is divided by 1 − weightⁿ (n values seen), which
 * makes the first smoothed value equal the first raw value ("debiasing", as in Adam).
 *
 * Kept as a small state so a chart can smooth points as they arrive, without going over the history.
 */

/** The running average after some values. */
export interface EmaState {
  /** The biased average (started at 0). */
  readonly biased: number;
  /** Finite values seen so far. */
  readonly count: number;
}

/** Before any value. */
export const EMPTY_EMA: EmaState = { biased: 0, count: 0 };

/** Smoothing used for the batch-loss chart unless the user picks another: the last ~10 batches count most. */
export const DEFAULT_SMOOTHING_WEIGHT = 0.9;

/**
 * Take one raw value. A NaN or infinite value is not averaged in (it would poison every later value):
 * the state stays and the smoothed value is the previous one (NaN before any finite value).
 * @throws RangeError when `weight` is outside [0, 1).
 */
export function emaStep(state: EmaState, value: number, weight: number): { readonly state: EmaState; readonly smoothed: number } {
  checkWeight(weight);
  if (!Number.isFinite(value)) return { state, smoothed: emaValue(state, weight) };
  const next: EmaState = { biased: state.biased * weight + (1 - weight) * value, count: state.count + 1 };
  return { state: next, smoothed: emaValue(next, weight) };
}

/** The debiased average of `state`; NaN before any finite value. */
export function emaValue(state: EmaState, weight: number): number {
  if (state.count === 0) return Number.NaN;
  return state.biased / (1 - weight ** state.count);
}

/**
 * Smooth a whole series (same length as `values`).
 * @throws RangeError when `weight` is outside [0, 1).
 */
export function exponentialMovingAverage(values: readonly number[], weight: number): number[] {
  checkWeight(weight);
  let state = EMPTY_EMA;
  return values.map((value) => {
    const step = emaStep(state, value, weight);
    state = step.state;
    return step.smoothed;
  });
}

function checkWeight(weight: number): void {
  if (!(weight >= 0 && weight < 1)) throw new RangeError(`smoothing weight must be in [0, 1), got ${weight}`);
}
