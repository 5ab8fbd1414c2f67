import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { appSessionPerTest } from './session-checks';
import { control, openTrainTab } from './train-page';

const baseUrl = inject('baseUrl');
const session = appSessionPerTest(baseUrl);

/** Loading 184 MB into a fresh profile and four tiny runs on wasm take seconds; the margin is for a busy machine. */
const SLOW_MS = 300_000;

const lab = (page: Page) => page.getByRole('region', { name: 'Overfitting lab' });
const sweeps = (page: Page) => page.getByRole('region', { name: 'Sweeps' });
const runsPanel = (page: Page) => page.getByRole('region', { name: 'Runs in this browser' });

/** Training images, validation images and epochs of an experiment's form. */
async function sizes(form: ReturnType<Page['getByRole']>, trainImages: string, validationImages: string, epochs: string): Promise<void> {
  await form.getByLabel('Training images').selectOption(trainImages);
  await form.getByLabel('Validation images').selectOption(validationImages);
  await form.getByLabel('Epochs').fill(epochs);
}

/** The backend column of the run list's row for `name`. */
async function runBackend(page: Page, name: string): Promise<string | null> {
  await openTrainTab(page, 'Runs');
  return runsPanel(page).getByRole('row', { name: new RegExp(`^Compare ${name.replace(/[+.]/g, '\\$&')} `) }).locator('th, td').nth(6).textContent();
}

