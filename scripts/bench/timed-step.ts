/**
 * One timed training step of our engine, for the benchmark's side-by-side comparisons.
 */
import type { Trainer } from '../../src/engine/training/trainer';

/**
 * Take one step of `trainer` and return its wall time in milliseconds.
 * @throws Error when the step was not an ordinary batch (it ended the epoch, diverged or was interrupted):
 *   a comparison times whole batches only.
 */
export async function timedStep(trainer: Trainer): Promise<number> {
  const startMs = performance.now();
  const outcome = await trainer.step();
  if (outcome.kind !== 'batch') throw new Error(`a timed step ended the epoch (${outcome.kind})`);
  return performance.now() - startMs;
}
