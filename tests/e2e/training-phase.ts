import { expect } from 'vitest';
import type { Locator } from 'playwright-core';

const ENDED = ['finished', 'stopped', 'failed'];

/**
 * Wait until the run shown by `status` (the Train panel's "Training status") reaches `expected`. A run
 * that ends some other way fails the test at once, with the status text as the reason, instead of
 * polling on to the time limit.
 */
export async function waitForTrainingPhase(status: Locator, expected: string, timeoutMs: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const now = await status.getAttribute('data-phase');
        return now === expected || (now !== null && ENDED.includes(now));
      },
      { timeout: timeoutMs, interval: 250 },
    )
    .toBe(true);
  expect(await status.getAttribute('data-phase'), `training status: ${await status.textContent()}`).toBe(expected);
}
