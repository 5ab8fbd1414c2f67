/**
 * Take the README's screenshots of the built app: `npm run screenshots` (after `npm run build`).
 * Serves dist/ with vite preview, opens each route in headless Chromium, writes docs/*.png.
 */
import { mkdirSync } from 'node:fs';
import { preview } from 'vite';
import type { Page } from 'playwright-core';
import { openAppSession } from '../tests/e2e/browser';
import { INSPECT_SHOTS } from './screenshots/inspect-shots';
import type { Shot } from './screenshots/shot';
import { THEME_SHOTS } from './screenshots/theme-shots';
import { TRAIN_SHOTS } from './screenshots/train-shots';
import { WHY_SHOTS } from './screenshots/why-shots';
import { OWN_CLASSES_SHOTS } from './screenshots/own-classes-shots';

/** Each Learn lesson at a step that shows its idea (`#/learn/<lesson>/<step>`). */
const LESSON_STEPS: ReadonlyArray<readonly [lesson: string, step: number]> = [
  ['mask', 5],
  ['flipping', 9],
  ['convolution', 6],
  ['stride', 1],
  ['padding', 1],
  ['pooling', 5],
  ['conv-1d', 18],
  ['network', 6],
];
const LESSON_SHOTS: readonly Shot[] = LESSON_STEPS.map(([lesson, step]) => ({
  file: `docs/learn-${lesson}.png`,
  hash: `#/learn/${lesson}/${step}`,
  waitForHeading: 'Learn',
  // Stride 3 is the lesson's question: the mask fits once and two rows and columns are never read.
  prepare: lesson === 'stride' ? (page: Page) => page.getByRole('button', { name: 'Stride 3' }).click() : undefined,
}));

const SHOTS: readonly Shot[] = [{ file: 'docs/screenshot-shell.png', hash: '#/learn', waitForHeading: 'Learn' }, ...LESSON_SHOTS, ...TRAIN_SHOTS, ...INSPECT_SHOTS, ...THEME_SHOTS, ...WHY_SHOTS, ...OWN_CLASSES_SHOTS];

async function main(): Promise<void> {
  // E2E_DIST serves another build folder, as the end-to-end tests do.
  const server = await preview({ build: { outDir: process.env.E2E_DIST ?? 'dist' }, preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  mkdirSync('docs', { recursive: true });
  // Chromium's fake camera, allowed without asking: the own-classes shot fills a class from it.
  const session = await openAppSession(baseUrl, ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
  try {
    // SHOTS=docs/a.png,docs/b.png takes only those (in list order), to refresh one part of docs/; a
    // shot that stays on the page before it (samePage: the Train run's shots) needs that one too.
    const only = process.env.SHOTS?.split(',');
    for (const shot of SHOTS.filter((candidate) => !only || only.includes(candidate.file))) {
      await session.page.emulateMedia({ colorScheme: shot.media?.colorScheme ?? 'light', forcedColors: shot.media?.forcedColors ?? 'none' });
      if (!shot.samePage) {
        await session.page.goto(`${baseUrl}${shot.hash}`);
        await session.page.getByRole('heading', { level: 2, name: shot.waitForHeading }).waitFor();
        await session.page.locator('[data-backend]:not([data-backend=""])').waitFor({ timeout: 120_000 });
      }
      await shot.prepare?.(session.page);
      // The pointer off everything: a click before may leave it over a control, and scrolling puts
      // another one under it (a hovered Train control outlines itself and its lines of code).
      await session.page.mouse.move(1, 1);
      await (shot.element ? shot.element(session.page).screenshot({ path: shot.file }) : session.page.screenshot({ path: shot.file }));
      process.stdout.write(`wrote ${shot.file}\n`);
    }
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
