/**
 * Screenshots of the themes at the teacher's projector size (1280 × 720): the dark theme on a lesson
 * and on Classify with an answer, and forced-colours mode (as Windows' high-contrast themes force it)
 * on a lesson mid-way — the current area, lesson, step part and marked cells keep visible marks.
 */
import type { Page } from 'playwright-core';
import type { Shot } from './shot';

const PROJECTOR = { width: 1280, height: 720 } as const;

/** A lesson mid-way: the window on the input, a refused entry explained under its grid. */
async function lessonMidWay(page: Page): Promise<void> {
  await page.setViewportSize(PROJECTOR);
  await page.getByRole('textbox', { name: 'Input row 1, column 3' }).fill('abc');
  await page.getByRole('alert').waitFor();
  // From the top: the header (current area, the theme toggle), the lesson list (current lesson), the grids.
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Classify with a sample's answer on screen (brought into view by the app itself). */
async function classifySample(page: Page): Promise<void> {
  await page.setViewportSize(PROJECTOR);
  await page.getByRole('button', { name: 'Show sample images' }).click();
  const sample = page.getByRole('list', { name: 'Sample test images' }).getByRole('button').nth(6);
  await sample.waitFor({ timeout: 300_000 });
  await sample.click();
  await page.locator('article[data-status="done"]').first().waitFor({ timeout: 120_000 });
  // Let the smooth scroll to the new card finish.
  await page.waitForTimeout(800);
}

export const THEME_SHOTS: readonly Shot[] = [
  { file: 'docs/theme-dark-learn.png', hash: '?backend=wasm#/learn/convolution/8', waitForHeading: 'Learn', media: { colorScheme: 'dark' }, prepare: lessonMidWay },
  { file: 'docs/theme-dark-classify.png', hash: '?backend=wasm#/classify', waitForHeading: 'Classify', media: { colorScheme: 'dark' }, prepare: classifySample },
  { file: 'docs/forced-colors-learn.png', hash: '?backend=wasm#/learn/convolution/8', waitForHeading: 'Learn', media: { forcedColors: 'active' }, prepare: lessonMidWay },
];
