/**
 * Keras' legacy learning-rate decay (the `decay` argument of Keras 2's optimisers, which the tutorial
 * uses): before each update, lr_t = lr / (1 + decay · t), where t counts the updates already made.
 * The first update (t = 0) uses the full rate; with the tutorial's decay 0.0004 the rate has halved after
 * 2 500 updates (about 26 epochs of 98 batches of 512 images). tfjs' optimisers take no decay argument,
 * so the training loop sets the rate from this function before every step.
 */

/**
 * Learning rate for the update after `iteration` earlier updates.
 * @param learningRate initial rate, > 0.
 * @param decay ≥ 0; 0 keeps the rate constant.
 * @param iteration updates already applied, ≥ 0.
 * @throws RangeError when an argument is out of range (a negative decay would make the rate grow).
 */
export function decayedLearningRate(learningRate: number, decay: number, iteration: number): number {
  if (!(learningRate > 0)) throw new RangeError(`learningRate must be > 0, got ${learningRate}`);
  if (!(decay >= 0)) throw new RangeError(`decay must be ≥ 0, got ${decay}`);
  if (!(iteration >= 0) || !Number.isInteger(iteration)) throw new RangeError(`iteration must be a whole number ≥ 0, got ${iteration}`);
  return learningRate / (1 + decay * iteration);
}

/** One-cycle's shape, PyTorch's `OneCycleLR` defaults: the share of steps spent rising, and the divisors. */
export const ONE_CYCLE = {
  /** Share of the steps over which the rate rises to its peak. */
  warmUpShare: 0.3,
  /** The rate starts at peak / 25 … */
  startDivisor: 25,
  /** … and ends at peak / (25 · 10 000). */
  endDivisor: 25 * 10_000,
} as const;

/**
 * Smith's one-cycle policy ("Super-convergence", 2018), as PyTorch's `OneCycleLR` runs it by default:
 * the rate climbs from peak / 25 to `peakRate` along half a cosine over the first 30 % of the updates,
 * then falls along half a cosine to peak / 250 000 at the last update. The early climb lets the
 * weights settle before large steps; the long fall ends the run with small, fine steps.
 *
 * @param peakRate the largest rate, > 0 (the "learning rate" the user sets).
 * @param iteration updates already applied, 0 … totalUpdates − 1 (later ones keep the final rate).
 * @param totalUpdates updates in the whole run, ≥ 1.
 * @throws RangeError when an argument is out of range.
 */
export function oneCycleLearningRate(peakRate: number, iteration: number, totalUpdates: number): number {
  if (!(peakRate > 0)) throw new RangeError(`learningRate must be > 0, got ${peakRate}`);
  if (!(iteration >= 0) || !Number.isInteger(iteration)) throw new RangeError(`iteration must be a whole number ≥ 0, got ${iteration}`);
  if (!(totalUpdates >= 1) || !Number.isInteger(totalUpdates)) throw new RangeError(`totalUpdates must be a whole number ≥ 1, got ${totalUpdates}`);
  const start = peakRate / ONE_CYCLE.startDivisor;
  const end = peakRate / ONE_CYCLE.endDivisor;
  const last = totalUpdates - 1;
  const peakAt = Math.max(1, Math.round(ONE_CYCLE.warmUpShare * last));
  const step = Math.min(iteration, last);
  if (last === 0) return peakRate;
  if (step <= peakAt) return cosineBetween(start, peakRate, step / peakAt);
  return cosineBetween(peakRate, end, (step - peakAt) / Math.max(1, last - peakAt));
}

/** From `from` (fraction 0) to `to` (fraction 1) along half a cosine. */
function cosineBetween(from: number, to: number, fraction: number): number {
  return to + ((from - to) * (1 + Math.cos(Math.PI * fraction))) / 2;
}

/**
 * The learning rate of the update after `iteration` earlier ones, as the run's schedule says.
 * @param totalUpdates updates in the whole run (one-cycle needs it).
 */
export function scheduledLearningRate(
  settings: { readonly learningRate: number; readonly decay: number; readonly learningRateSchedule: 'decay' | 'one-cycle' },
  iteration: number,
  totalUpdates: number,
): number {
  return settings.learningRateSchedule === 'one-cycle'
    ? oneCycleLearningRate(settings.learningRate, iteration, totalUpdates)
    : decayedLearningRate(settings.learningRate, settings.decay, iteration);
}
