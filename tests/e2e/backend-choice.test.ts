import type { Worker } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { pngFile } from './picture-files';
import { appSessionPerTest } from './session-checks';

/**
 * Backend choice by measurement: with no `?backend=`, the engine times training steps of the tutorial
 * model on each backend in throwaway workers and trains on the fastest. This machine has no GPU
 * (WebGL is SwiftShader), so WebAssembly wins by a wide margin, whatever the load.
 */
const baseUrl = inject('baseUrl');
/** Every engine-script worker the page started (the engine's and the probes'), in order; wasm's own pthread workers (blob: URLs) are not counted. */
let workers: Worker[];
const isEngineWorker = (worker: Worker): boolean => /\/assets\/engine\.worker-[\w-]+\.js$/.test(worker.url());
const session = appSessionPerTest(baseUrl, (opened) => {
  workers = [];
  opened.page.on('worker', (worker) => {
    if (isEngineWorker(worker)) workers.push(worker);
  });
});

const badge = () => session.page.getByRole('status', { name: 'Compute backend' });
const details = () => session.page.getByRole('region', { name: 'Backend choice' });
const measurements = () => details().getByRole('list', { name: 'Measured training speed' }).getByRole('listitem');
const WHY_WASM = /Why this backend: no hardware GPU found: training on WebAssembly, ([\d.]+× faster here than software WebGL|more than [\d.]+× faster here than software WebGL|while software WebGL had not finished its first training step after [\d.]+ s)/;

/** Wait until the engine is ready on `backend`. */
async function readyOn(backend: string): Promise<void> {
  await expect.poll(() => badge().getAttribute('data-backend'), { timeout: 180_000 }).toBe(backend);
}

describe('choosing the backend by measurement', () => {
  test('with no query the engine measures every backend, picks wasm here, and the badge says why; a reload remembers; Measure again measures', async () => {
    await session.page.goto(`${baseUrl}#/train`);
    await readyOn('wasm');
    expect(await badge().getAttribute('data-host')).toBe('worker');
    expect(await badge().textContent()).toBe('wasm · worker');
    // One probe worker per backend, then the engine's own worker; the probes are gone.
    expect(workers.length).toBe(4);
    // A terminated worker busy in a step reports its end a little later.
    await expect.poll(() => session.page.workers().filter(isEngineWorker).length, { timeout: 30_000 }).toBe(1);

    await badge().click();
    expect(await details().textContent()).toMatch(WHY_WASM);
    const rows = await measurements().allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^WebAssembly: \d+ images\/s \(16-image steps, first step [\d.]+ s\)$/);
    expect(rows[1]).toMatch(/^software WebGL: /);
    expect(rows[2]).toMatch(/^the cpu backend \(plain JavaScript\): /);
    const stored = await session.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('cnn-playground-backend-choice')));
    expect(stored).toHaveLength(1);

    // A reload reuses the measurement: only the engine's worker starts.
    workers.length = 0;
    await session.page.reload();
    await readyOn('wasm');
    expect(workers.length).toBe(1);
    await badge().click();
    expect(await details().textContent()).toMatch(WHY_WASM);
    expect(await details().textContent()).toMatch(/remembered in this browser/);
    expect(await measurements().count()).toBe(3);

    // Measure again: the probes run afresh and the engine restarts on the winner.
    workers.length = 0;
    await details().getByRole('button', { name: 'Measure again' }).click();
    await expect.poll(() => badge().getAttribute('data-backend')).toBe('');
    await readyOn('wasm');
    expect(workers.length).toBe(4);
    expect(await details().textContent()).toMatch(WHY_WASM);
    expect(await details().textContent()).not.toMatch(/remembered in this browser/);
  });

  test('a picture chosen while the backends are measured waits for the engine and is answered, not failed (first visit, then Measure again)', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}#/classify`);
    const choose = async (name: string, grey: number): Promise<void> => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose pictures…' }).click();
      await (await chooser).setFiles([{ name, mimeType: 'image/png', buffer: pngFile(40, 40, () => [grey, grey, grey, 255]) }]);
    };
    const card = (name: string) => page.getByRole('article', { name, exact: true });
    const answered = async (name: string): Promise<void> => {
      await expect.poll(() => card(name).getAttribute('data-status'), { timeout: 180_000 }).not.toBe('working');
      expect(await card(name).textContent()).not.toMatch(/stopped/);
      expect(await card(name).getAttribute('data-status')).toBe('done');
    };
    // First visit: nothing is remembered, so the probes run before any engine starts.
    await expect.poll(() => badge().getAttribute('data-backend')).toBe('');
    await choose('first.png', 90);
    expect(await card('first.png').getAttribute('data-status')).toBe('working');
    await answered('first.png');
    expect(await badge().getAttribute('data-backend')).toBe('wasm');

    // Measure again stops the running engine while the probes run; a picture chosen meanwhile waits for the next one.
    await badge().click();
    await details().getByRole('button', { name: 'Measure again' }).click();
    await expect.poll(() => badge().getAttribute('data-backend')).toBe('');
    await choose('second.png', 160);
    await answered('second.png');
    expect(await badge().getAttribute('data-backend')).toBe('wasm');
  });

  test("?backend= is the user's choice: nothing is measured, and the badge says whose choice it was", async () => {
    await session.page.goto(`${baseUrl}?backend=cpu#/train`);
    await readyOn('cpu');
    expect(workers.length).toBe(1);
    await badge().click();
    expect(await details().textContent()).toMatch(/Why this backend: you chose the cpu backend \(plain JavaScript\) with \?backend=cpu in the address, so it was not measured/);
    expect(await details().getByRole('button', { name: 'Measure again' }).count()).toBe(0);
    expect(await measurements().count()).toBe(0);
  });
});
