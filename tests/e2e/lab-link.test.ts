import { deflateSync, strToU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { axeViolations } from './axe';
import { openAppSession } from './browser';
import { closeAndExpectClean, appSessionPerTest } from './session-checks';
import { layer, openTrainTab, settings, summaryOverflow } from './train-page';
import { labLinkDictionary } from '../../src/core/lab/lab-link';

const baseUrl = inject('baseUrl');
const session = appSessionPerTest(baseUrl);

/** The backend the engine reports (the badge may be tucked away in presenter mode: found even then). */
async function expectWasm(page: Page): Promise<void> {
  const badge = page.getByRole('status', { name: 'Compute backend', includeHidden: true });
  await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 120_000 }).toBe('wasm');
}

const stage = (page: Page, title: string, step: number, total: number) => page.getByRole('group', { name: new RegExp(`^${title}, step ${step} of ${total}\\.`) });
const inputCell = (page: Page, row: number, column: number) => page.getByRole('textbox', { name: `Input row ${row}, column ${column}` });
/** A hand-made link body, compressed as lab-link.ts writes one: `changes` from the tutorial's lab. */
function linkOf(changes: unknown): string {
  const bytes = deflateSync(strToU8(JSON.stringify(changes)), { level: 9, dictionary: labLinkDictionary() });
  return `1${Buffer.from(bytes).toString('base64url')}`;
}

const area = (page: Page, name: string) => page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name });

describe('the lab in a link', () => {
  test('a lesson grid, the network and three settings edited, Copy link, opened in a fresh profile: the same view and values', async () => {
    const { page, context } = session;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    await expectWasm(page);
    // The network: the first convolution gets 16 filters. Three settings: epochs, seed, training images.
    await layer(page, 1, 'Conv2D').getByLabel('Filters (filters)').fill('16');
    await settings(page).getByLabel('Epochs (epochs)').fill('3');
    await settings(page).getByLabel('Seed').fill('7');
    await settings(page).getByLabel('Training images').selectOption('5000');
    // A lesson grid, and a step of the lesson.
    await area(page, 'Learn').click();
    await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: 'Convolution' }).click();
    await inputCell(page, 2, 2).fill('42');
    await stage(page, 'Convolution', 1, 16).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await stage(page, 'Convolution', 3, 16).waitFor();

    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('status').filter({ hasText: /^Link copied \(\d+ characters\), without the backend choice \(wasm\): they belong to this screen\.$/ }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // The address less this screen's ?backend=wasm: a student's laptop measures its own backend.
    const address = new URL(page.url());
    address.searchParams.delete('backend');
    expect(link).toBe(address.href);
    expect(new URL(link).searchParams.get('lab')).toMatch(/^1[\w-]+$/);
    expect(link.length).toBeLessThan(400);

    const fresh = await openAppSession(baseUrl);
    try {
      // Forced to wasm here only so the fresh profile skips measuring every backend (about 30 s).
      const opened = new URL(link);
      opened.searchParams.set('backend', 'wasm');
      await fresh.page.goto(opened.href);
      await expectWasm(fresh.page);
      // The same view: the lesson at its step, with the edited grid (and its sum: 42 is in the second window).
      await stage(fresh.page, 'Convolution', 3, 16).waitFor();
      expect(await inputCell(fresh.page, 2, 2).inputValue()).toBe('42');
      expect(await fresh.page.getByRole('alert').count()).toBe(0);
      // The same network and settings.
      await area(fresh.page, 'Train').click();
      expect(await layer(fresh.page, 1, 'Conv2D').getByLabel('Filters (filters)').inputValue()).toBe('16');
      expect(await settings(fresh.page).getByLabel('Epochs (epochs)').inputValue()).toBe('3');
      expect(await settings(fresh.page).getByLabel('Seed').inputValue()).toBe('7');
      expect(await settings(fresh.page).getByLabel('Training images').inputValue()).toBe('5000');
    } finally {
      await closeAndExpectClean(fresh);
    }
  });

  test('a garbled link opens the app with a message; a link with one bad part opens the rest and names that part', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm&lab=1qX_garbled#/learn/convolution`);
    await expectWasm(page);
    const alert = page.getByRole('alert').filter({ hasText: /could not be read/ });
    expect(await alert.textContent()).toMatch(/damaged \(cut short or mistyped\)/);
    // The lesson still opens, with its own numbers.
    await stage(page, 'Convolution', 1, 16).waitFor();
    expect(await inputCell(page, 2, 2).inputValue()).toBe('6');
    await page.getByRole('button', { name: 'Close this message' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);

    // One part it cannot read (epochs −3): the rest opens (the seed), the message names the part.
    await page.goto(`${baseUrl}?backend=wasm&lab=${linkOf({ hyperparameters: { epochs: -3, seed: 5 } })}#/train`);
    const part = page.getByRole('alert').filter({ hasText: /^Part of this link's lab could not be read: hyperparameters\.epochs/ });
    await part.waitFor();
    expect(await settings(page).getByLabel('Epochs (epochs)').inputValue()).toBe('25');
    expect(await settings(page).getByLabel('Seed').inputValue()).toBe('5');
  });

  test('presenter mode from ?present: large type, axe-clean in both themes, and Space, ← and → drive the lesson from anywhere on the page', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm&present#/learn/convolution/15`);
    await expectWasm(page);
    expect(await page.getByRole('button', { name: 'Presenter mode' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('22px');
    await stage(page, 'Convolution', 15, 16).waitFor();
    // On a 1280 × 720 projector the whole written sum, its result included, is on the first screen.
    await page.setViewportSize({ width: 1280, height: 720 });
    const sum = await page.getByRole('region', { name: 'Written sum' }).boundingBox();
    expect(sum && sum.y >= 0 && sum.y + sum.height <= 720).toBe(true);
    // Its colours and tucked-away parts pass axe in the light and the dark theme.
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await axeViolations(page)).toEqual([]);
    // Focus on the page itself, outside the lesson: the keys still step it.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowLeft');
    await stage(page, 'Convolution', 14, 16).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await stage(page, 'Convolution', 16, 16).waitFor();
    // → past the last step opens the next lesson.
    await page.keyboard.press('ArrowRight');
    await stage(page, 'Stride', 1, 9).waitFor();
    expect(new URL(page.url()).hash).toBe('#/learn/stride/1');
    // Space plays: the step moves on by itself; Space again pauses.
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await stage(page, 'Stride', 2, 9).waitFor();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Play' }).waitFor();
    // The link keeps presenter mode.
    expect(new URL(page.url()).searchParams.has('present')).toBe(true);
    // In the larger type at 1280 px, Train's model summary still shows its Param # column whole.
    await page.setViewportSize({ width: 1280, height: 720 });
    await area(page, 'Train').click();
    await openTrainTab(page, 'Network and settings');
    expect(await summaryOverflow(page)).toBe(0);
  });
});
