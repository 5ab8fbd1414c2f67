/**
 * Screenshots of evaluation, network internals and lesson 9 (`scripts/screenshot.ts` takes them in
 * order, in one page). They need a trained network: they stay on the page of the Train shots before
 * them (`train-shots.ts`), whose short run on wasm has just finished, so take them together.
 */
import { goToView, PROJECTOR, scrollToRegion, showTrainTab, type Shot } from './shot';

/** Evaluation after the Train shots' short run, the network's insides, and lesson 9 on the same trained network. */
export const INSPECT_SHOTS: readonly Shot[] = [
  {
    file: 'docs/train-evaluation.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    samePage: true,
    async prepare(page) {
      await page.setViewportSize(PROJECTOR);
      await goToView(page, '#/train', 'Train');
      await showTrainTab(page, 'Results');
      const evaluation = page.getByRole('region', { name: 'Where the network goes wrong' });
      // The square of the most common mistake, with its pictures.
      const squares = evaluation.getByRole('button', { name: /^true \w+, predicted \w+: \d+ images?$/ });
      await squares.first().waitFor({ timeout: 60_000 });
      const counts = await squares.evaluateAll((buttons) =>
        buttons.map((button) => {
          const [, truth, predicted, count] = /^true (\w+), predicted (\w+): (\d+)/.exec(button.getAttribute('aria-label') ?? '') ?? [];
          return { name: button.getAttribute('aria-label') ?? '', mistake: truth !== predicted, count: Number(count) };
        }),
      );
      const worst = counts.filter((cell) => cell.mistake).sort((a, b) => b.count - a.count)[0];
      if (worst) await evaluation.getByRole('button', { name: worst.name, exact: true }).click();
      await evaluation.getByRole('button', { name: /^Test image \d+/ }).first().waitFor();
      // At 1280 × 720 the whole matrix and the accuracy per class fit under the most common mistake
      // (the chosen square's pictures follow below).
      await evaluation.getByText(/^Most common mistake:/).evaluate((element) => {
        element.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -12);
      });
    },
  },
  {
    file: 'docs/train-internals.png',
    hash: '?backend=wasm#/train',
    waitForHeading: 'Train',
    samePage: true,
    async prepare(page) {
      // A thumbnail under the chosen square opens that picture in the "Inside the network" tab.
      await page.getByRole('region', { name: 'Where the network goes wrong' }).getByRole('button', { name: /^Test image \d+/ }).first().click();
      await page.getByRole('tab', { name: 'Inside the network', selected: true }).waitFor();
      await page.getByText(/^What your network after epoch \d+ makes of this picture\.$/).waitFor({ timeout: 60_000 });
      await scrollToRegion(page, 'Inside the network', 12);
    },
  },
  {
    file: 'docs/learn-real-network.png',
    hash: '?backend=wasm#/learn/real-network/9',
    waitForHeading: 'Learn',
    samePage: true,
    async prepare(page) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await goToView(page, '#/learn/real-network/9', 'Learn');
      await page.getByLabel('Filter', { exact: true }).fill('3');
      await page.getByLabel('Row', { exact: true }).fill('14');
      await page.getByLabel('Column', { exact: true }).fill('17');
      await page.getByRole('img', { name: /^Feature map of filter 3/ }).waitFor({ timeout: 60_000 });
      await page.getByLabel('Column', { exact: true }).blur();
      await page.getByRole('heading', { level: 3, name: /^9\./ }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    },
  },
];
