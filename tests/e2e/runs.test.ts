import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { appSessionPerTest } from './session-checks';
import { fillRunSettings } from './run-settings';
import { waitForTrainingPhase } from './training-phase';
import { openTrainTab } from './train-page';

const baseUrl = inject('baseUrl');
const session = appSessionPerTest(baseUrl);
const SLOW_MS = 600_000;

const panel = (page: Page) => page.getByRole('region', { name: 'Train the network' });
const runsPanel = (page: Page) => page.getByRole('region', { name: 'Runs in this browser' });
const architecture = (page: Page) => page.getByRole('region', { name: 'Network architecture' });
const control = (page: Page, name: string) => panel(page).getByRole('group', { name: 'Training controls' }).getByRole('button', { name, exact: true });
const runRow = (page: Page, number: number) => runsPanel(page).getByRole('row', { name: new RegExp(`^Compare Run ${number} ·`) });
const settingsForm = (page: Page) => panel(page).getByRole('form', { name: 'Training settings' });
const phase = (page: Page) => panel(page).getByRole('status', { name: 'Training status' }).getAttribute('data-phase');

/** The cells of a run's row: compare, name, status, epochs, best accuracy, time, backend, size, actions. */
async function rowCells(page: Page, number: number): Promise<string[]> {
  return runRow(page, number).locator('th, td').allTextContents();
}

/** Open Train on wasm (asked for by name) and wait until the engine runs there and the data set is in. */
async function openTrain(page: Page): Promise<void> {
  await page.goto(`${baseUrl}?backend=wasm#/train`);
  const badge = page.getByRole('status', { name: 'Compute backend' });
  await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 120_000 }).toBe('wasm');
  await expect.poll(() => control(page, 'Start').isEnabled(), { timeout: SLOW_MS }).toBe(true);
}

async function useAdam(page: Page, learningRate: string): Promise<void> {
  await panel(page).getByLabel('Optimizer (optimizer)').selectOption('adam');
  await panel(page).getByLabel('Learning rate (learning_rate)').fill(learningRate);
}

/** Saved runs and their checkpoints, counted in the page's own IndexedDB. */
async function storedRuns(page: Page): Promise<{ runs: number; checkpoints: number }> {
  return page.evaluate(
    () =>
      new Promise<{ runs: number; checkpoints: number }>((resolve, reject) => {
        const opening = indexedDB.open('cnn-playground-runs');
        opening.onerror = () => reject(new Error('cannot open the runs database'));
        opening.onsuccess = () => {
          const db = opening.result;
          const transaction = db.transaction(['runs', 'checkpoints']);
          const runs = transaction.objectStore('runs').count();
          const checkpoints = transaction.objectStore('checkpoints').count();
          transaction.oncomplete = () => {
            db.close();
            resolve({ runs: runs.result, checkpoints: checkpoints.result });
          };
        };
      }),
  );
}

