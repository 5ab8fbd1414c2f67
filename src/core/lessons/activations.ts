/**
 * The two activations of the tutorial's network, on plain numbers.
 * - ReLU keeps positive values and turns negatives into 0: a feature is either present or not.
 * - Softmax turns 10 raw scores into 10 probabilities that are positive and add up to 1.
 */

/** max(0, x). */
export function relu(value: number): number {
  return Math.max(0, value);
}

/** One softmax output with the pieces a lesson writes out. */
export interface SoftmaxTerm {
  readonly score: number;
  /** e^(score − max score): subtracting the largest score keeps e^x from overflowing. */
  readonly exponential: number;
  /** exponential ÷ total. */
  readonly probability: number;
}

/** Softmax with its working: each score's exponential, their total, and the probabilities. */
export interface SoftmaxWorking {
  readonly terms: readonly SoftmaxTerm[];
  /** Sum of the exponentials. */
  readonly total: number;
}

/**
 * Softmax of `scores`, with the working shown.
 * @throws RangeError for an empty list or a score that is not a finite number.
 */
export function softmaxWorking(scores: readonly number[]): SoftmaxWorking {
  if (scores.length === 0) throw new RangeError('softmax needs at least 1 score, got 0');
  scores.forEach((score, index) => {
    if (!Number.isFinite(score)) throw new RangeError(`score ${index + 1} must be a finite number, got ${String(score)}`);
  });
  const largest = Math.max(...scores);
  const exponentials = scores.map((score) => Math.exp(score - largest));
  const total = exponentials.reduce((sum, value) => sum + value, 0);
  return { terms: scores.map((score, index) => ({ score, exponential: exponentials[index] ?? 0, probability: (exponentials[index] ?? 0) / total })), total };
}

/** Softmax probabilities of `scores`. @throws RangeError as {@link softmaxWorking}. */
export function softmax(scores: readonly number[]): number[] {
  return softmaxWorking(scores).terms.map((term) => term.probability);
}
