/**
 * Screenshots of the Train view (`scripts/screenshot.ts` takes them in order): the architecture
 * editor beside its summary, the grouped settings with Start's reason when an edit is wrong, and the
 * progress and live charts after a short run on wasm (about a minute here); the last two shots share
 * that run's page.
 */
import type { Page } from 'playwright-core';
import { scrollToRegion, trainRun, type Shot } from './shot';

/** The tutorial's network and optimiser on 1 000 images in batches of 32 for 5 epochs. */
async function trainTutorialSlice(page: Page): Promise<void> {
  // An earlier shot on this page may have left the network edited.
  await page.getByRole('button', { name: 'Tutorial model' }).click();
  await trainRun(page, { trainImages: '1000', validationImages: '500', batchSize: '32', epochs: '5' });
}

export const TRAIN_SHOTS: readonly Shot[] = [
  {
    file: 'docs/train-architecture.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    prepare: (page) => scrollToRegion(page, 'Network architecture', 12),
  },
  {
    file: 'docs/train-settings.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    async prepare(page) {
      // A Conv2D after Flatten: its error on the layer, and Start saying why it is off.
      const add = page.getByRole('form', { name: 'Add a layer' });
      await add.getByLabel('Layer type').selectOption('Conv2D');
      await add.getByLabel('Where').selectOption('5');
      await add.getByRole('button', { name: 'Add layer' }).click();
      // The whole settings form down to the controls, with Start's reason under them: a taller window.
      await page.setViewportSize({ width: 1280, height: 1180 });
      await page.getByRole('form', { name: 'Training settings' }).evaluate((element) => {
        element.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -20);
      });
    },
  },
  {
    file: 'docs/train-progress.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    async prepare(page) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await trainTutorialSlice(page);
      await page.getByRole('progressbar', { name: 'Epochs completed' }).evaluate((element) => {
        element.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -50);
      });
      // Let the last animation frame land in the charts.
      await page.waitForTimeout(500);
    },
  },
  {
    // The same URL again is a same-document navigation: the run above is still on the page.
    file: 'docs/train-charts.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    async prepare(page) {
      await page.getByRole('region', { name: 'Live charts' }).waitFor();
      await scrollToRegion(page, 'Live charts', 12);
      await page.waitForTimeout(500);
    },
  },
];