describe('experiments: the overfitting lab and a sweep, through the run queue', () => {
  test('the lab trains a plain and a regularised run and draws both with the gap in words; a sweep of two filter counts fills its table and chart', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    const badge = page.getByRole('status', { name: 'Compute backend' });
    await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 120_000 }).toBe('wasm');
    await expect.poll(() => control(page, 'Start').isEnabled(), { timeout: SLOW_MS }).toBe(true);

    // The lab (a Train tab, open with it): a tiny subset and two epochs, dropout + augmentation (the preset's choice).
    await openTrainTab(page, 'Overfitting lab');
    const labForm = lab(page).getByRole('form', { name: 'Overfitting lab settings' });
    expect(await labForm.getByRole('checkbox', { name: 'dropout', exact: true }).isChecked()).toBe(true);
    expect(await labForm.getByRole('checkbox', { name: 'augmentation', exact: true }).isChecked()).toBe(true);
    expect(await labForm.getByRole('checkbox', { name: 'weight decay', exact: true }).isChecked()).toBe(false);
    await sizes(labForm, '128', '64', '2');
    await labForm.getByRole('button', { name: /^Start the lab/ }).click();

    const runLines = lab(page).getByRole('list', { name: 'Lab 1: its runs' });
    await expect.poll(() => runLines.getByRole('listitem').allTextContents(), { timeout: SLOW_MS, interval: 500 }).toEqual([
      'Lab 1 · plain: Finished, 2 of 2 epochs.',
      'Lab 1 · dropout + augmentation: Finished, 2 of 2 epochs.',
    ]);
    expect(await runBackend(page, 'Lab 1 · plain')).toBe('wasm');
    expect(await runBackend(page, 'Lab 1 · dropout + augmentation')).toBe('wasm');
    // Back to the lab's tab.
    await openTrainTab(page, 'Overfitting lab');

    // Both runs' curves, on shared axes: named in the chart's label and legend, and in its data table.
    const accuracy = lab(page).getByRole('img', { name: /^Accuracy per epoch, runs compared\./ });
    const label = (await accuracy.getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/Lab 1 · plain \d+\.\d % \(2 epochs\), Lab 1 · dropout \+ augmentation \d+\.\d % \(2 epochs\)/);
    for (const name of ['Lab 1 · plain', 'Lab 1 · dropout + augmentation']) {
      expect(await lab(page).locator('.u-legend').getByText(`${name} · training`).first().isVisible()).toBe(true);
      expect(await lab(page).locator('.u-legend').getByText(`${name} · validation`).first().isVisible()).toBe(true);
    }
    await lab(page).getByRole('figure', { name: 'Accuracy per epoch, runs compared' }).getByText('Data table', { exact: true }).click();
    const table = lab(page).getByRole('table', { name: /^Accuracy per epoch, runs compared/ });
    expect(await table.getByRole('row').count()).toBe(1 + 2 * 2);

    // The gap in words, for each run.
    const gap = await lab(page).getByRole('list', { name: 'The gap between training and validation accuracy' }).getByRole('listitem').allTextContents();
    expect(gap[0]).toMatch(/^Plain, after epoch 2: \d+ % right on its training pictures, \d+ % on test pictures — a gap of -?\d+ points?\.$/);
    expect(gap[1]).toMatch(/^Dropout \+ augmentation, after epoch 2: \d+ % right on its training pictures, \d+ % on test pictures — a gap of -?\d+ points?\.$/);
    expect(gap[3]).toMatch(/^Dropout \+ augmentation (closes|widens) the gap by \d+ points? and (raises|lowers) validation accuracy by \d+\.\d points at the same epoch \(2\)\.$/);

    // A sweep of two filter counts from the Quick demo network, one epoch each.
    await openTrainTab(page, 'Sweeps');
    const sweepForm = sweeps(page).getByRole('form', { name: 'Sweep settings' });
    await sweepForm.getByLabel('Vary').selectOption('filters');
    expect(await sweepForm.getByLabel('Values').inputValue()).toBe('8, 16, 32, 64');
    await sweepForm.getByLabel('Values').fill('4, 8');
    await sizes(sweepForm, '128', '64', '1');
    await sweepForm.getByRole('button', { name: 'Start the sweep' }).click();

    const results = sweeps(page).getByRole('table', { name: 'Sweep 1 results: number of filters (filters)' });
    const cells = (value: string) => results.getByRole('row', { name: new RegExp(`^${value} `) }).locator('td').allTextContents();
    await expect.poll(async () => (await cells('8'))[0], { timeout: SLOW_MS, interval: 500 }).toBe('Finished');
    expect((await cells('4'))[0]).toBe('Finished');
    // 4 masks: 4·28 + (36 + 1)·4 + (8·8·4 + 1)·64 + 65·10 = 17 358; 8 masks: 8·28 + (72 + 1)·8 + (8·8·8 + 1)·64 + 650 = 34 290.
    expect((await cells('4')).slice(1, 2)).toEqual(['17 358']);
    expect((await cells('8')).slice(1, 2)).toEqual(['34 290']);
    for (const value of ['4', '8']) {
      const [, , best, time, speed] = await cells(value);
      expect(best).toMatch(/^\d+\.\d % \(1\)$/);
      expect(time).toMatch(/^\d+ s$/);
      expect(Number(speed)).toBeGreaterThan(0);
    }
    const sweepChart = sweeps(page).getByRole('img', { name: /^Accuracy per epoch, runs compared\./ });
    expect(await sweepChart.getAttribute('aria-label')).toMatch(/Sweep 1 · filters 4 \d+\.\d % \(1 epoch\), Sweep 1 · filters 8 \d+\.\d % \(1 epoch\)/);

    // The table as CSV.
    const download = page.waitForEvent('download');
    await sweeps(page).getByRole('button', { name: 'Download CSV of sweep 1' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('sweep-1-filters.csv');
    const csv = readFileSync(await file.path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe('filters,params,best_val_accuracy,best_epoch,seconds,images_per_second');
    expect(csv[1]).toMatch(/^4,17358,0\.\d+,1,[\d.]+,[\d.]+$/);
    expect(csv[2]).toMatch(/^8,34290,0\.\d+,1,[\d.]+,[\d.]+$/);

    // Both come back after a reload, from the saved runs.
    await page.reload();
    await openTrainTab(page, 'Overfitting lab');
    await expect.poll(() => lab(page).getByRole('list', { name: 'The gap between training and validation accuracy' }).getByRole('listitem').count(), { timeout: 60_000 }).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
    await openTrainTab(page, 'Sweeps');
    expect(await results.getByRole('row').count()).toBe(3);
    // Both panels open, with their results: nothing axe-core objects to.
    expect(await axeViolations(page)).toEqual([]);
  }, 600_000);
});
