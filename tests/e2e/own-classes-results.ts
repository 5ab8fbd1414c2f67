import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openTrainTab } from './train-page';

const LONG_MS = 60_000;

/**
 * Results and Inside the network for the run just trained on `classes`: the confusion matrix is
 * N × N with the run's class names and adds up to its held-out pictures, a square shows those pictures,
 * and one of them opens Inside the network, whose softmax bars and "Why this class?" picker name the
 * same classes.
 */
export async function checkOwnResults(page: Page, classes: readonly string[]): Promise<void> {
  await openTrainTab(page, 'Results');
  const evaluation = page.getByRole('region', { name: 'Where the network goes wrong' });
  const cellName = /^true (.+), predicted (.+): (\d+) images?$/;
  const cells = evaluation.getByRole('button', { name: cellName });
  await expect.poll(() => cells.count(), { timeout: LONG_MS }).toBe(classes.length ** 2);
  const parsed = (await cells.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''))).map((name) => cellName.exec(name) ?? []);
  expect(new Set(parsed.map((match) => match[1]))).toEqual(new Set(classes));
  expect(new Set(parsed.map((match) => match[2]))).toEqual(new Set(classes));
  const total = parsed.reduce((sum, match) => sum + Number(match[3]), 0);
  expect(await evaluation.textContent()).toContain(`on ${total} held-out pictures of your own`);
  // The fullest right-answer square of the first class, and its held-out pictures.
  const diagonal = `true ${classes[0]}, predicted ${classes[0]}`;
  const square = evaluation.getByRole('button', { name: new RegExp(`^${diagonal}: \\d+ images?$`) });
  await square.click();
  const shown = evaluation.getByRole('region', { name: 'Images of the chosen square' });
  const thumbnails = shown.getByRole('button', { name: /^Held-out picture \d+: look inside the network$/ });
  await expect.poll(() => thumbnails.count(), { timeout: LONG_MS }).toBeGreaterThan(0);
  await thumbnails.first().click();
  expect(await page.getByRole('tab', { name: 'Inside the network' }).getAttribute('aria-selected')).toBe('true');
  const inside = page.getByRole('region', { name: 'Inside the network' });
  const softmax = inside.getByRole('region', { name: 'Softmax output' });
  await expect.poll(() => softmax.getByRole('row').count(), { timeout: LONG_MS }).toBe(classes.length + 1);
  const rows = await softmax.getByRole('row').allTextContents();
  for (const name of classes) expect(rows.some((row) => row.startsWith(name))).toBe(true);
  await inside.getByRole('button', { name: 'Why this class?' }).click();
  const picker = inside.getByRole('combobox', { name: 'Explain the class' });
  const options = (await picker.locator('option').allTextContents()).map((text) => text.replace(/ \(\d+\.\d %\)$/, ''));
  expect(new Set(options)).toEqual(new Set(classes));
  await inside.getByRole('button', { name: 'Why this class?' }).click();
}
