/** What `scripts/screenshot.ts` takes, and the steps several screenshots share. */
import type { Page } from 'playwright-core';
import { fillRunSettings, type RunSettings } from '../../tests/e2e/run-settings';

/** One screenshot: a route, the level-2 heading to wait for, and optional clicks to make first. */
export interface Shot {
  readonly file: string;
  readonly hash: string;
  readonly waitForHeading: string;
  /** Media features to emulate (a dark system theme, forced colours); light and unforced otherwise. */
  readonly media?: { readonly colorScheme?: 'light' | 'dark'; readonly forcedColors?: 'active' | 'none' };
  readonly prepare?: (page: Page) => Promise<void>;
}

/** Longest a screenshot's training run may take (a few seconds to a minute here, on wasm). */
const TRAIN_MS = 600_000;

/** Put a region's top at the top of the window, `airPx` below the window's edge. */
export async function scrollToRegion(page: Page, name: string, airPx = 0): Promise<void> {
  await page.getByRole('region', { name }).evaluate((element, air) => {
    element.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -air);
  }, airPx);
}

/**
 * Set a run up in the Train area, wait until Start is enabled (CIFAR-10 loaded), start it and wait
 * until it has finished.
 * @throws Error when Start never becomes enabled, or the run fails or does not finish in time.
 */
export async function trainRun(page: Page, run: RunSettings): Promise<void> {
  await fillRunSettings(page, run);
  const start = page.getByRole('group', { name: 'Training controls' }).getByRole('button', { name: 'Start', exact: true });
  for (let waited = 0; !(await start.isEnabled()); waited += 250) {
    if (waited > TRAIN_MS) throw new Error('Start never became enabled');
    await page.waitForTimeout(250);
  }
  await start.click();
  const status = page.getByRole('status', { name: 'Training status' });
  for (let waited = 0; (await status.getAttribute('data-phase')) !== 'finished'; waited += 500) {
    const phase = await status.getAttribute('data-phase');
    if (phase === 'failed' || waited > TRAIN_MS) throw new Error(`the run did not finish: ${phase}, ${await status.textContent()}`);
    await page.waitForTimeout(500);
  }
}
