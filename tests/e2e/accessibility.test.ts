import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { axeViolations } from './axe';
import { fillRunSettings } from './run-settings';
import { appSessionPerTest } from './session-checks';
import { waitForTrainingPhase } from './training-phase';
import { openTrainTab } from './train-page';

const baseUrl = inject('baseUrl');
let page: Page;
appSessionPerTest(baseUrl, (opened) => {
  page = opened.page;
});

const SLOW_MS = 300_000;

/** Every lesson, opened about half-way through its steps (where most of its marks are on screen). */
const LESSONS_MID_WAY = ['mask/6', 'flipping/2', 'convolution/8', 'stride/3', 'padding/9', 'pooling/4', 'conv-1d/7', 'network/5', 'real-network/14'];

/** Scan the page as it is now; a failure names the state, the rule, and the first elements (and the test goes on). */
async function expectNoViolations(state: string): Promise<void> {
  expect.soft({ state, violations: await axeViolations(page) }).toEqual({ state, violations: [] });
}

async function openOnWasm(hash: string): Promise<void> {
  await page.goto(`${baseUrl}?backend=wasm${hash}`);
  await page.getByRole('heading', { level: 2 }).waitFor();
  const badge = page.getByRole('status', { name: 'Compute backend' });
  await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 120_000 }).toBe('wasm');
}

const trainPanel = () => page.getByRole('region', { name: 'Train the network' });
const classify = () => page.getByRole('region', { name: 'Classify' });

describe('accessibility (axe-core, every rule it runs by default)', () => {
  test('every area, every lesson mid-way, a refused grid entry and the open badge: light, dark and forced colours', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await openOnWasm('#/learn');
      await expectNoViolations(`${scheme}: Learn`);
      for (const lesson of LESSONS_MID_WAY) {
        await page.goto(`${baseUrl}?backend=wasm#/learn/${lesson}`);
        await page.getByRole('heading', { level: 3 }).waitFor();
        await expectNoViolations(`${scheme}: lesson ${lesson}`);
      }
      // A refused entry: its message under the grid, the cell marked invalid.
      await page.goto(`${baseUrl}?backend=wasm#/learn/convolution/3`);
      await page.getByRole('textbox', { name: 'Input row 2, column 3' }).fill('abc');
      await page.getByRole('alert').waitFor();
      await expectNoViolations(`${scheme}: a refused grid entry`);
      for (const area of ['train', 'classify'] as const) {
        await page.goto(`${baseUrl}?backend=wasm#/${area}`);
        await page.getByRole('heading', { level: 2 }).waitFor();
        await expectNoViolations(`${scheme}: ${area}`);
      }
      await expect.poll(() => page.getByRole('status', { name: 'Compute backend' }).getAttribute('data-backend'), { timeout: 120_000 }).toBe('wasm');
      // Hash-only navigations keep the page (and an open badge) from the round before.
      if (!(await page.locator('details.badge').evaluate((details: HTMLDetailsElement) => details.open))) await page.locator('.badge summary').click();
      await page.getByText('Self-test').waitFor();
      await expectNoViolations(`${scheme}: the badge's details`);
    }
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    for (const hash of ['#/learn/convolution/8', '#/train', '#/classify']) {
      await page.goto(`${baseUrl}?backend=wasm${hash}`);
      await page.getByRole('heading', { level: 2 }).waitFor();
      await expectNoViolations(`forced colours: ${hash}`);
    }
  }, 900_000);

  test('Train during and after a run (charts, confusion matrix, a chosen square, the insides), then Classify with answers, an error and the library', async () => {
    await openOnWasm('#/train');
    await fillRunSettings(page, { trainImages: '128', validationImages: '64', batchSize: '32', epochs: '2' });
    const start = trainPanel().getByRole('group', { name: 'Training controls' }).getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await expectNoViolations('Train, data loaded, before a run');
    await start.click();
    const status = trainPanel().getByRole('status', { name: 'Training status' });
    await expect.poll(() => status.getAttribute('data-phase'), { timeout: SLOW_MS, interval: 100 }).toBe('running');
    await expectNoViolations('Train during a run');
    await waitForTrainingPhase(status, 'finished', SLOW_MS);
    await openTrainTab(page, 'Results');
    const evaluation = page.getByRole('region', { name: 'Where the network goes wrong' });
    await evaluation.getByText(/^Accuracy: \d+\.\d{2}%$/).waitFor({ timeout: 60_000 });
    await evaluation.getByRole('button', { name: /^true airplane, predicted airplane: / }).click();
    await evaluation.getByRole('region', { name: 'Images of the chosen square' }).waitFor();
    for (const table of await page.getByRole('button', { name: 'Data table' }).all()) await table.click();
    await expectNoViolations('Train after a run: charts with their tables, the matrix, a square');
    await openTrainTab(page, 'Inside the network');
    await expect
      .poll(() => page.getByRole('region', { name: 'Inside the network' }).getByRole('status', { name: 'Network internals status' }).textContent(), { timeout: 60_000 })
      .toBe('What your network after epoch 2 makes of this picture.');
    await expectNoViolations('Train after a run: the insides');

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Classify' }).click();
    await classify().getByRole('button', { name: /^Classify test image \d+, an? airplane$/ }).first().click();
    await expect.poll(() => classify().getByRole('article').first().getAttribute('data-status'), { timeout: SLOW_MS }).toBe('done');
    const files = classify().locator('input[type=file]').first();
    await files.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    await expect.poll(() => classify().getByRole('article', { name: 'notes.txt' }).getAttribute('data-status'), { timeout: SLOW_MS }).toBe('failed');
    const library = page.getByRole('region', { name: 'Model library' });
    await library.getByRole('textbox', { name: 'Save the answering model as' }).fill('my run');
    await library.getByRole('button', { name: 'Save', exact: true }).click();
    await library.getByRole('list', { name: 'Saved models' }).waitFor({ timeout: 60_000 });
    await library.getByRole('button', { name: 'Save', exact: true }).click();
    await library.getByRole('alert').waitFor();
    await expectNoViolations('Classify with an answer, an error card, the library with a model and a refused name');
  }, 900_000);
});
