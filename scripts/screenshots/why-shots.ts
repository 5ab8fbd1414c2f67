/**
 * The README's "Why this class" screenshot at the projector size (1280 × 720): a CIFAR-10 test picture
 * dropped on Classify, answered by the pretrained model, with its Grad-CAM, gradient and occlusion maps open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pngFromRgb } from '../../tests/e2e/picture-files';
import type { Shot } from './shot';

/** The test image shown (a horse the pretrained model answers right). */
const TEST_IMAGE = 13;
const NAME = 'horse.png';

async function whyThisClass(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('radio', { name: /^Pretrained tutorial model/ }).and(page.locator(':enabled')).waitFor({ timeout: 300_000 });
  const images = readFileSync(join(process.cwd(), 'public/data/cifar10/test-images.bin'));
  const base64 = pngFromRgb(new Uint8Array(images.subarray(TEST_IMAGE * 3072, (TEST_IMAGE + 1) * 3072))).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type: 'image/png' }));
      return transfer;
    },
    { name: NAME, data: base64 },
  );
  const area = page.getByRole('region', { name: 'Classify' });
  for (const type of ['dragenter', 'dragover', 'drop']) await area.dispatchEvent(type, { dataTransfer });
  const card = page.getByRole('article', { name: NAME, exact: true });
  await card.locator(':scope[data-status="done"]').waitFor({ timeout: 120_000 });
  await card.getByRole('button', { name: 'Why this class?' }).click();
  const panel = card.getByRole('region', { name: `Why this class: ${NAME}` });
  await panel.getByRole('img', { name: /^Occlusion for .*, laid over the picture$/ }).waitFor({ timeout: 120_000 });
  // The maps and their sentences, with the Why button above them.
  await panel.evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -60);
  });
  await page.waitForTimeout(300);
}

export const WHY_SHOTS: readonly Shot[] = [{ file: 'docs/classify-why.png', hash: '?backend=wasm#/classify', waitForHeading: 'Classify', prepare: whyThisClass }];
