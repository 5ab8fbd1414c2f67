import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { CIFAR10_CLASSES } from '../../src/core/data/cifar-format';
import { writeServedCifar } from '../../scripts/data/served-files';
import { preview } from 'vite';
import { openAppSession } from './browser';
import { appSessionPerTest, closeAndExpectClean } from './session-checks';
import { pngFromRgb } from './picture-files';
import { control, openTrainTab, panel } from './train-page';
import { fillRunSettings } from './run-settings';
import { waitForTrainingPhase } from './training-phase';

/**
 * Offline (issue 14): the service worker keeps the app shell, the engine and its wasm binaries, and
 * the pretrained model once it was used; the data set stays in the engine's own Cache Storage. And a
 * class need not download 184 MB per laptop: a local copy of the prepared files can be picked instead,
 * checked against the manifest like a download. Everything on wasm, asked for and asserted.
 */
const baseUrl = inject('baseUrl');
const dataDir = join(process.env.E2E_DIST ?? 'dist', 'data', 'cifar10');
const work = mkdtempSync(join(tmpdir(), 'cnn-playground-offline-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const session = appSessionPerTest(baseUrl);
const SLOW_MS = 300_000;

/**
 * A small data set in the served format (20 training and 10 test images per class, the first of each
 * class of the real CIFAR-10), written as `npm run data` writes the real one: a teacher's local copy.
 */
function writeSmallCopy(dir: string): void {
  const slice = (split: 'train' | 'test', perClass: number) => {
    const labels = readFileSync(join(dataDir, `${split}-labels.bin`));
    const images = readFileSync(join(dataDir, `${split}-images.bin`));
    const seen = new Array<number>(CIFAR10_CLASSES.length).fill(0);
    const picked: number[] = [];
    for (let i = 0; i < labels.length && picked.length < perClass * CIFAR10_CLASSES.length; i += 1) {
      const label = labels[i] ?? 0;
      if ((seen[label] ?? 0) >= perClass) continue;
      seen[label] = (seen[label] ?? 0) + 1;
      picked.push(i);
    }
    return {
      count: picked.length,
      labels: Uint8Array.from(picked, (i) => labels[i] ?? 0),
      images: Uint8Array.from(picked.flatMap((i) => Array.from(images.subarray(i * 3072, (i + 1) * 3072)))),
    };
  };
  writeServedCifar(dir, { train: slice('train', 20), test: slice('test', 10) }, 'offline test: a small local copy');
}

/** Pick files (or a folder) through the button a teacher would press, as the browser's file chooser. */
async function pickLocalCopy(page: Page, button: 'Choose the folder…' | 'Choose the files…', paths: string | string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('region', { name: 'Use a local copy instead' }).getByRole('button', { name: button }).click();
  await (await chooser).setFiles(paths);
}

async function expectWasm(page: Page): Promise<void> {
  const badge = page.getByRole('status', { name: 'Compute backend' });
  await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 120_000 }).toBe('wasm');
  expect(await badge.getAttribute('data-host')).toBe('worker');
}

const dataAlert = (page: Page) => page.getByRole('alert').filter({ hasText: 'CIFAR-10 could not be loaded' });

