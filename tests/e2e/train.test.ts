import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { appSessionPerTest } from './session-checks';
import { fillRunSettings } from './run-settings';
import { waitForTrainingPhase } from './training-phase';
import { openTrainTab } from './train-page';

const baseUrl = inject('baseUrl');
const session = appSessionPerTest(baseUrl);

/** Generous: SwiftShader trains the tutorial's model at a few images a second, its first step ~40 s. */
const SLOW_MS = 600_000;

function panel(page: Page) {
  return page.getByRole('region', { name: 'Train the network' });
}

function button(page: Page, name: string) {
  return panel(page).getByRole('group', { name: 'Training controls' }).getByRole('button', { name, exact: true });
}

async function waitForPhase(page: Page, expected: string): Promise<void> {
  await waitForTrainingPhase(panel(page).getByRole('status', { name: 'Training status' }), expected, SLOW_MS);
}

/** Updates made so far, read from the two progress bars (epochs done × batches per epoch + batches). */
async function stepsDone(page: Page): Promise<number> {
  const epochs = panel(page).getByRole('progressbar', { name: 'Epochs completed' });
  const batches = panel(page).getByRole('progressbar', { name: 'Batches completed in this epoch' });
  const epochValue = Number(await epochs.getAttribute('value'));
  const batchValue = Number(await batches.getAttribute('value'));
  const perEpoch = Number(await batches.getAttribute('max'));
  return epochValue >= Number(await epochs.getAttribute('max')) ? epochValue * perEpoch : epochValue * perEpoch + batchValue;
}

/** The per-epoch table's body rows as text cells. */
async function epochRows(page: Page): Promise<string[][]> {
  await openTrainTab(page, 'Results');
  const rows = panel(page).getByRole('table', { name: 'Results per epoch' }).getByRole('row');
  const all = await rows.evaluateAll((elements) => elements.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
  return all.slice(1).filter((cells) => cells.length === 7);
}

/** Open Train with `backend` asked for by name, and wait until the worker really runs on it. */
async function openTrainOn(page: Page, backend: 'webgl' | 'wasm'): Promise<void> {
  // Asked for by name: without the query the engine would measure and pick wasm on this machine.
  await page.goto(`${baseUrl}?backend=${backend}#/train`);
  const badge = page.getByRole('status', { name: 'Compute backend' });
  await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 120_000 }).toBe(backend);
  expect(await badge.getAttribute('data-host')).toBe('worker');
}

/**
 * Adam moves the loss clearly within a few steps; with the tutorial's SGD (lr 0.01) eight steps barely
 * move it, and "the loss goes down" became a coin toss on dropout's random masks.
 */
async function useAdam(page: Page): Promise<void> {
  await panel(page).getByLabel('Optimizer (optimizer)').selectOption('adam');
  await panel(page).getByLabel('Learning rate (learning_rate)').fill('0.002');
}