describe('runs: saved, queued, compared, deleted', () => {
  test('three queued runs with different learning rates: a reload in the second goes on from its last epoch; all three compared; one deleted frees its storage', async () => {
    const { page } = session;
    await openTrain(page);
    await fillRunSettings(panel(page), { trainImages: '512', validationImages: '64', batchSize: '64', epochs: '4' });
    for (const learningRate of ['0.005', '0.002', '0.001']) {
      await openTrainTab(page, 'Network and settings');
      await useAdam(page, learningRate);
      await openTrainTab(page, 'Runs');
      await runsPanel(page).getByRole('button', { name: 'Add to queue' }).click();
      await expect.poll(() => runsPanel(page).getByRole('row', { name: new RegExp(`Adam lr ${learningRate},`) }).count()).toBe(1);
    }
    expect(await rowCells(page, 2).then((cells) => cells.slice(1, 4))).toEqual(['Run 2 · Adam lr 0.002, batch 64', 'Queued', '0 of 4']);
    await runsPanel(page).getByRole('button', { name: 'Train the queue (3 waiting)' }).click();

    // The second run has saved its first epoch: reload in the middle of it.
    await expect.poll(async () => (await rowCells(page, 2))[3], { timeout: SLOW_MS, interval: 200 }).toBe('1 of 4');
    expect((await rowCells(page, 1))[2]).toBe('Finished');
    await openTrainTab(page, 'Results');
    const firstEpochLoss = await panel(page).getByRole('table', { name: 'Results per epoch' }).getByRole('row').nth(1).locator('td').nth(0).textContent();
    await page.reload();
    await openTrainTab(page, 'Runs');

    // The queue goes on by itself: the second run from its saved epoch (its history first), then the third.
    await expect.poll(async () => (await rowCells(page, 3))[2], { timeout: SLOW_MS, interval: 500 }).toBe('Finished');
    const second = await rowCells(page, 2);
    expect(second.slice(2, 4)).toEqual(['Finished', '4 of 4']);

    // All three on shared axes, each named in the legend.
    for (const number of [1, 2, 3]) await runRow(page, number).getByRole('checkbox').check();
    expect(await runsPanel(page).getByRole('heading', { name: '3 runs compared' }).isVisible()).toBe(true);
    const accuracyChart = runsPanel(page).getByRole('img', { name: /^Accuracy per epoch, runs compared\./ });
    const label = (await accuracyChart.getAttribute('aria-label')) ?? '';
    for (const name of ['Run 1 · Adam lr 0.005, batch 64', 'Run 2 · Adam lr 0.002, batch 64', 'Run 3 · Adam lr 0.001, batch 64']) {
      expect(label).toContain(`${name} `);
      expect(await runsPanel(page).locator('.u-legend').getByText(`${name} · validation`).first().isVisible()).toBe(true);
    }
    // The second run went on, not over: its first epoch is the one trained before the reload.
    await runsPanel(page).getByText('Data table', { exact: true }).first().click();
    const lossTable = runsPanel(page).getByRole('table', { name: /^Loss per epoch, runs compared/ });
    const run2Epoch1 = lossTable.getByRole('row', { name: /^Run 2 · Adam lr 0\.002, batch 64 1 / });
    expect(await run2Epoch1.locator('td').nth(1).textContent()).toBe(firstEpochLoss);

    // Delete the first run: gone from the list and from storage, with the bytes freed said.
    expect(await storedRuns(page)).toEqual({ runs: 3, checkpoints: 3 });
    await runsPanel(page).getByRole('button', { name: 'Delete Run 1 · Adam lr 0.005, batch 64' }).click();
    await expect.poll(() => runRow(page, 1).count()).toBe(0);
    expect(await runsPanel(page).getByRole('status').textContent()).toMatch(/^Deleted 1 run: \d+(\.\d)? MB of this browser's storage freed\.$/);
    expect(await storedRuns(page)).toEqual({ runs: 2, checkpoints: 2 });
  }, 1_200_000);

  test('resume after a reload trains the saved run with its own settings and network for its own epochs; Start then makes a new run beside it', async () => {
    const { page } = session;
    await openTrain(page);
    await fillRunSettings(panel(page), { trainImages: '512', validationImages: '64', batchSize: '32', epochs: '3' });
    await useAdam(page, '0.002');
    await architecture(page).getByRole('group', { name: /^Layer 6: Dense\b/ }).getByLabel('Units (units)').fill('64');
    await control(page, 'Start').click();
    await openTrainTab(page, 'Runs');
    await expect.poll(async () => (await rowCells(page, 1))[3], { timeout: SLOW_MS, interval: 200 }).toBe('1 of 3');
    await page.reload();

    // A reload keeps the lab on screen: it is in the address.
    await expect.poll(() => control(page, 'Start').isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await openTrainTab(page, 'Network and settings');
    expect(await settingsForm(page).getByLabel('Batch size').inputValue()).toBe('32');
    // Opened afresh (the address without the lab), the page has the tutorial's defaults; the saved run is offered.
    await openTrain(page);
    await openTrainTab(page, 'Network and settings');
    expect(await settingsForm(page).getByLabel('Batch size').inputValue()).toBe('512');
    const offer = panel(page).getByText(/^Saved in this browser: “Run 1 · Adam lr 0\.002, batch 32” after epoch [12] of 3/);
    expect(await offer.isVisible()).toBe(true);
    await panel(page).getByRole('button', { name: 'Resume from checkpoint' }).click();

    // The form and the network now show the saved run's own, and it trains to its own 3 epochs.
    await expect.poll(() => settingsForm(page).getByLabel('Batch size').inputValue()).toBe('32');
    expect(await settingsForm(page).getByLabel('Epochs').inputValue()).toBe('3');
    expect(await panel(page).getByLabel('Optimizer (optimizer)').inputValue()).toBe('adam');
    expect(await panel(page).getByLabel('Learning rate (learning_rate)').inputValue()).toBe('0.002');
    expect(await settingsForm(page).getByLabel('Training images').inputValue()).toBe('512');
    expect(await architecture(page).getByRole('group', { name: /^Layer 6: Dense\b/ }).getByLabel('Units (units)').inputValue()).toBe('64');
    await waitForTrainingPhase(panel(page).getByRole('status', { name: 'Training status' }), 'finished', SLOW_MS);
    await openTrainTab(page, 'Results');
    expect(await panel(page).getByRole('table', { name: 'Results per epoch' }).getByRole('row').count()).toBe(4);
    await openTrainTab(page, 'Runs');
    expect((await rowCells(page, 1)).slice(2, 4)).toEqual(['Finished', '3 of 3']);

    // Start after a finished run: a new run beside it, both listed.
    await control(page, 'Start').click();
    await expect.poll(() => runRow(page, 2).count()).toBe(1);
    expect((await rowCells(page, 1)).slice(2, 4)).toEqual(['Finished', '3 of 3']);
    await control(page, 'Stop').click();
    await waitForTrainingPhase(panel(page).getByRole('status', { name: 'Training status' }), 'stopped', SLOW_MS);
  }, 1_200_000);

  test('a second tab cannot start a run while the first trains: it says so, lets you watch, and takes over only when asked', async () => {
    const { page } = session;
    await openTrain(page);
    await fillRunSettings(panel(page), { trainImages: '5000', validationImages: '64', batchSize: '32', epochs: '20' });
    await control(page, 'Start').click();
    await expect.poll(() => phase(page), { timeout: SLOW_MS }).toBe('running');

    // The second tab shares the browser profile (and its IndexedDB and locks).
    const other = await session.context.newPage();
    await openTrain(other);
    await openTrainTab(other, 'Runs');
    await expect.poll(async () => (await rowCells(other, 1))[2], { timeout: 60_000 }).toBe('Training');
    await control(other, 'Start').click();
    const alert = panel(other).getByRole('alert').filter({ hasText: 'Training is running in another tab of this browser.' });
    await expect.poll(() => alert.isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await phase(other)).toBe('idle');
    expect(await runRow(other, 2).count()).toBe(0);
    expect(await phase(page)).toBe('running');

    // Watch: the first tab's run goes on, and the second tab's list follows its epochs.
    await panel(other).getByRole('button', { name: 'Watch it in the run list' }).click();
    expect(await alert.count()).toBe(0);

    // Take over: the first tab's run stops after its batch in flight, and this tab trains.
    await control(other, 'Start').click();
    await expect.poll(() => alert.isVisible(), { timeout: 60_000 }).toBe(true);
    await panel(other).getByRole('button', { name: 'Take over training here' }).click();
    await expect.poll(() => phase(page), { timeout: SLOW_MS }).toBe('stopped');
    expect(await panel(page).getByText(/Another tab of this browser took over training/).isVisible()).toBe(true);
    await expect.poll(() => phase(other), { timeout: SLOW_MS }).toBe('running');
    await control(other, 'Stop').click();
    await expect.poll(() => phase(other), { timeout: SLOW_MS }).toBe('stopped');
    await other.close();
  }, 1_200_000);
});