describe('offline', () => {
  test('after one visit (a lesson, Classify, a local copy of the data in Train), a reload with no network runs a lesson, classifies and trains', async () => {
    const { page, context } = session;
    // A classroom server without the 184 MB data folder: the teacher hands out a local copy instead.
    const noData = (route: { fulfill(response: { status: number; body: string }): Promise<void> }) => route.fulfill({ status: 404, body: 'not served here' });
    await context.route('**/data/cifar10/**', noData);
    const copy = join(work, 'small-copy');
    writeSmallCopy(copy);

    await page.goto(`${baseUrl}?backend=wasm#/learn/convolution/3`);
    await expectWasm(page);
    // The service worker installed (precaching the shell, engine and wasm) and controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL)).toMatch(/\/sw\.js$/);

    await page.goto(`${baseUrl}?backend=wasm#/classify`);
    await expect.poll(() => page.getByRole('radio', { name: /^Pretrained tutorial model/ }).isEnabled(), { timeout: SLOW_MS }).toBe(true);

    await page.goto(`${baseUrl}?backend=wasm#/train`);
    await dataAlert(page).waitFor({ timeout: 120_000 });
    await pickLocalCopy(page, 'Choose the folder…', copy);
    // The data set's summary (where it was read from, how many pictures) is in the Data tab.
    await openTrainTab(page, 'Data');
    await expect.poll(() => page.getByText(/Read from your local copy in [\d.]+ s and checked/).count(), { timeout: 120_000 }).toBe(1);
    expect(await page.getByText('200 to train on and 100 to test with', { exact: false }).count()).toBe(1);

    // What the service worker holds: the shell with the engine and all three wasm binaries, and the model it fetched.
    const cached = await page.evaluate(async () => {
      const all: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) all.push(`${name} ${new URL(request.url).pathname}`);
      return all;
    });
    expect(cached.filter((entry) => /^workbox-precache-.* \/assets\/tfjs-backend-wasm[\w-]*\.wasm$/.test(entry))).toHaveLength(3);
    expect(cached.some((entry) => /^workbox-precache-.* \/assets\/engine\.worker-[\w-]+\.js$/.test(entry))).toBe(true);
    expect(cached).toContain('cnn-playground-model /models/cifar10-tutorial/weights.bin');
    expect(cached.some((entry) => /^cnn-playground-cifar10-.* \/data\/cifar10\/train-images\.bin$/.test(entry))).toBe(true);

    // No network at all from here: the browser is offline, and anything that still tried is refused and counted.
    const triedOnline: string[] = [];
    await context.unroute('**/data/cifar10/**', noData);
    await context.route('**/*', (route) => {
      const request = route.request();
      triedOnline.push(`${request.serviceWorker() ? 'service worker' : 'app'} ${new URL(request.url()).pathname}`);
      return route.abort('internetdisconnected');
    });
    await context.setOffline(true);

    // A reload: the app starts from the service worker's copy, on wasm. (Hash changes below stay in this document.)
    await page.goto(`${baseUrl}?backend=wasm#/learn/convolution/3`);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expectWasm(page);
    // A lesson: its written sum is there, and the next step moves it on.
    const sum = page.getByRole('region', { name: 'Written sum' });
    await sum.waitFor();
    const before = await sum.textContent();
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => sum.textContent()).not.toBe(before);

    // Classify with the pretrained model, read from the service worker's cache.
    await page.goto(`${baseUrl}?backend=wasm#/classify`);
    await expect.poll(() => page.getByRole('radio', { name: /^Pretrained tutorial model/ }).isEnabled(), { timeout: SLOW_MS }).toBe(true);
    const first = readFileSync(join(copy, 'test-images.bin')).subarray(0, 3072);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose pictures…' }).click();
    await (await chooser).setFiles({ name: 'offline.png', mimeType: 'image/png', buffer: pngFromRgb(first) });
    const card = page.getByRole('article', { name: 'offline.png', exact: true });
    await expect.poll(() => card.getAttribute('data-status'), { timeout: SLOW_MS }).toBe('done');
    expect(await card.getByRole('list', { name: 'Top five classes for offline.png' }).getByRole('meter').count()).toBe(5);

    // Train: the data comes from this browser's cache, and a few steps train.
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    await expect.poll(() => page.getByText(/Read from this browser’s cache in [\d.]+ s and checked/).count(), { timeout: 120_000 }).toBe(1);
    await openTrainTab(page, 'Network and settings');
    await fillRunSettings(panel(page), { trainImages: '128', validationImages: '64', batchSize: '32', epochs: '1' });
    await expect.poll(() => control(page, 'Start').isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await control(page, 'Start').click();
    await waitForTrainingPhase(panel(page).getByRole('status', { name: 'Training status' }), 'finished', SLOW_MS);
    expect(Number(await panel(page).getByRole('progressbar', { name: 'Epochs completed' }).getAttribute('value'))).toBe(1);

    // What still tried the network, was refused and fell back on a cache: the engine asked for the data set's
    // manifest (revalidated when online), the service worker for the model's files (network first, so a new
    // deploy's model wins when online). Nothing else: the shell and the engine came from the precache.
    expect(new Set(triedOnline)).toEqual(
      new Set([
        'app /data/cifar10/manifest.json',
        'service worker /models/cifar10-tutorial/model.json',
        'service worker /models/cifar10-tutorial/model-card.json',
        'service worker /models/cifar10-tutorial/weights.bin',
      ]),
    );
  });

  test('Train says what the first visit downloads; a local copy with a corrupt or missing file is refused, naming it', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    await expectWasm(page);
    await expect.poll(() => page.getByText('The first visit downloads 184.4 MB').count(), { timeout: 120_000 }).toBe(1);

    // The real files, one of them damaged by a single bit: picking them stops the download, and the damaged one is named.
    const damaged = join(work, 'damaged');
    mkdirSync(damaged, { recursive: true });
    for (const name of ['manifest.json', 'test-labels.bin']) copyFileSync(join(dataDir, name), join(damaged, name));
    const labels = readFileSync(join(damaged, 'test-labels.bin'));
    labels[77] = ((labels[77] ?? 0) + 1) % 10;
    writeFileSync(join(damaged, 'test-labels.bin'), labels);
    const picked = [join(damaged, 'manifest.json'), join(damaged, 'test-labels.bin'), ...['test-images.bin', 'train-labels.bin', 'train-images.bin'].map((name) => join(dataDir, name))];
    await pickLocalCopy(page, 'Choose the files…', picked);
    await dataAlert(page).waitFor({ timeout: 120_000 });
    expect(await dataAlert(page).textContent()).toContain("test-labels.bin in your copy is corrupt: its SHA-256 differs from the manifest's");
    expect(await page.getByRole('progressbar', { name: 'Loading CIFAR-10' }).count()).toBe(0);

    // Only the manifest picked: every missing file is named.
    await pickLocalCopy(page, 'Choose the files…', join(damaged, 'manifest.json'));
    await expect.poll(() => dataAlert(page).textContent(), { timeout: 120_000 }).toContain('test-labels.bin, test-images.bin, train-labels.bin, train-images.bin are not among the files you picked');
  });

  test('Classify’s sample photos and lesson 9’s picture come without the 184 MB: the test labels and the first images only', async () => {
    const { page } = session;
    const dataRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/data/cifar10/')) dataRequests.push(`${new URL(request.url()).pathname.replace(/^.*\//, '')} ${request.headers().range ?? 'whole'}`);
    });
    await page.goto(`${baseUrl}?backend=wasm#/classify`);
    await expectWasm(page);
    const tray = page.getByRole('region', { name: 'Sample test images' });
    await tray.getByRole('button', { name: 'Show sample images' }).click();
    await expect.poll(() => tray.getByRole('list', { name: 'Sample test images' }).getByRole('button').count(), { timeout: SLOW_MS }).toBe(20);
    // The labels whole (10 KB), and the images up to the last of the first two photos of each class.
    const testLabels = readFileSync(join(dataDir, 'test-labels.bin'));
    const lastNeeded = Math.max(...CIFAR10_CLASSES.map((_, label) => testLabels.indexOf(label, testLabels.indexOf(label) + 1)));
    expect(dataRequests.filter((line) => line.startsWith('test-'))).toEqual(['test-labels.bin whole', `test-images.bin bytes=0-${(lastNeeded + 1) * 3072 - 1}`]);
    expect(dataRequests.filter((line) => line.startsWith('train-'))).toEqual([]);

    // Lesson 9's picture: the test set's first image, and the lesson replays the pretrained network on it.
    await page.goto(`${baseUrl}?backend=wasm#/learn/real-network/28`);
    await page.getByRole('button', { name: 'Load CIFAR-10' }).click();
    await page.getByRole('img', { name: 'Feature map of filter 1 (conv2d): click a cell to replay it' }).waitFor({ timeout: SLOW_MS });
    expect(dataRequests.filter((line) => line.startsWith('train-'))).toEqual([]);
    expect(await page.getByRole('progressbar', { name: 'Loading CIFAR-10' }).count()).toBe(0);
  });

  test('a new deploy: "A new version of CNN Playground is ready" with Reload, which brings it in', async () => {
    // A deploy of its own (the app without its data), so changing it does not touch the other tests' server.
    const deployed = join(work, 'deploy');
    const distDir = process.env.E2E_DIST ?? 'dist';
    cpSync(distDir, deployed, { recursive: true, filter: (path) => !/[/\\](data|models)$/.test(path) });
    const server = await preview({ build: { outDir: deployed }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false }, logLevel: 'warn' });
    const url = server.resolvedUrls?.local[0] ?? '';
    const own = await openAppSession(url);
    try {
      const { page } = own;
      await page.goto(`${url}?backend=wasm#/learn/convolution/3`);
      await expectWasm(page);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
      const prompt = page.getByRole('status').filter({ hasText: 'A new version of CNN Playground is ready.' });
      expect(await prompt.count()).toBe(0);

      // The next deploy: its service worker differs. A visit finds it, installs it beside the running one, and asks.
      appendFileSync(join(deployed, 'sw.js'), '\n// the next deploy\n');
      await page.reload();
      await prompt.waitFor({ timeout: 120_000 });
      const before = await page.evaluate(() => performance.timeOrigin);
      await prompt.getByRole('button', { name: 'Reload' }).click();
      // The page reloads under the new service worker, and nothing waits any more.
      await expect.poll(() => page.evaluate(() => performance.timeOrigin).catch(() => before), { timeout: 120_000 }).not.toBe(before);
      await expectWasm(page);
      await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null), { timeout: 60_000 }).toBe(null);
      expect(await prompt.count()).toBe(0);
    } finally {
      await closeAndExpectClean(own);
      await server.close();
    }
  });
});
