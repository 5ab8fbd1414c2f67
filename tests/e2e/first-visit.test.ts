import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { pngFromRgb } from './picture-files';
import { appSessionPerTest } from './session-checks';

const baseUrl = inject('baseUrl');
let page: Page;
appSessionPerTest(baseUrl, (opened) => {
  page = opened.page;
});

const SLOW_MS = 300_000;

/**
 * Init script: every classify card status and every Start reason seen, recorded on each change of the
 * page (a MutationObserver sees states a poll could step over).
 */
const WATCH = `(() => {
  const seen = { failedCards: [], waitsAtFullBar: [], waits: [] };
  window.__seen = seen;
  const check = () => {
    for (const card of document.querySelectorAll('article[data-status="failed"]')) {
      const text = card.textContent || '';
      if (!seen.failedCards.includes(text)) seen.failedCards.push(text);
    }
    const bar = document.querySelector('.dataset-progress progress');
    const start = [...document.querySelectorAll('[aria-label="Training controls"] button')].find((button) => button.textContent === 'Start');
    // The reason's line is always there (empty when Start is on or a run holds the engine).
    const reason = document.querySelector('.training-start-reason')?.textContent || '';
    if (reason && !seen.waits.includes(reason)) seen.waits.push(reason);
    if (bar && bar.max > 0 && bar.value >= bar.max && start && start.disabled && reason && !seen.waitsAtFullBar.includes(reason)) seen.waitsAtFullBar.push(reason);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

interface Seen {
  readonly failedCards: readonly string[];
  readonly waitsAtFullBar: readonly string[];
  readonly waits: readonly string[];
}

const seen = (): Promise<Seen> => page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);

describe('a first visit, in a fresh profile, without ?backend=', () => {
  // It failed before the engine session: the engine restarted on the measured backend and failed the
  // request ("The engine stopped before answering."). Now the request waits and the new engine answers.
  test('a picture chosen in Classify while the backends are being measured gets its answer, never an error card', async () => {
    await page.addInitScript(WATCH);
    await page.goto(`${baseUrl}#/classify`);
    const input = page.locator('input[type=file][aria-label="Pictures to classify"]');
    await input.waitFor({ state: 'attached' });
    const images = readFileSync(join(process.cwd(), 'public/data/cifar10/test-images.bin'));
    await input.setInputFiles({ name: 'first.png', mimeType: 'image/png', buffer: pngFromRgb(new Uint8Array(images.subarray(0, 3072))) });
    // Chosen while the engine was still choosing its backend: the case that used to fail.
    const badge = page.getByRole('status', { name: 'Compute backend' });
    expect(await badge.textContent()).toMatch(/measuring backends|starting engine/);
    const card = page.getByRole('article', { name: 'first.png', exact: true });
    await expect.poll(() => card.getAttribute('data-status'), { timeout: SLOW_MS }).toBe('done');
    expect((await seen()).failedCards).toEqual([]);
    // And the page said what was happening meanwhile, on the card and in the badge.
    expect(await badge.getAttribute('data-backend')).not.toBe('');
  });

  test('Train: once the bar is full, Start’s reason names what it still waits for', async () => {
    await page.addInitScript(WATCH);
    await page.goto(`${baseUrl}#/train`);
    const start = page.getByRole('group', { name: 'Training controls' }).getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: SLOW_MS, interval: 500 }).toBe(true);
    const { waits, waitsAtFullBar } = await seen();
    // Writing the 153 MB training file into the cache takes long enough to be seen, and is named.
    expect(waits.some((wait) => /keeping a copy of train-images\.bin in this browser’s cache/.test(wait))).toBe(true);
    // Whatever was seen at 100 % names the step: keeping a copy, checking — never a bare "loading".
    for (const wait of waitsAtFullBar) expect(wait).toMatch(/^Start waits for (CIFAR-10: (keeping a copy of \S+ in this browser’s cache|checking \S+|checking the whole set) \(every byte has arrived\)|the compute engine to start)\.$/);
  });
});
