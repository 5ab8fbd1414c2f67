/**
 * Measure the layout of the built app the way a projector sees it: `E2E_DIST=dist npx tsx scripts/layout-measure.ts`
 * (after a build). For each area and width it prints the page height and whether the page scrolls
 * sideways (`document.scrollingElement.scrollWidth` against `clientWidth`); at 1280 × 720 where the
 * Train controls and charts sit; at 640 × 360 (200 % zoom of 1280 × 720) the header's height. With
 * `SHOTS_DIR=/some/folder` it also saves a screenshot of each area at each size there.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';
import type { Page } from 'playwright-core';
import { openAppSession } from '../tests/e2e/browser';

const ROUTES: readonly string[] = [
  '#/learn',
  '#/learn/mask/5',
  '#/learn/flipping/9',
  '#/learn/convolution/6',
  '#/learn/stride/1',
  '#/learn/padding/1',
  '#/learn/pooling/5',
  '#/learn/conv-1d/18',
  '#/learn/network/6',
  '#/learn/real-network/1',
  '#/train',
  '#/classify',
];
const SIZES: ReadonlyArray<readonly [number, number]> = [
  [768, 1024],
  [1024, 768],
  [1280, 720],
  [2560, 1440],
];

interface PageBox {
  readonly top: number;
  readonly bottom: number;
}

/** The page's height and sideways overflow, and the widest element that sticks out of the window. */
async function measure(page: Page): Promise<{ height: number; scrollWidth: number; clientWidth: number; widest: string }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    let widest = '';
    let widestRight = root.clientWidth;
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      // Inside a box that scrolls or clips sideways, an element cannot widen the page.
      let clipped = false;
      for (let parent = element.parentElement; parent && parent !== document.body && !clipped; parent = parent.parentElement) clipped = getComputedStyle(parent).overflowX !== 'visible';
      if (clipped) continue;
      const right = element.getBoundingClientRect().right + window.scrollX;
      if (right > widestRight + 0.5) {
        widestRight = right;
        widest = `${element.tagName.toLowerCase()}.${String(element.className)} → ${Math.round(right)}`;
      }
    }
    return { height: root.scrollHeight, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
}

/** Where a visible element sits on the page, in CSS px from the page's top (null when hidden). */
async function box(page: Page, selector: string): Promise<PageBox | null> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) return null;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return null;
    return { top: Math.round(rect.top + window.scrollY), bottom: Math.round(rect.bottom + window.scrollY) };
  }, selector);
}

async function main(): Promise<void> {
  const server = await preview({ build: { outDir: process.env.E2E_DIST ?? 'dist' }, preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  const shotsDir = process.env.SHOTS_DIR;
  if (shotsDir) mkdirSync(shotsDir, { recursive: true });
  const session = await openAppSession(baseUrl);
  const { page } = session;
  try {
    await page.goto(`${baseUrl}?backend=wasm#/learn`);
    await page.locator('[data-backend]:not([data-backend=""])').waitFor({ timeout: 120_000 });
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      for (const route of ROUTES) {
        await page.goto(`${baseUrl}?backend=wasm${route}`);
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        await page.waitForTimeout(route === '#/train' ? 1500 : 300);
        const size = await measure(page);
        const sideways = size.scrollWidth > size.clientWidth ? `SCROLLS ${size.scrollWidth}>${size.clientWidth} (${size.widest})` : 'ok';
        process.stdout.write(`${width}x${height} ${route.padEnd(24)} height ${String(size.height).padStart(5)}  scrollWidth ${size.scrollWidth} clientWidth ${size.clientWidth} ${sideways}\n`);
        if (route.startsWith('#/learn/convolution')) process.stdout.write(`${width}x${height} ${route} written sum: ${JSON.stringify(await box(page, '.lesson-aside .written-sum'))}\n`);
        if (shotsDir) await page.screenshot({ path: join(shotsDir, `${width}x${height}-${route.replace(/[#/]+/g, '-').replace(/^-/, '')}.png`) });
      }
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    await page.getByRole('heading', { level: 2, name: 'Train' }).waitFor();
    await page.waitForTimeout(1500);
    for (const [name, selector] of [
      ['Start', '.training-controls .training-primary'],
      ['Live charts', '.training-charts'],
      ['Epoch chart (loss)', '.training-charts-epochs > :first-child'],
      ['Epoch chart (accuracy)', '.training-charts-epochs > :last-child'],
    ] as const) {
      process.stdout.write(`1280x720 #/train ${name}: ${JSON.stringify(await box(page, selector))}\n`);
    }
    await page.setViewportSize({ width: 640, height: 360 });
    await page.goto(`${baseUrl}?backend=wasm#/learn`);
    await page.waitForTimeout(300);
    process.stdout.write(`640x360 header: ${JSON.stringify(await box(page, '.app-header'))}\n`);
    if (shotsDir) await page.screenshot({ path: join(shotsDir, '640x360-learn.png') });
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
