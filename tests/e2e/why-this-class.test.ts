import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { CIFAR10_CLASSES } from '../../src/core/data/cifar-format';
import { axeViolations } from './axe';
import { pngFromRgb } from './picture-files';
import { appSessionPerTest } from './session-checks';

const baseUrl = inject('baseUrl');
let page: Page;
appSessionPerTest(baseUrl, (opened) => {
  page = opened.page;
});

const SLOW_MS = 120_000;
const NAME = 'cifar-test-3.png';

/** Test image `index` of the real CIFAR-10 as 32 × 32 × 3 RGB bytes. */
function cifarTestImage(index: number): Uint8Array {
  const images = readFileSync(join(process.cwd(), 'public/data/cifar10/test-images.bin'));
  return new Uint8Array(images.subarray(index * 3072, (index + 1) * 3072));
}

/** Drop one PNG on the Classify area as a drag from the desktop would. */
async function dropPng(name: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ fileName, base64 }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], fileName, { type: 'image/png' }));
      return transfer;
    },
    { fileName: name, base64: bytes.toString('base64') },
  );
  const area = page.getByRole('region', { name: 'Classify' });
  for (const type of ['dragenter', 'dragover', 'drop']) await area.dispatchEvent(type, { dataTransfer });
}

/** The overlay canvas's pixels, to see that a new class redrew it. */
function canvasBytes(canvas: Locator): Promise<number[]> {
  return canvas.evaluate((element) => {
    const context = (element as HTMLCanvasElement).getContext('2d');
    return context ? Array.from(context.getImageData(0, 0, 32, 32).data) : [];
  });
}

describe('Why this class (wasm)', () => {
  test('a classified picture: Grad-CAM, gradient and occlusion maps over it, with their scales and how to read them; another class redraws them', async () => {
    await page.goto(`${baseUrl}?backend=wasm#/classify`);
    const badge = page.getByRole('status', { name: 'Compute backend' });
    await expect.poll(() => badge.getAttribute('data-backend'), { timeout: SLOW_MS }).toBe('wasm');
    await expect.poll(() => page.getByRole('radio', { name: /^Pretrained tutorial model/ }).isEnabled(), { timeout: SLOW_MS }).toBe(true);

    await dropPng(NAME, pngFromRgb(cifarTestImage(3)));
    const card = page.getByRole('article', { name: NAME, exact: true });
    await expect.poll(() => card.getAttribute('data-status'), { timeout: SLOW_MS }).toBe('done');

    const toggle = card.getByRole('button', { name: 'Why this class?' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const panel = card.getByRole('region', { name: `Why this class: ${NAME}` });
    const picker = panel.getByRole('combobox', { name: 'Explain the class' });
    // The top answer is explained first: the picker lists classes best first.
    const options = await picker.locator('option').evaluateAll((elements) => elements.map((option) => (option as HTMLOptionElement).value));
    expect(options).toHaveLength(10);
    expect(await picker.inputValue()).toBe(options[0]);
    const top = CIFAR10_CLASSES[Number(options[0])] ?? '';

    const camOverlay = panel.getByRole('img', { name: `Grad-CAM for ${top}, laid over the picture` });
    await camOverlay.waitFor({ timeout: SLOW_MS });
    await panel.getByRole('img', { name: `Gradient for ${top}, laid over the picture` }).waitFor();
    await panel.getByRole('img', { name: `Occlusion for ${top}, laid over the picture` }).waitFor();
    const camScale = await panel.getByRole('img', { name: /^Grad-CAM colour scale: white is 0, red is / }).getAttribute('aria-label');
    expect(camScale).not.toMatch(/red is 0;/);
    expect(await panel.getByRole('img', { name: /^Gradient colour scale: white is 0, red is / }).count()).toBe(1);
    expect(await panel.getByRole('img', { name: /^Occlusion colour scale: white is 0, red is / }).count()).toBe(1);
    expect(await panel.textContent()).toContain(`the more the ${top} score depends on it for this picture and this model; this does not prove`);
    expect(await panel.textContent()).toMatch(new RegExp(`Explains the ${top} logit .*the maps took \\d+ ms on wasm\\.`));
    const facts = (await panel.getByText(/the maps took/).textContent()) ?? '';
    process.stdout.write(`why-this-class e2e, first class: ${facts}\n`);
    const before = await canvasBytes(camOverlay);
    expect(await axeViolations(page)).toEqual([]);

    const other = options[options.length - 1] ?? '0';
    const otherName = CIFAR10_CLASSES[Number(other)] ?? '';
    await picker.selectOption(other);
    const otherOverlay = panel.getByRole('img', { name: `Grad-CAM for ${otherName}, laid over the picture` });
    await otherOverlay.waitFor({ timeout: SLOW_MS });
    expect(await panel.getAttribute('aria-busy')).toBe('false');
    expect(await canvasBytes(otherOverlay)).not.toEqual(before);
    process.stdout.write(`why-this-class e2e, last class: ${(await panel.getByText(/the maps took/).textContent()) ?? ''}\n`);

    // The maps alone, on their own grids.
    await panel.getByRole('checkbox', { name: 'Lay the maps over the picture' }).uncheck();
    await panel.getByRole('img', { name: `Grad-CAM for ${otherName} alone, 30 × 30` }).waitFor();
    expect(await panel.getByRole('img', { name: `Gradient for ${otherName} alone, 32 × 32` }).count()).toBe(1);
    expect(await panel.getByRole('img', { name: `Occlusion for ${otherName} alone, 32 × 32` }).count()).toBe(1);

    await toggle.click();
    expect(await panel.count()).toBe(0);
  });
});
