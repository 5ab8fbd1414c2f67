import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { appSessionPerTest } from './session-checks';

const baseUrl = inject('baseUrl');
let page: Page;
appSessionPerTest(baseUrl, (opened) => {
  page = opened.page;
});

/** "−22" (the lessons' minus sign), "(−3)", "3.25" → numbers. */
const toNumber = (text: string): number => Number(text.replace(/[()\s]/g, '').replace('−', '-'));

async function openLesson(hash: string): Promise<void> {
  await page.goto(`${baseUrl}${hash}`);
  await page.getByRole('heading', { level: 3 }).waitFor();
}

const scrubber = () => page.getByRole('slider', { name: /^Step \d+ of \d+$/ });
async function stepPosition(): Promise<{ step: number; total: number }> {
  const name = (await page.getByText(/^Step \d+ of \d+$/).first().textContent()) ?? '';
  const [, step, total] = /Step (\d+) of (\d+)/.exec(name) ?? [];
  return { step: Number(step), total: Number(total) };
}

/** The written-out sum of the current step: its products (recomputed here from the factors shown) and its total. */
async function readWrittenSum(name = 'Written sum'): Promise<{ products: number[]; total: number; text: string }> {
  const region = page.getByRole('region', { name });
  const text = (await region.textContent()) ?? '';
  const firstLine = (await region.locator('p').first().textContent()) ?? '';
  const products = [...firstLine.matchAll(/(\(?−?[\d.]+\)?)×(\(?−?[\d.]+\)?)/g)].map((match) => toNumber(match[1] ?? '') * toNumber(match[2] ?? ''));
  const total = toNumber((await region.locator('.sum-total').first().textContent()) ?? '');
  return { products, total, text };
}

async function cellText(tableName: RegExp, row: number, col: number): Promise<string> {
  const cell = page.getByRole('table', { name: tableName }).getByRole('row').nth(row).getByRole('cell').nth(col);
  return (await cell.textContent()) ?? '';
}

/** A PNG file on disk: left half dark, right half bright (a vertical edge). */
function writeEdgePng(width: number, height: number): string {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 4;
      const value = x < width / 2 ? 30 : 220;
      png.data[offset] = value;
      png.data[offset + 1] = value;
      png.data[offset + 2] = value;
      png.data[offset + 3] = 255;
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), 'learn-e2e-')), `edge-${width}x${height}.png`);
  writeFileSync(file, PNG.sync.write(png));
  return file;
}

