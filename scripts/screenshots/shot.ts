/** What `scripts/screenshot.ts` takes, and the steps several screenshots share. */
import type { Locator, Page } from 'playwright-core';
import { fillRunSettings, type RunSettings } from '../../tests/e2e/run-settings';
import { openTrainTab } from '../../tests/e2e/train-page';

/** One screenshot: a route, the level-2 heading to wait for, and optional clicks to make first. */
export interface Shot {
  readonly file: string;
  readonly hash: string;
  readonly waitForHeading: string;
  /** Media features to emulate (a dark system theme, forced colours); light and unforced otherwise. */
  readonly media?: { readonly colorScheme?: 'light' | 'dark'; readonly forcedColors?: 'active' | 'none' };
  /**
   * Stay on the page the shot before left (its run, its model, its open tab): no navigation and no
   * heading to wait for; `prepare` goes wherever it needs. Needed because the address changes as the
   * lab is edited (`?lab=…`), so going to `hash` again would reload the page and lose the run.
   */
  readonly samePage?: boolean;
  /** Photograph this element only (the window stays at its size); the whole window otherwise. */
  readonly element?: (page: Page) => Locator;
  readonly prepare?: (page: Page) => Promise<void>;
}

/** The size of a teacher's projector, which every Train and dock screenshot is taken at. */
export const PROJECTOR = { width: 1280, height: 720 } as const;

/** Open a Train tab by its name and wait until its panel is shown. */
export async function showTrainTab(page: Page, name: string): Promise<void> {
  await openTrainTab(page, name);
  await page.getByRole('tabpanel', { name, exact: true }).waitFor();
}

/** Go to another view of the app without reloading it (only the hash changes), and wait for its heading. */
export async function goToView(page: Page, hash: string, heading: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
  await page.getByRole('heading', { level: 2, name: heading }).waitFor();
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
 * Set a run up in the Train area (its settings are in the "Network and settings" tab), wait until
 * Start is enabled (CIFAR-10 loaded) and start it.
 * @throws Error when Start never becomes enabled.
 */
export async function startRun(page: Page, run: RunSettings): Promise<void> {
  await showTrainTab(page, 'Network and settings');
  await fillRunSettings(page, run);
  const start = page.getByRole('group', { name: 'Training controls' }).getByRole('button', { name: 'Start', exact: true });
  for (let waited = 0; !(await start.isEnabled()); waited += 250) {
    if (waited > TRAIN_MS) throw new Error('Start never became enabled');
    await page.waitForTimeout(250);
  }
  await start.click();
}

/**
 * Wait until the Train dashboard's run has finished `epochs` epochs (all of them when left out).
 * @throws Error when the run fails or does not get there in time.
 */
export async function waitForRun(page: Page, epochs?: number): Promise<void> {
  const status = page.getByRole('status', { name: 'Training status' });
  const done = page.getByRole('progressbar', { name: 'Epochs completed' });
  for (let waited = 0; ; waited += 500) {
    const phase = await status.getAttribute('data-phase');
    if (phase === 'finished') return;
    if (epochs !== undefined && phase === 'running' && Number(await done.getAttribute('value')) >= epochs) return;
    if (phase === 'failed' || waited > TRAIN_MS) throw new Error(`the run did not get there: ${phase}, ${await status.textContent()}`);
    await page.waitForTimeout(500);
  }
}

/**
 * Set a run up in the Train area, start it and wait until it has finished.
 * @throws Error when Start never becomes enabled, or the run fails or does not finish in time.
 */
export async function trainRun(page: Page, run: RunSettings): Promise<void> {
  await startRun(page, run);
  await waitForRun(page);
}
