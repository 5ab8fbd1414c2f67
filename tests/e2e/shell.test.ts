import { describe, expect, inject, test } from 'vitest';
import type { AppSession } from './browser';
import { appSessionPerTest } from './session-checks';

const baseUrl = inject('baseUrl');
const session = appSessionPerTest(baseUrl);

/** The badge's summary element, found by role and accessible name like a screen reader would. */
function badge(s: AppSession) {
  return s.page.getByRole('status', { name: 'Compute backend' });
}

describe('app shell', () => {
  test('loads, and with ?backend=webgl tfjs in the worker really runs on webgl (SwiftShader here)', async () => {
    // Without the query the engine measures and picks wasm here (backend-choice.test.ts).
    await session.page.goto(`${baseUrl}?backend=webgl`);
    await expect.poll(() => badge(session).getAttribute('data-backend'), { timeout: 120_000 }).not.toBe('');
    // The engine reports its backend only after a convolution ran on it and tf.getBackend() still
    // said webgl, so a silent fall-back to cpu makes both of these fail.
    expect(await badge(session).getAttribute('data-backend')).toBe('webgl');
    expect(await badge(session).getAttribute('data-host')).toBe('worker');
    expect(await badge(session).textContent()).toMatch(/^webgl · SwiftShader$/);
    expect(session.page.workers().length).toBeGreaterThanOrEqual(1);
    await expect.poll(() => session.page.title()).toBe('CNN Playground');
  });

  test('each area opens from its link, and a link opens an area directly', async () => {
    await session.page.goto(baseUrl);
    for (const name of ['Train', 'Classify', 'Learn'] as const) {
      await session.page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name }).click();
      await session.page.getByRole('heading', { level: 2, name }).waitFor();
      expect(new URL(session.page.url()).hash).toBe(`#/${name.toLowerCase()}`);
      expect(await session.page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name }).getAttribute('aria-current')).toBe('page');
    }
    await session.page.goto(`${baseUrl}#/classify`);
    await session.page.getByRole('heading', { level: 2, name: 'Classify' }).waitFor();
    await session.page.goBack();
    await session.page.getByRole('heading', { level: 2, name: 'Learn' }).waitFor();
  });

  test('?backend=cpu makes the engine run on cpu, and the badge says so', async () => {
    await session.page.goto(`${baseUrl}?backend=cpu#/train`);
    await expect.poll(() => badge(session).getAttribute('data-backend'), { timeout: 60_000 }).toBe('cpu');
    expect(await badge(session).textContent()).toBe('cpu · worker');
  });

  test('a request to another origin never leaves: the guard records it, the CSP refuses it', async () => {
    // The guard must work, or the empty list asserted after every test would mean nothing.
    const probe = await session.context.newPage();
    await expect(probe.goto('http://example.invalid/track')).rejects.toThrow();
    await probe.close();
    expect(session.foreignRequests).toEqual(['http://example.invalid/track']);
    session.foreignRequests.length = 0;
    // Inside the app, the Content-Security-Policy refuses the request before the network sees it.
    await session.page.goto(baseUrl);
    const outcome = await session.page.evaluate(() =>
      fetch('http://example.invalid/track').then(() => 'sent', () => 'refused'),
    );
    expect(outcome).toBe('refused');
    expect(session.foreignRequests).toEqual([]);
    expect(session.errors.join('\n')).toMatch(/Content Security Policy/);
    session.errors.length = 0;
  });
});
