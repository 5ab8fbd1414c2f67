/**
 * Screenshots of evaluation, network internals and lesson 9 (`scripts/screenshot.ts` takes them in
 * order, in one page). They need a trained network: the first one trains a short run on wasm (seconds
 * here), and the next two stay on the same page (hash changes only), so the run's model is still there.
 */
import { openTrainTab } from '../../tests/e2e/train-page';
import { scrollToRegion, trainRun, type Shot } from './shot';

/** Evaluation after a short run, the network's insides, and lesson 9 on the same trained network. */
export const INSPECT_SHOTS: readonly Shot[] = [
  {
    file: 'docs/train-evaluation.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    async prepare(page) {
      // Taller than the other screenshots: the whole matrix, the bars and the chosen square's pictures.
      await page.setViewportSize({ width: 1280, height: 1100 });
      await trainRun(page, { trainImages: '5000', validationImages: '500', batchSize: '32', epochs: '2' });
      await openTrainTab(page, 'Results');
      const evaluation = page.getByRole('region', { name: 'Where the network goes wrong' });
      // The square of the most common mistake, with its pictures.
      const counts = await evaluation.getByRole('button', { name: /^true \w+, predicted \w+: \d+ images?$/ }).evaluateAll((buttons) =>
        buttons.map((button) => {
          const [, truth, predicted, count] = /^true (\w+), predicted (\w+): (\d+)/.exec(button.getAttribute('aria-label') ?? '') ?? [];
          return { name: button.getAttribute('aria-label') ?? '', mistake: truth !== predicted, count: Number(count) };
        }),
      );
      const worst = counts.filter((cell) => cell.mistake).sort((a, b) => b.count - a.count)[0];
      if (worst) await evaluation.getByRole('button', { name: worst.name, exact: true }).click();
      await evaluation.getByRole('button', { name: /^Test image \d+/ }).first().waitFor();
      await scrollToRegion(page, 'Where the network goes wrong');
    },
  },
  {
    file: 'docs/train-internals.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    async prepare(page) {
      // Tall enough for the answer, the filters and the first layers' feature maps.
      await page.setViewportSize({ width: 1280, height: 1500 });
      await page.getByRole('region', { name: 'Where the network goes wrong' }).getByRole('button', { name: /^Test image \d+/ }).first().click();
      await page.getByText(/^What your network after epoch \d+ makes of this picture\.$/).waitFor({ timeout: 60_000 });
      await scrollToRegion(page, 'Inside the network');
    },
  },
  {
    file: 'docs/learn-real-network.png',
    hash: '?backend=wasm#/learn/real-network/9',
    waitForHeading: 'Learn',
    async prepare(page) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByLabel('Filter', { exact: true }).fill('3');
      await page.getByLabel('Row', { exact: true }).fill('14');
      await page.getByLabel('Column', { exact: true }).fill('17');
      await page.getByRole('img', { name: /^Feature map of filter 3/ }).waitFor({ timeout: 60_000 });
      await page.getByLabel('Column', { exact: true }).blur();
      await page.getByRole('heading', { level: 3, name: /^9\./ }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    },
  },
];
