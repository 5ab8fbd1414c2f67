/**
 * Screenshots of the Train area and the training dock at a teacher's projector size (1280 × 720),
 * taken in order on one page (`scripts/screenshot.ts`): the architecture editor and the settings in the
 * "Network and settings" tab, then one short run on wasm — the dashboard while it trains, a lesson with
 * the training dock while it still trains, the dashboard when it has finished and its live charts. The
 * evaluation and internals shots (`inspect-shots.ts`) come next on the same page and use that run.
 */
import type { Page } from 'playwright-core';
import { goToView, PROJECTOR, scrollToRegion, showTrainTab, startRun, waitForRun, type Shot } from './shot';

/**
 * The tutorial's network and optimiser on 1 000 pictures (500 to validate) in batches of 32 for 4
 * epochs: 32 batches an epoch, seconds each epoch on wasm, long enough to photograph it mid-way.
 */
const SHORT_RUN = { trainImages: '1000', validationImages: '500', batchSize: '32', epochs: '4' } as const;

/** The top of the page: the header and the whole Train dashboard (or the lesson under the dock). */
async function toTop(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  // Let the last animation frame land in the charts and the dock's lines.
  await page.waitForTimeout(600);
}

export const TRAIN_SHOTS: readonly Shot[] = [
  {
    file: 'docs/train-architecture.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    async prepare(page) {
      await page.setViewportSize(PROJECTOR);
      await showTrainTab(page, 'Network and settings');
      await scrollToRegion(page, 'Network architecture', 12);
    },
  },
  {
    file: 'docs/train-settings.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    samePage: true,
    async prepare(page) {
      await showTrainTab(page, 'Network and settings');
      // One wrong value: the field says under it what is wrong (and Start, on the dashboard, is off).
      const form = page.getByRole('form', { name: 'Training settings' });
      await form.getByLabel('Batch size').fill('0');
      await form.getByLabel('Batch size').blur();
      await scrollToRegion(page, 'Settings for the next run', 12);
    },
  },
  {
    file: 'docs/train-progress.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    samePage: true,
    async prepare(page) {
      // The tutorial's network and settings back (the shot above left a wrong batch size), then a short run.
      await showTrainTab(page, 'Network and settings');
      await page.getByRole('group', { name: 'Recipes' }).getByRole('button', { name: 'Tutorial model' }).click();
      await startRun(page, SHORT_RUN);
      // Mid-run: one epoch done (one point in each epoch chart), speed and time left measured.
      await waitForRun(page, 1);
      await toTop(page);
    },
  },
  {
    file: 'docs/learn-dock.png',
    hash: '?backend=wasm#/learn/convolution/6',
    waitForHeading: 'Learn',
    samePage: true,
    async prepare(page) {
      // The run goes on in the engine's worker while the class is in Learn.
      await goToView(page, '#/learn/convolution/6', 'Learn');
      await page.getByRole('complementary', { name: 'Training dock' }).waitFor();
      await toTop(page);
    },
  },
  {
    file: 'docs/train-dashboard.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    samePage: true,
    async prepare(page) {
      await goToView(page, '#/train', 'Train');
      await waitForRun(page);
      await toTop(page);
    },
  },
  {
    file: 'docs/train-charts.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    samePage: true,
    element: (page) => page.getByRole('region', { name: 'Live charts' }),
    prepare: toTop,
  },
];
