/**
 * Render the web app manifest's PNG icons (public/icons/) from public/favicon.svg in headless Chromium,
 * so the icons are the favicon, pixel for pixel, at the sizes installers ask for. Run once after the
 * favicon changes: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium';

/** One icon: its file, its size in pixels, and how much of it the favicon fills (maskable icons keep a safe margin). */
const ICONS = [
  { file: 'public/icons/icon-192.png', size: 192, fill: 1 },
  { file: 'public/icons/icon-512.png', size: 512, fill: 1 },
  // A maskable icon may be cropped to a circle of 80 % of its width: the favicon sits inside it.
  { file: 'public/icons/icon-maskable-512.png', size: 512, fill: 0.7 },
] as const;

const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
try {
  for (const { file, size, fill } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = Math.round(size * fill);
    await page.setContent(
      `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${fill < 1 ? '#1d3557' : 'transparent'}">` +
        `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`,
    );
    await page.screenshot({ path: file, omitBackground: fill === 1 });
    await page.close();
    console.log(`${file}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