describe('training in the browser', () => {
  test('trains 2 epochs on webgl in the worker: loss goes down; pause, step, resume, stop; the runs survive a reload', async () => {
    const { page } = session;
    await openTrainOn(page, 'webgl');

    // A small run: SwiftShader is slow. 128 training images in batches of 32: 4 steps per epoch.
    await fillRunSettings(panel(page), { trainImages: '128', validationImages: '64', batchSize: '32', epochs: '2' });
    // Inline validation: a bad value is named under its input and Start refuses it.
    await panel(page).getByRole('spinbutton', { name: 'Epochs (epochs)' }).fill('0');
    // Exact: Start's reason under the controls quotes the same message.
    await expect.poll(() => panel(page).getByText('Epochs must be ≥ 1, got 0', { exact: true }).isVisible()).toBe(true);
    expect(await panel(page).getByRole('spinbutton', { name: 'Epochs (epochs)' }).getAttribute('aria-invalid')).toBe('true');
    expect(await button(page, 'Start').isDisabled()).toBe(true);
    await panel(page).getByRole('spinbutton', { name: 'Epochs (epochs)' }).fill('2');
    await useAdam(page);

    // Start is enabled once CIFAR-10 is loaded and verified in the engine.
    await expect.poll(() => button(page, 'Start').isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await button(page, 'Start').click();
    await waitForPhase(page, 'running');
    expect(await panel(page).getByRole('status', { name: 'Training status' }).textContent()).toBe('Training on webgl');
    await expect.poll(() => stepsDone(page), { timeout: SLOW_MS, interval: 500 }).toBeGreaterThanOrEqual(1);

    // Pause: the batch in flight finishes, then nothing more trains.
    await button(page, 'Pause').click();
    await waitForPhase(page, 'paused');
    const pausedAt = await stepsDone(page);
    expect(pausedAt).toBeLessThan(8);

    // Step one batch: exactly one more update, then paused again.
    await button(page, 'Step one batch').click();
    await expect.poll(() => stepsDone(page), { timeout: SLOW_MS, interval: 500 }).toBe(pausedAt + 1);
    await waitForPhase(page, 'paused');
    expect(await stepsDone(page)).toBe(pausedAt + 1);

    // Resume to the end of the 2 epochs.
    await button(page, 'Resume').click();
    await waitForPhase(page, 'finished');
    const rows = await epochRows(page);
    expect(rows).toHaveLength(2);
    const trainingLoss = rows.map((cells) => Number(cells[1]));
    expect(trainingLoss.every(Number.isFinite)).toBe(true);
    expect(trainingLoss[1]).toBeLessThan(trainingLoss[0] ?? 0);
    await openTrainTab(page, 'Runs');
    expect(await panel(page).getByText(/^Accuracy: \d+\.\d{2}%$/).isVisible()).toBe(true);
    const runs = page.getByRole('region', { name: 'Runs in this browser' });
    const firstRun = runs.getByRole('row', { name: /^Compare Run 1 ·/ });
    await expect.poll(() => firstRun.locator('td').allTextContents().then((cells) => cells.slice(1, 5))).toEqual(['Finished', '2 of 2', expect.stringMatching(/^\d+\.\d{2} %$/), expect.stringMatching(/ s$/)]);
    expect((await firstRun.locator('td').allTextContents())[5]).toBe('webgl');

    // A second run, stopped while it trains.
    await button(page, 'Start').click();
    await waitForPhase(page, 'running');
    expect(await epochRows(page)).toEqual([]);
    await button(page, 'Stop').click();
    await waitForPhase(page, 'stopped');
    expect(await button(page, 'Pause').isDisabled()).toBe(true);

    // After a reload both runs are still listed; the first opens with its whole history.
    await page.reload();
    await openTrainTab(page, 'Runs');
    await expect.poll(() => runs.getByRole('row', { name: /^Compare Run 2 ·/ }).locator('td').nth(1).textContent(), { timeout: 120_000 }).toBe('Stopped');
    const open = runs.getByRole('button', { name: /^Open Run 1 ·/ });
    await expect.poll(() => open.isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await open.click();
    await waitForPhase(page, 'finished');
    expect((await epochRows(page)).map((cells) => Number(cells[1]))).toEqual(trainingLoss);
  }, 1_800_000);

  test('trains 2 epochs on wasm in the worker on 1 000 images: loss goes down, the badge says wasm', async () => {
    const { page } = session;
    await openTrainOn(page, 'wasm');

    // Ten times the webgl run's images: wasm trains at ~150 images/s here, SwiftShader at ~3.
    await fillRunSettings(panel(page), { trainImages: '1000', validationImages: '256', batchSize: '50', epochs: '2' });
    await useAdam(page);
    await expect.poll(() => button(page, 'Start').isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await button(page, 'Start').click();
    await waitForPhase(page, 'running');
    expect(await panel(page).getByRole('status', { name: 'Training status' }).textContent()).toBe('Training on wasm');
    await waitForPhase(page, 'finished');
    const rows = await epochRows(page);
    expect(rows).toHaveLength(2);
    const trainingLoss = rows.map((cells) => Number(cells[1]));
    expect(trainingLoss.every(Number.isFinite)).toBe(true);
    expect(trainingLoss[1]).toBeLessThan(trainingLoss[0] ?? 0);
    expect(await stepsDone(page)).toBe(2 * 20);
  }, 900_000);
});