describe('Learn lessons', () => {
  test('every lesson opens from its link and steps to its end with the buttons and the keys', async () => {
    await page.goto(`${baseUrl}#/learn`);
    const lessons = ['Mask', 'Flipping', 'Convolution', 'Stride', 'Padding', 'Pooling', '1-D', 'Network'];
    const ids = ['mask', 'flipping', 'convolution', 'stride', 'padding', 'pooling', 'conv-1d', 'network'];
    for (const [index, name] of lessons.entries()) {
      await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: new RegExp(`${name}$`) }).click();
      await page.getByRole('heading', { level: 3, name: new RegExp(`^${index + 1}\\.`) }).waitFor();
      expect(new URL(page.url()).hash).toBe(`#/learn/${ids[index]}`);
      const { step, total } = await stepPosition();
      expect(step).toBe(1);
      expect(total).toBeGreaterThan(1);
      expect(await page.getByRole('button', { name: 'Previous step' }).isDisabled()).toBe(true);
      // Half the way with the button, the rest with → while the stage has focus.
      const half = Math.floor(total / 2);
      for (let i = 1; i < half; i += 1) await page.getByRole('button', { name: 'Next step' }).click();
      expect((await stepPosition()).step).toBe(Math.max(1, half));
      await page.getByRole('group', { name: /Space plays or pauses/ }).focus();
      for (let i = Math.max(1, half); i < total; i += 1) await page.keyboard.press('ArrowRight');
      expect(await stepPosition()).toEqual({ step: total, total });
      expect(await page.getByRole('button', { name: 'Next step' }).isDisabled()).toBe(true);
      expect(new URL(page.url()).hash).toBe(`#/learn/${ids[index]}/${total}`);
      await page.keyboard.press('ArrowLeft');
      expect((await stepPosition()).step).toBe(total - 1);
      expect(await scrubber().inputValue()).toBe(String(total - 1));
    }
  });

  test('a link past the last step opens the last step; Back returns to the previous lesson', async () => {
    await openLesson('#/learn/stride/99');
    expect(await stepPosition()).toEqual({ step: 9, total: 9 });
    await expect.poll(() => new URL(page.url()).hash).toBe('#/learn/stride/9');
    await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Padding$/ }).click();
    await page.getByRole('heading', { level: 3, name: /Padding$/ }).waitFor();
    await page.getByRole('button', { name: 'Next step' }).click();
    expect(new URL(page.url()).hash).toBe('#/learn/padding/2');
    await page.goBack();
    await page.getByRole('heading', { level: 3, name: /Stride$/ }).waitFor();
    expect(await stepPosition()).toEqual({ step: 9, total: 9 });
  });

  test('convolution: every written sum adds up to the output cell it fills; Space plays to the end', async () => {
    await openLesson('#/learn/convolution/12');
    expect(await stepPosition()).toEqual({ step: 12, total: 16 });
    await page.getByRole('button', { name: 'Previous step' }).click();
    for (let step = 11; step <= 16; step += 1) {
      expect((await stepPosition()).step).toBe(step);
      const { products, total, text } = await readWrittenSum();
      expect(products).toHaveLength(9);
      expect(products.reduce((a, b) => a + b, 0)).toBe(total);
      // "… goes into output row R, column C": that cell shows the same number.
      const caption = (await page.locator('.lesson-caption').textContent()) ?? '';
      const [, row, col] = /output row (\d+), column (\d+)/.exec(caption) ?? [];
      expect(toNumber(await cellText(/^Output/, Number(row) - 1, Number(col) - 1))).toBe(total);
      expect(text).toContain('=');
      if (step < 16) await page.getByRole('button', { name: 'Next step' }).click();
    }
    // The tutorial's presets; a divisor keeps the arithmetic exact: sum ÷ 9.
    await page.getByRole('button', { name: 'Blur' }).click();
    expect(await page.getByRole('button', { name: 'Blur' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByLabel('Divide the sum by').inputValue()).toBe('9');
    const blurred = await readWrittenSum();
    expect(blurred.text).toMatch(new RegExp(`${blurred.total} ÷ 9 [=≈] `));
    // Space on the stage plays from the start to the end, then the button says Play again.
    await page.getByRole('group', { name: /Space plays or pauses/ }).focus();
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('fast');
    await page.getByRole('group', { name: /Space plays or pauses/ }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await expect.poll(async () => (await stepPosition()).step, { timeout: 30_000 }).toBe(16);
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
  });

  test('convolution: text where a number goes and a zero divisor get inline messages; the lesson stays drawn', async () => {
    await openLesson('#/learn/convolution/3');
    const before = await readWrittenSum();
    await page.getByRole('textbox', { name: 'Input row 1, column 1' }).fill('abc');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('input row 1, column 1: “abc” is not a number: type one like 3 or −1.5');
    expect(await page.getByRole('textbox', { name: 'Input row 1, column 1' }).getAttribute('aria-invalid')).toBe('true');
    expect((await readWrittenSum()).total).toBe(before.total);
    await page.getByRole('textbox', { name: 'Input row 1, column 1' }).fill('5');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await page.getByLabel('Divide the sum by').fill('0');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Divisor cannot be 0: nothing can be divided by 0');
    expect(await page.getByRole('table', { name: /^Output/ }).getByRole('cell').count()).toBe(16);
    // A changed mask cell changes the written sum, and it still adds up.
    await page.getByLabel('Divide the sum by').fill('1');
    await page.getByRole('textbox', { name: 'Mask row 2, column 2' }).fill('10');
    const after = await readWrittenSum();
    expect(after.products.reduce((a, b) => a + b, 0)).toBe(after.total);
    expect(after.total).not.toBe(before.total);
  });

  test('convolution: the same mask on a picture the student drops, scaled to at most 128 px', async () => {
    await openLesson('#/learn/convolution');
    expect(await page.getByText(/^No picture yet/).count()).toBe(1);
    await page.getByLabel(/Use a picture of your own/).setInputFiles(writeEdgePng(300, 150));
    await page.getByRole('img', { name: /^The picture: edge-300x150\.png/ }).waitFor();
    expect(await page.getByText('edge-300x150.png, 128×64').count()).toBe(1);
    // Sobel on a vertical edge: a heat map that is white (0) on flat areas and coloured on the edge.
    const result = page.getByRole('img', { name: /after the mask/ });
    const colours = await result.evaluate((canvas) => {
      const element = canvas as HTMLCanvasElement;
      const data = element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data ?? new Uint8ClampedArray();
      const middle = (Math.floor(element.height / 2) * element.width + Math.floor(element.width / 2)) * 4;
      const flat = (Math.floor(element.height / 2) * element.width + 10) * 4;
      return { size: [element.width, element.height], edge: [data[middle], data[middle + 1], data[middle + 2]], flat: [data[flat], data[flat + 1], data[flat + 2]] };
    });
    // "valid": a 3×3 mask makes the 128×64 picture 126×62.
    expect(colours.size).toEqual([126, 62]);
    expect(colours.flat).toEqual([255, 255, 255]);
    expect(colours.edge).not.toEqual([255, 255, 255]);
    await page.getByLabel(/Use a picture of your own/).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('notes.txt is not a picture this browser can open (try a PNG or JPEG)');
    expect(await page.getByRole('img', { name: /^The picture: edge-300x150\.png/ }).count()).toBe(1);
  });

  test('stride: 1, 2 and 3 on a 5×5 input; stride 0 is explained inline', async () => {
    await openLesson('#/learn/stride');
    expect((await stepPosition()).total).toBe(9);
    await page.getByRole('button', { name: 'Stride 2' }).click();
    expect((await stepPosition()).total).toBe(4);
    expect(await page.getByRole('region', { name: 'Output size' }).textContent()).toContain('Output height = ⌊(5 − 3) / 2⌋ + 1 = ⌊2 / 2⌋ + 1 = 2');
    await page.getByRole('button', { name: 'Stride 3' }).click();
    expect((await stepPosition()).total).toBe(1);
    expect(await page.getByRole('region', { name: 'Output size' }).textContent()).toMatch(/does not land on the last 2 rows and columns/);
    await page.getByRole('combobox', { name: 'Padding' }).selectOption('same');
    expect((await stepPosition()).total).toBe(4);
    await page.getByRole('textbox', { name: 'Stride' }).fill('0');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Stride: 0 is too small: type a whole number from 1 to 6');
    expect(await page.getByRole('textbox', { name: 'Stride' }).getAttribute('aria-invalid')).toBe('true');
    expect((await stepPosition()).total).toBe(4);
    await page.getByRole('textbox', { name: 'Stride' }).fill('1.5');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Stride must be a whole number, got 1.5');
    await page.getByRole('textbox', { name: 'Stride' }).fill('2');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    expect((await stepPosition()).total).toBe(9);
  });

  test('padding: the zero border, the formula filled in, and a mask larger than the padded input', async () => {
    await openLesson('#/learn/padding/1');
    const sizes = (await page.getByRole('region', { name: 'Output size' }).textContent()) ?? '';
    expect(sizes).toContain('Output height = ⌊(4 + 1 + 1 − 3) / 1⌋ + 1 = ⌊3 / 1⌋ + 1 = 4');
    // Step 1 in the corner: 5 of the 9 cells under the mask are padding zeros.
    const first = await readWrittenSum();
    expect(first.text.match(/0×1/g)).toHaveLength(5);
    expect(first.products.reduce((a, b) => a + b, 0)).toBe(first.total);
    await page.getByRole('combobox', { name: 'Mask size' }).selectOption('5');
    expect(await page.getByRole('region', { name: 'Output size' }).textContent()).toContain('Output height = ⌊(4 + 2 + 2 − 5) / 1⌋ + 1 = ⌊3 / 1⌋ + 1 = 4');
    await page.getByRole('combobox', { name: 'Padding' }).selectOption('explicit');
    for (const side of ['Top', 'Bottom', 'Left', 'Right']) await page.getByRole('textbox', { name: side }).fill('0');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('mask 5×5 is larger than the padded input 4×4');
    expect((await stepPosition()).total).toBeGreaterThan(0);
    await page.getByRole('textbox', { name: 'Left' }).fill('1');
    expect(await page.getByRole('alert').first().textContent()).toBe('mask 5×5 is larger than the padded input 4×5');
    await page.getByRole('textbox', { name: 'Top' }).fill('1');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    expect(await stepPosition()).toEqual({ step: 1, total: 1 });
  });

  test('pooling: the winning cell and the working agree with the output, max and average', async () => {
    await openLesson('#/learn/pooling/3');
    expect(await stepPosition()).toEqual({ step: 3, total: 9 });
    const working = (await page.getByRole('region', { name: 'Pooling working' }).textContent()) ?? '';
    const [, listed, result] = /max\(([^)]*)\) = (\d+)/.exec(working) ?? [];
    const values = (listed ?? '').split(', ').map(toNumber);
    expect(values).toHaveLength(4);
    expect(Math.max(...values)).toBe(Number(result));
    expect(toNumber(await cellText(/^Output/, 0, 2))).toBe(Number(result));
    await page.getByRole('combobox', { name: 'Pooling' }).selectOption('avg');
    const average = (await page.getByRole('region', { name: 'Pooling working' }).textContent()) ?? '';
    const [, terms, count, shown] = /\(([^)]*)\) ÷ (\d+) = [\d.]+ ÷ \d+ [=≈] ([\d.]+)/.exec(average) ?? [];
    const sum = (terms ?? '').split(' + ').map(toNumber).reduce((a, b) => a + b, 0);
    expect(Number(shown)).toBeCloseTo(sum / Number(count), 2);
    await page.getByRole('combobox', { name: 'Window' }).selectOption('3');
    expect(await stepPosition()).toEqual({ step: 3, total: 4 });
  });

  test('flipping: the mask turns around; Sobel differs, a symmetric mask does not', async () => {
    await openLesson('#/learn/flipping/3');
    const flipped = page.getByRole('table', { name: 'Flipped both ways' });
    expect(await flipped.getByRole('row').first().textContent()).toBe('1 0 −1'.replace(/ /g, ''));
    await page.goto(`${baseUrl}#/learn/flipping/12`);
    await page.getByRole('status').filter({ hasText: /cells/ }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: /cells/ }).textContent()).toMatch(/flipping matters: here 9 of 9 cells differ/);
    const correlation = await readWrittenSum('Cross-correlation sum');
    const convolution = await readWrittenSum('Convolution sum');
    expect(convolution.total).toBe(-correlation.total);
    await page.getByRole('button', { name: 'Symmetric (Gaussian)' }).click();
    expect(await page.getByRole('status').filter({ hasText: /half-turn/ }).textContent()).toMatch(/^The mask is the same after a half-turn, so flipping changes nothing/);
  });

  test('1-D: Conv1D then MaxPooling1D on the series, to the end', async () => {
    await openLesson('#/learn/conv-1d/9');
    const sum = await readWrittenSum();
    expect(sum.products).toHaveLength(3);
    expect(sum.text).toMatch(/÷ 3/);
    await page.goto(`${baseUrl}#/learn/conv-1d/21`);
    expect(await stepPosition()).toEqual({ step: 21, total: 21 });
    const working = (await page.getByRole('region', { name: 'Pooling working' }).textContent()) ?? '';
    const [, listed, result] = /max\(([^)]*)\) = ([\d.]+)/.exec(working) ?? [];
    expect(Math.max(...(listed ?? '').split(', ').map(toNumber))).toBe(Number(result));
  });

  test('the whole network: shapes and parameter counts, softmax, and the link to Train', async () => {
    await openLesson('#/learn/network');
    const rows = page.getByRole('table', { name: /The tutorial’s layers/ }).locator('tbody tr');
    const expected = [
      ['Input', '32×32×3', '0'],
      ['Conv2D', '32×32×32', '896'],
      ['Dropout', '32×32×32', '0'],
      ['Conv2D', '30×30×32', '9248'],
      ['MaxPooling2D', '15×15×32', '0'],
      ['Flatten', '7200', '0'],
      ['Dense', '512', '3686912'],
      ['Dropout', '512', '0'],
      ['Dense', '10', '5130'],
    ];
    for (const [index, [type, shape, params]] of expected.entries()) {
      const cells = (await rows.nth(index).getByRole('cell').allTextContents()).map((text) => text.replace(/\s/g, ''));
      expect(cells.slice(1)).toEqual([type, shape, params]);
      expect(await rows.nth(index).getAttribute('aria-current')).toBe('step');
      if (index > 0) expect(await rows.nth(index - 1).getAttribute('aria-current')).toBeNull();
      if (index < expected.length - 1) await page.getByRole('button', { name: 'Next step' }).click();
    }
    expect((await page.getByRole('table', { name: /The tutorial’s layers/ }).locator('tfoot').textContent())?.replace(/\s/g, '')).toBe('Total3702186');
    expect((await page.getByRole('region', { name: 'This layer' }).textContent())?.replace(/\s/g, '')).toContain('(512+1)×10=5130');
    const percents = (await page.getByRole('table', { name: /Softmax/ }).locator('tbody td:last-child').allTextContents()).map((text) => Number(text.replace(/[%\s]/g, '')));
    expect(percents).toHaveLength(10);
    expect(percents.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    await page.getByRole('textbox', { name: 'Score for cat' }).fill('x');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Score for cat: “x” is not a number: type one like 3 or −1.5');
    await page.getByRole('link', { name: 'train it in Train' }).click();
    await page.getByRole('heading', { level: 2, name: 'Train' }).waitFor();
  });

  test('the mask: offsets from the centre, and the masked array’s mean', async () => {
    await openLesson('#/learn/mask/14');
    expect(await stepPosition()).toEqual({ step: 14, total: 14 });
    expect(await page.locator('.lesson-caption').textContent()).toContain('Mean of the visible values: 11 ÷ 4 = 2.75.');
    await page.getByRole('checkbox', { name: 'value 4' }).uncheck();
    expect(await page.locator('.lesson-caption').textContent()).toContain('Mean of the visible values: 10 ÷ 5 = 2.');
    await page.getByRole('combobox', { name: 'Mask size' }).selectOption('4');
    await page.getByRole('button', { name: 'Previous step' }).click();
    await scrubber().focus();
    await page.keyboard.press('Home');
    expect(await page.locator('.lesson-caption').textContent()).toContain('An even size has no middle cell: the centre is at row 2.5, column 2.5, between cells.');
  });
});
