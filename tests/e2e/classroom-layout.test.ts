import { describe, expect, inject, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { fillRunSettings } from './run-settings';
import { appSessionPerTest } from './session-checks';
import { charts, control, openTrainTab, panel, summaryOverflow, trainTab } from './train-page';
import { waitForTrainingPhase } from './training-phase';

/**
 * The classroom's screen: at 1280 × 720 (a projector) the Train dashboard is on the first screen,
 * before and during a run; the convolution lesson's whole sum is visible; no area scrolls sideways
 * from 768 to 2560 px wide; the header leaves most of a 200 % zoomed window to the page; and the
 * training dock follows a run into Learn and Classify, covers nothing, and can be hidden.
 */
const baseUrl = inject('baseUrl');
const session = appSessionPerTest(baseUrl);

/** Loading CIFAR-10 into a fresh profile takes seconds; the margin is for a busy machine. */
const SLOW_MS = 300_000;
const WIDTHS: ReadonlyArray<readonly [number, number]> = [
  [768, 1024],
  [1024, 768],
  [1280, 720],
  [2560, 1440],
];
const LESSONS = ['mask', 'flipping', 'convolution', 'stride', 'padding', 'pooling', 'conv-1d', 'network', 'real-network'];
const TABS = ['Network and settings', 'Results', 'Runs', 'Overfitting lab', 'Sweeps', 'Inside the network', 'Data'];

/** Where an element sits in the window (CSS px); it must be rendered. */
async function box(locator: Locator): Promise<{ top: number; bottom: number; left: number; right: number }> {
  const rect = await locator.boundingBox();
  if (!rect) throw new Error('the element has no box');
  return { top: rect.y, bottom: rect.y + rect.height, left: rect.x, right: rect.x + rect.width };
}

/** Those of `parts` not wholly inside the window's first screen (the page not scrolled), with their boxes. */
async function offFirstScreen(page: Page, parts: Readonly<Record<string, Locator>>): Promise<string[]> {
  const height = page.viewportSize()?.height ?? 0;
  const off: string[] = [];
  for (const [name, locator] of Object.entries(parts)) {
    const { top, bottom } = await box(locator);
    if (top < 0 || bottom > height) off.push(`${name}: ${Math.round(top)}–${Math.round(bottom)}`);
  }
  // A failure says what stood above them: the text of the window's first screen, top to bottom.
  if (off.length > 0) off.push(`the page showed: ${(await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 1200)}`);
  return off;
}

/** The page's sideways overflow in CSS px (0: it does not scroll sideways). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/** With LAYOUT_SHOTS=<folder>, a screenshot of the window now (to look at; the test asserts nothing from it). */
async function shot(page: Page, name: string): Promise<void> {
  const folder = process.env.LAYOUT_SHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png` });
}

/** Go to another route in the same document, so the run in the engine stays. */
async function goHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
    window.scrollTo(0, 0);
  }, hash);
  await page.getByRole('heading', { level: 2 }).first().waitFor();
}

describe('the classroom layout', () => {
  test('Train fits one 1280 × 720 screen before and during a run; the dock follows the run into Learn and Classify and hides; the conv sum is visible; nothing scrolls sideways from 768 to 2560 px', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    await expect.poll(() => page.getByRole('status', { name: 'Compute backend' }).getAttribute('data-backend'), { timeout: 120_000 }).toBe('wasm');

    // Before a run: Start, the progress, both live charts and the tabs' row on the first screen.
    const dashboard = {
      Start: control(page, 'Start'),
      'epoch progress': panel(page).getByRole('progressbar', { name: 'Epochs completed' }),
      'batch progress': panel(page).getByRole('progressbar', { name: 'Batches completed in this epoch' }),
      'time left': panel(page).getByTestId('time-left'),
      'loss chart': charts(page).getByRole('figure', { name: 'Loss per epoch' }),
      'accuracy chart': charts(page).getByRole('figure', { name: 'Accuracy per epoch' }),
      'batch loss chart': charts(page).getByRole('figure', { name: 'Batch loss' }),
      tabs: page.getByRole('tablist', { name: 'Train sections' }),
    };
    // While CIFAR-10 loads, its progress joins the dashboard and may push the tabs' row down; nothing else moves.
    const { tabs, ...running } = dashboard;
    await shot(page, 'train-loading-1280x720');
    expect(await offFirstScreen(page, running)).toEqual([]);
    const step = control(page, 'Step one batch');
    await expect.poll(() => step.isEnabled(), { timeout: SLOW_MS }).toBe(true);
    expect(await offFirstScreen(page, { ...running, tabs })).toEqual([]);

    // The tabs work from the keyboard: → opens the next one and moves the focus there.
    await trainTab(page, 'Network and settings').focus();
    await page.keyboard.press('ArrowRight');
    expect(await trainTab(page, 'Results').getAttribute('aria-selected')).toBe('true');
    expect(await trainTab(page, 'Results').evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Home');
    expect(await trainTab(page, 'Network and settings').getAttribute('aria-selected')).toBe('true');

    // One batch of a tiny run (128 images, batch 32), paused: a run in the middle, on the same screen.
    await fillRunSettings(page, { trainImages: '128', validationImages: '64', batchSize: '32', epochs: '1' });
    await step.click();
    const status = panel(page).getByRole('status', { name: 'Training status' });
    await waitForTrainingPhase(status, 'paused', SLOW_MS);
    expect(await panel(page).getByRole('progressbar', { name: 'Batches completed in this epoch' }).getAttribute('value')).toBe('1');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'train-paused-1280x720');
    expect(await offFirstScreen(page, dashboard)).toEqual([]);
    expect(await control(page, 'Resume').isEnabled()).toBe(true);

    // Learn while it waits: the dock shows the run, sits above the lesson (covering none of it) and resumes it.
    await goHash(page, '#/learn/convolution/6');
    const dock = page.getByRole('complementary', { name: 'Training dock' });
    await dock.waitFor();
    expect(await dock.getByRole('progressbar', { name: 'Run progress' }).getAttribute('value')).toBe('1');
    expect(await dock.getByRole('img', { name: /^Loss, smoothed, per batch: now \d\.\d{2}$/ }).count()).toBe(1);
    expect(await dock.getByRole('img', { name: /^Accuracy, smoothed, per batch: now \d+\.\d %$/ }).count()).toBe(1);
    const lesson = page.getByRole('article').first();
    await shot(page, 'learn-dock-1280x720');
    expect((await box(dock)).bottom).toBeLessThanOrEqual((await box(lesson)).top);
    // With the dock above it, the lesson's whole written sum still fits the first screen.
    expect(await offFirstScreen(page, { 'written sum': page.getByRole('region', { name: 'Written sum' }) })).toEqual([]);
    await dock.getByRole('button', { name: 'Resume' }).click();
    // The three batches left run while the lesson stays on screen; the dock says when the run ends.
    await expect.poll(() => dock.getByRole('link', { name: 'Finished' }).count(), { timeout: SLOW_MS }).toBe(1);

    // Hidden with its button, and remembered: the Train dashboard's switch is off, and turns it back on.
    await dock.getByRole('button', { name: 'Hide' }).click();
    expect(await dock.count()).toBe(0);
    // The convolution lesson's whole written sum is on the first screen.
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await offFirstScreen(page, { 'written sum': page.getByRole('region', { name: 'Written sum' }) })).toEqual([]);
    await goHash(page, '#/classify');
    expect(await dock.count()).toBe(0);
    // Back in Train, the finished run: the dashboard, now with the tutorial's accuracy line, still on one screen.
    await goHash(page, '#/train');
    expect(await status.getAttribute('data-phase')).toBe('finished');
    await shot(page, 'train-finished-1280x720');
    // (The run's closing messages under the charts may push the tabs' row below the first screen.)
    expect(await offFirstScreen(page, { ...running, 'accuracy line': panel(page).getByText(/^Accuracy: \d+\.\d{2}%$/) })).toEqual([]);
    const dockChoice = panel(page).getByRole('checkbox', { name: 'Show this run beside the lessons and Classify' });
    expect(await dockChoice.isChecked()).toBe(false);
    await dockChoice.check();
    await goHash(page, '#/classify');
    await dock.waitFor();

    // No sideways scrolling at any width, in any area, lesson or Train tab (with the finished run's tables).
    const overflowing: string[] = [];
    for (const [width, height] of WIDTHS) {
      await page.setViewportSize({ width, height });
      for (const hash of ['#/learn', ...LESSONS.map((lesson) => `#/learn/${lesson}`), '#/classify']) {
        await goHash(page, hash);
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) overflowing.push(`${width}px ${hash}: ${overflow}px`);
        if (hash === '#/classify' || hash === '#/learn/convolution') await shot(page, `${hash.replace(/\W+/g, '-')}-${width}x${height}`);
      }
      await goHash(page, '#/train');
      for (const tab of TABS) {
        await openTrainTab(page, tab);
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) overflowing.push(`${width}px #/train ${tab}: ${overflow}px`);
        if (tab === 'Network and settings') {
          // The model summary scrolls inside its own box rather than the page: its Param # column must still show whole.
          const inner = await summaryOverflow(page);
          if (inner > 0) overflowing.push(`${width}px model summary: ${inner}px`);
        }
        if (tab === 'Results') await shot(page, `train-results-${width}x${height}`);
      }
    }
    expect(overflowing).toEqual([]);

    // 200 % zoom of 1280 × 720: the header keeps to at most a third of the window.
    await page.setViewportSize({ width: 640, height: 360 });
    await goHash(page, '#/learn');
    expect((await box(page.getByRole('banner'))).bottom).toBeLessThanOrEqual(120);
    expect(await page.locator('[data-backend]').getAttribute('data-backend')).toBe('wasm');
  }, 600_000);
});
