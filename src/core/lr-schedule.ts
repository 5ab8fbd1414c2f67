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
