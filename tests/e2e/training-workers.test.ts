import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { appSessionPerTest } from './session-checks';

/**
 * Data-parallel training in the browser (issue 19): a run on wasm starts gradient workers from the
 * engine's worker (nested Web Workers), times its first batches with one worker and with all, and the
 * badge says how many it settled on and why — through shared memory, since the app is served
 * cross-origin isolated.
 */
const baseUrl = inject('baseUrl');
/** Every URL the app requested (page and workers), to see the gradient workers' script load. */
let requested: string[];
const session = appSessionPerTest(baseUrl, (opened) => {
  requested = [];
  opened.context.on('request', (request) => requested.push(request.url()));
});

const SLOW_MS = 300_000;
const panel = (page: Page) => page.getByRole('region', { name: 'Train the network' });
const badge = (page: Page) => page.getByRole('status', { name: 'Compute backend' });
const workersText = (page: Page) => page.getByTestId('training-workers').textContent();

describe('training workers on wasm', () => {
  test('a run at batch 64 measures one worker against all on its first batches, and the badge says how many and why', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    await expect.poll(() => badge(page).getAttribute('data-backend'), { timeout: 120_000 }).toBe('wasm');
    await badge(page).click();
    // Before any run: what this machine would try.
    expect(await workersText(page)).toMatch(/^up to (\d+) \(\d+ logical cores?: .*\); a training run times its first batches with 1 to \1 and keeps the fewest that are measurably fastest$/);

    // A small network: 128 images in 2 batches of 64 (two shares of 32), 4 epochs: 8 full batches, enough to decide.
    await page.getByRole('region', { name: 'Network architecture' }).getByRole('group', { name: /^Layer 6: Dense\b/ }).getByLabel('Units (units)').fill('64');
    await panel(page).getByLabel('Training images').selectOption('128');
    await panel(page).getByLabel('Validation images').selectOption('64');
    await panel(page).getByLabel('Batch size (batch_size)').fill('64');
    await panel(page).getByLabel('Epochs (epochs)').fill('4');
    const start = panel(page).getByRole('group', { name: 'Training controls' }).getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await start.click();
    await expect.poll(() => panel(page).getByRole('status', { name: 'Training status' }).getAttribute('data-phase'), { timeout: SLOW_MS }).toBe('finished');

    // Which count wins depends on the machine and its load; that both were measured — so the gradient
    // workers started and trained (nested workers; Playwright does not see their requests) — does not.
    const text = await workersText(page);
    expect(text).toMatch(/^(\d+ workers: .* images\/s with \d+ against .* images\/s with 1, measured on this run's first batches|1 worker: more workers measured no faster here \(.* images\/s with 1; .* images\/s with 2\))/);
    if (!text?.startsWith('1 worker')) expect(text).toMatch(/; weights and gradients through shared memory$/);
    // Nothing but the app's own origin was asked for (the session checks every request too).
    expect(requested.every((url) => new URL(url).origin === new URL(baseUrl).origin || url.startsWith('blob:') || url.startsWith('data:'))).toBe(true);
  });
});
