import { describe, expect, inject, test } from 'vitest';
import { appSessionPerTest } from './session-checks';

const baseUrl = inject('baseUrl');
/**
 * Every URL the app requested (page and workers), to see which wasm binary was fetched from where. The
 * service worker's own requests are left out: it precaches all three binaries once, for offline use,
 * whichever the engine picks (scripts/vite/pwa.ts).
 */
let requested: string[];
const session = appSessionPerTest(baseUrl, (opened) => {
  requested = [];
  opened.context.on('request', (request) => {
    if (!request.serviceWorker()) requested.push(request.url());
  });
});

describe('?backend=wasm', () => {
  test('runs tfjs on WebAssembly inside the worker, with SIMD, loading the binary from the app itself', async () => {
    await session.page.goto(`${baseUrl}?backend=wasm#/train`);
    const badge = session.page.getByRole('status', { name: 'Compute backend' });
    await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 60_000 }).not.toBe('');
    // The engine reports only after a convolution ran with tf.getBackend() === 'wasm', in the worker:
    // a fall-back to cpu or to the main thread would fail one of these.
    expect(await badge.getAttribute('data-backend')).toBe('wasm');
    expect(await badge.getAttribute('data-host')).toBe('worker');
    expect(await badge.textContent()).toBe('wasm · worker');
    expect(session.page.workers().length).toBeGreaterThanOrEqual(1);

    // Chromium has WebAssembly SIMD, so tfjs picked the SIMD build, served by the app (hashed by Vite).
    const binaries = requested.filter((url) => url.endsWith('.wasm'));
    expect(binaries).toHaveLength(1);
    expect(binaries[0]).toMatch(/\/assets\/tfjs-backend-wasm-simd-[\w-]+\.wasm$/);
    expect(new URL(binaries[0] ?? '').origin).toBe(new URL(baseUrl).origin);

    await badge.click();
    const details = session.page.locator('.badge-details');
    await expect.poll(() => details.getByText('WebAssembly', { exact: true }).isVisible()).toBe(true);
    expect(await details.textContent()).toMatch(/WebAssembly\s*SIMD on, 1 thread(?!s)/);
  });

  test('?backend=webgl starts webgl, and never loads the wasm binaries', async () => {
    await session.page.goto(`${baseUrl}?backend=webgl`);
    const badge = session.page.getByRole('status', { name: 'Compute backend' });
    await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 120_000 }).toBe('webgl');
    expect(requested.filter((url) => url.endsWith('.wasm'))).toEqual([]);
  });
});
