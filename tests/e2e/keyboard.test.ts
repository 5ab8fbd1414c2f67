import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { appSessionPerTest } from './session-checks';

const baseUrl = inject('baseUrl');
let page: Page;
appSessionPerTest(baseUrl, (opened) => {
  page = opened.page;
});

const SLOW_MS = 300_000;

/** True when `target` has keyboard focus. */
function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/** The focused element's accessible name as the app gives it (aria-label, else its text). */
function focusedName(): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
  });
}

/** Press Tab (or Shift+Tab) until `target` has focus, failing after `limit` presses: how a keyboard user gets there. */
async function tabTo(target: Locator, limit = 150, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press(key);
    if (await isFocused(target)) return presses;
  }
  throw new Error(`${limit} presses of Tab never reached ${target.toString()}`);
}

/** Each grid's box, to prove that nothing moves when an entry is refused. */
async function boxes(...grids: Locator[]): Promise<string> {
  const all = await Promise.all(grids.map((grid) => grid.boundingBox()));
  return JSON.stringify(all.map((box) => box && [Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)]));
}

describe('keyboard only', () => {
  test('a lesson: skip link, one Tab stop per grid, arrows between cells, a refused entry said in place without moving anything, Escape', async () => {
    await page.goto(`${baseUrl}?backend=wasm#/learn/convolution`);
    await page.getByRole('heading', { level: 3 }).waitFor();
    // The first Tab reaches the skip link; it takes focus straight to the lesson's stage.
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Skip to the lesson');
    await page.keyboard.press('Enter');
    const stage = page.getByRole('group', { name: /^Convolution, step 1 of 16\./ });
    expect(await isFocused(stage)).toBe(true);
    // From the stage, three Tabs reach the link after it: the input grid, the mask grid, the link (every cell was a stop before: 46).
    expect(await tabTo(page.getByRole('link', { name: 'Link to this step' }))).toBe(3);
    await stage.focus();
    // The stage takes the arrows: two steps on.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('group', { name: /^Convolution, step 3 of 16\./ }).waitFor();

    // The input grid is one Tab stop; inside it the arrows move and typing replaces the number.
    const input = page.getByRole('grid', { name: /^Input/ });
    const mask = page.getByRole('grid', { name: /^Mask/ });
    const output = page.getByRole('table', { name: /^Output/ });
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Input row 1, column 1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await focusedName()).toBe('Input row 2, column 2');
    const before = await boxes(input, mask, output);
    const sumBefore = await page.getByRole('region', { name: 'Written sum' }).textContent();
    await page.keyboard.type('abc');
    const cell = page.getByRole('textbox', { name: 'Input row 2, column 2' });
    expect(await cell.inputValue()).toBe('abc');
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    // Said right there, tied to the cell, and the page did not move; the lesson keeps its last good numbers.
    const message = page.getByRole('alert');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/^input row 2, column 2: /);
    expect(await cell.getAttribute('aria-describedby')).toBe(await message.getAttribute('id'));
    expect(await boxes(input, mask, output)).toBe(before);
    expect(await page.getByRole('region', { name: 'Written sum' }).textContent()).toBe(sumBefore);
    // Escape puts back the last accepted number.
    await page.keyboard.press('Escape');
    await expect.poll(() => cell.inputValue()).toBe('6');
    expect(await message.count()).toBe(0);
    // Reached by the keyboard, a cell's number is selected: typing replaces it.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('9');
    expect(await page.getByRole('textbox', { name: 'Input row 2, column 3' }).inputValue()).toBe('9');
    expect(await page.getByRole('region', { name: 'Written sum' }).textContent()).not.toBe(sumBefore);

    // One Tab leaves the whole input grid for the mask grid.
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Mask row 1, column 1');

    // A cell the lesson works out (the padding) says why it cannot be typed in.
    await page.goto(`${baseUrl}?backend=wasm#/learn/padding/1`);
    await page.getByRole('heading', { level: 3, name: /Padding/ }).waitFor();
    await page.getByRole('textbox', { name: 'Input row 1, column 1' }).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('5');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Padding cells are always 0: the border is added around the input, not typed.');
  });

  test('starts and pauses a training run, then classifies a sample test image, without a mouse (1280 × 720)', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${baseUrl}?backend=wasm#/learn`);
    await page.getByRole('heading', { level: 2, name: 'Learn' }).waitFor();
    await tabTo(page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Train' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Train' }).waitFor();
    const badge = page.getByRole('status', { name: 'Compute backend' });
    await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 120_000 }).toBe('wasm');
    // CIFAR-10 loaded first: its loading line leaving the dashboard would move the page under the check below.
    const startFirst = page.getByRole('group', { name: 'Training controls' }).getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => startFirst.isEnabled(), { timeout: SLOW_MS }).toBe(true);

    // A short run, set from the keyboard: a select takes typed letters, a number box takes typing.
    // 128 pictures, validated on all 10 000: an epoch's validation is long enough to pause in.
    const form = page.getByRole('form', { name: 'Training settings' });
    await tabTo(form.getByLabel('Training images'));
    await page.keyboard.type('12');
    await tabTo(form.getByLabel('Validation images'));
    await page.keyboard.type('a');
    await tabTo(form.getByLabel('Batch size'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('32');
    await tabTo(form.getByLabel('Epochs'));
    // A refused setting says why under its box, and nothing else in the form moves.
    const around = [form.getByLabel('Batch size'), form.getByLabel('Validation images'), page.getByRole('group', { name: 'Training controls' })];
    const before = await boxes(...around);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await form.getByText('Epochs must be ≥ 1, got 0', { exact: true }).waitFor();
    expect(await form.getByLabel('Epochs').getAttribute('aria-invalid')).toBe('true');
    expect(await boxes(...around)).toBe(before);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    expect([await form.getByLabel('Training images').inputValue(), await form.getByLabel('Validation images').inputValue()]).toEqual(['128', 'all']);

    const controls = page.getByRole('group', { name: 'Training controls' });
    const start = controls.getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await tabTo(start);
    await page.keyboard.press('Enter');
    const status = page.getByRole('status', { name: 'Training status' });
    await expect.poll(() => status.getAttribute('data-phase'), { timeout: SLOW_MS, interval: 100 }).toBe('running');
    // Start switched itself off: focus went to Pause, so Enter pauses.
    const pause = controls.getByRole('button', { name: 'Pause', exact: true });
    await expect.poll(() => isFocused(pause)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => status.getAttribute('data-phase'), { timeout: SLOW_MS, interval: 100 }).toBe('paused');
    await expect.poll(() => isFocused(controls.getByRole('button', { name: 'Resume', exact: true }))).toBe(true);

    // To Classify by its link; the data set is loaded, so the samples are there.
    await tabTo(page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Classify' }), 200, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Classify' }).waitFor();
    const samples = page.getByRole('list', { name: 'Sample test images' }).getByRole('button');
    await expect.poll(() => samples.count(), { timeout: SLOW_MS }).toBe(20);
    const sample = samples.nth(3);
    const index = /^Classify test image (\d+), /.exec((await sample.getAttribute('aria-label')) ?? '')?.[1] ?? '';
    await tabTo(sample);
    await page.keyboard.press('Enter');
    const name = `CIFAR-10 test image ${index}`;
    const card = page.getByRole('article', { name, exact: true });
    await expect.poll(() => card.getAttribute('data-status'), { timeout: SLOW_MS }).toBe('done');
    // The answer is on screen (brought into view), and said once in the results' live region.
    await expect.poll(() => card.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight && box.bottom > 0;
    })).toBe(true);
    await expect.poll(() => page.getByRole('status', { name: 'Newest answer' }).textContent()).toMatch(new RegExp(`^${name}: \\w+, \\d+\\.\\d %\\.$`));
  }, 600_000);
});
