/**
 * Lesson sentences that carry numbers of the example as it is on screen (pure, so unit-tested):
 * nothing a lesson says may stay true only for its first example.
 */

/** The lesson's introduction, with the numbers of the series as it is: the pool size decides how much shorter it gets. */
export function conv1dIntro(maskLength: number, poolSize: number, convLength: number, pooledLength: number): string {
  const group = poolSize === 2 ? 'pair' : `group of ${poolSize}`;
  return (
    `A time series is a picture with one row. Conv1D slides a ${maskLength}-day mask along it — the example's 1, 1, 1 divided by 3 is a 3-day average that tames the bad reading on day 9; ` +
    `MaxPooling1D then keeps the largest of each ${group}, so ${convLength} values become ${pooledLength}.`
  );
}
