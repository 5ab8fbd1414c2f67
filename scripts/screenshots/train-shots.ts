/**
 * Screenshots of the Train view (`scripts/screenshot.ts` takes them in order): the architecture
 * editor beside its summary, the grouped settings with Start's reason when an edit is wrong, and the
 * progress and live charts after a short run on wasm (about a minute here); the last two shots share
 * that run's page.
 */
import type { Page } from 'playwright-core';

/** The shape `scripts/screenshot.ts` takes. */
interface TrainShot {
  readonly file: string;
  readonly hash: string;
  readonly waitForHeading: string;
  readonly prepare?: (page: Page) => Promise<void>;
}

const TRAIN_MS = 600_000;

/** Put a region's top at the top of the window (a little air above its border). */
async function scrollTo(page: Page, region: string): Promise<void> {
  await page.getByRole('region', { name: region }).evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -12);
  });
}

async function waitUntilEnabled(page: Page, name: string): Promise<void> {
  const button = page.getByRole('group', { name: 'Training controls' }).getByRole('button', { name, exact: true });
  for (let waited = 0; !(await button.isEnabled()); waited += 250) {
    if (waited > TRAIN_MS) throw new Error(`${name} never became enabled`);
    await page.waitForTimeout(250);
  }
}

/** The tutorial's network and optimiser on 1 000 images in batches of 32 for 5 epochs. */
async function trainTutorialSlice(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: 'Train the network' });
  // An earlier shot on this page may have left the network edited.
  await page.getByRole('button', { name: 'Tutorial model' }).click();
  await panel.getByLabel('Training images').selectOption('1000');
  await panel.getByLabel('Validation images').selectOption('500');
  await panel.getByLabel('Batch size (batch_size)').fill('32');
  await panel.getByLabel('Epochs (epochs)').fill('5');
  await waitUntilEnabled(page, 'Start');
  await panel.getByRole('group', { name: 'Training controls' }).getByRole('button', { name: 'Start', exact: true }).click();
  const status = page.getByRole('status', { name: 'Training status' });
  for (let waited = 0; (await status.getAttribute('data-phase')) !== 'finished'; waited += 500) {
    const phase = await status.getAttribute('data-phase');
    if (phase === 'failed' || waited > TRAIN_MS) throw new Error(`the run did not finish: ${phase}, ${await status.textContent()}`);
    await page.waitForTimeout(500);
  }
}

export const TRAIN_SHOTS: readonly TrainShot[] = [
  {
    file: 'docs/train-architecture.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    prepare: (page) => scrollTo(page, 'Network architecture'),
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
      await scrollTo(page, 'Live charts');
      await page.waitForTimeout(500);
    },
  },
];
