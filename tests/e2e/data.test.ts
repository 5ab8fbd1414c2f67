import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import type { Locator } from 'playwright-core';
import type { AppSession } from './browser';
import { appSessionPerTest } from './session-checks';
import { openTrainTab } from './train-page';

/**
 * CIFAR-10 in the browser: the Train area streams the data set into the engine worker with a real
 * progress bar, shows real images, keeps a copy in Cache Storage for the next visit, and names the
 * file when one arrives broken. The expected pixels are read here, in Node, from the built app's files.
 */
const baseUrl = inject('baseUrl');
const dataDir = join(process.env.E2E_DIST ?? 'dist', 'data', 'cifar10');
const trainLabels = readFileSync(join(dataDir, 'train-labels.bin'));
const TOTAL_BYTES = 60_000 * 3073;
const CAT = 3;
/** The first training image of class "cat": the first thumbnail of the cat row. */
const firstCat = trainLabels.indexOf(CAT);

const session = appSessionPerTest(baseUrl);

const progressBar = (s: AppSession) => s.page.getByRole('progressbar', { name: 'Loading CIFAR-10' });
const catThumbnail = (s: AppSession) => s.page.getByRole('button', { name: `cat, training image ${firstCat}` });

/** Bytes of training image `index` as `npm run data` wrote them (NHWC uint8). */
function trainImageBytes(index: number): number[] {
  return Array.from(readFileSync(join(dataDir, 'train-images.bin')).subarray(index * 3072, (index + 1) * 3072));
}

/** The RGB bytes a thumbnail's canvas shows (32 × 32, drawn one canvas pixel per image pixel). */
function canvasBytes(s: AppSession, name: string): Promise<number[]> {
  return s.page.getByRole('button', { name }).locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
    return Array.from(data).filter((_, i) => i % 4 !== 3);
  });
}

/**
 * Wait for `locator`; when it never shows, fail with what the page shows instead (the Train area's
 * text), so a failure in CI says whether the load hung, failed again or finished elsewhere.
 */
async function waitOrDescribe(s: AppSession, locator: Locator, timeout: number): Promise<void> {
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    const shown = (await s.page.locator('main').innerText().catch(() => '(main could not be read)')).replace(/\s+/g, ' ').slice(0, 2000);
    throw new Error(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}\nThe page showed: ${shown}`, { cause: error });
  }
}

/** Paths of the data set's .bin files the page (and its worker) requested from now on (the pretrained model's weights.bin is not one). */
function recordBinRequests(s: AppSession): string[] {
  const paths: string[] = [];
  s.page.on('request', (request) => {
    if (request.url().endsWith('.bin') && request.url().includes('/data/cifar10/')) paths.push(new URL(request.url()).pathname.replace(/^.*\//, ''));
  });
  return paths;
}

describe('the dataset browser', () => {
  test('shows a real progress bar, then real images per class; choosing one makes it the current image; a reload reads the cache, also offline', async () => {
    const firstLoad = recordBinRequests(session);
    await session.page.goto(`${baseUrl}#/train`);
    await progressBar(session).waitFor();
    // The bar measures the real bytes: its maximum is the size of all four data files.
    await expect.poll(() => progressBar(session).getAttribute('max'), { timeout: 120_000 }).toBe(String(TOTAL_BYTES));

    // The bar is on the Train dashboard; the images are in the Data tab (remembered from now on).
    await progressBar(session).waitFor({ state: 'detached', timeout: 120_000 });
    await openTrainTab(session.page, 'Data');
    await catThumbnail(session).waitFor({ timeout: 120_000 });
    expect(await progressBar(session).count()).toBe(0);
    expect(firstLoad.sort()).toEqual(['test-images.bin', 'test-labels.bin', 'train-images.bin', 'train-labels.bin']);
    await expect.poll(() => session.page.getByText(/Downloaded in [\d.]+ s and checked/).count()).toBe(1);
    // Ten classes, each with its count, each with ten thumbnails.
    for (const name of ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck']) {
      expect(await session.page.getByRole('list', { name: `${name} images` }).getByRole('button').count()).toBe(10);
    }
    expect(await session.page.getByText('5,000 training images').count()).toBe(10);
    // Real pixels: the thumbnail's canvas holds exactly the image's bytes.
    expect(await canvasBytes(session, `cat, training image ${firstCat}`)).toEqual(trainImageBytes(firstCat));

    await catThumbnail(session).click();
    expect(await catThumbnail(session).getAttribute('aria-pressed')).toBe('true');
    const indicator = session.page.getByRole('figure', { name: 'Current image' });
    await expect.poll(() => indicator.textContent()).toContain(`cat · training image ${firstCat}`);

    // The test split, one class row per class with its own count.
    await session.page.getByRole('radio', { name: 'the test set' }).check();
    await session.page.getByRole('button', { name: 'cat, test image 0' }).waitFor();
    expect(await session.page.getByText('1,000 test images').count()).toBe(10);

    // A reload takes everything from Cache Storage: not one .bin request reaches the server.
    const reload = recordBinRequests(session);
    await session.page.reload();
    await catThumbnail(session).waitFor({ timeout: 120_000 });
    await expect.poll(() => session.page.getByText(/Read from this browser’s cache in [\d.]+ s and checked/).count()).toBe(1);
    expect(reload).toEqual([]);

    // And with the server's data folder gone (offline, or a classroom server that went away), a
    // reload still starts from the cached manifest and files.
    await session.context.route('**/data/cifar10/**', (route) => route.abort('internetdisconnected'));
    await session.page.reload();
    await catThumbnail(session).waitFor({ timeout: 120_000 });
    await expect.poll(() => session.page.getByText(/Read from this browser’s cache/).count()).toBe(1);
  });

  test.each([
    ['truncated', 'test-images.bin', /test-images\.bin is truncated: 1,000,000 of 30,720,000 bytes arrived/],
    ['corrupted', 'train-labels.bin', /train-labels\.bin is corrupt: its SHA-256 differs from the manifest's/],
    ['missing', 'train-labels.bin', /train-labels\.bin could not be downloaded: HTTP 404/],
  ] as const)('a %s %s is named, shows no images, and Retry recovers once the file is right', async (fault, file, message) => {
    const original = readFileSync(join(dataDir, file));
    // The route stays for the whole test and is switched off by this flag instead of unroute(): turning
    // interception off while the page still works raced with its next requests once in CI (Retry's load
    // never finished), and a test of Retry must not depend on that.
    let broken = true;
    await session.context.route(`**/data/cifar10/${file}`, async (route) => {
      if (!broken) return route.continue();
      if (fault === 'missing') return route.fulfill({ status: 404, body: 'not here' });
      if (fault === 'truncated') return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: original.subarray(0, 1_000_000) });
      const corrupted = Buffer.from(original);
      corrupted[12_345] = (corrupted[12_345] ?? 0) ^ 1;
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: corrupted });
    });
    await session.page.goto(`${baseUrl}#/train`);
    const alert = session.page.getByRole('alert').filter({ hasText: 'CIFAR-10 could not be loaded' });
    await alert.waitFor({ timeout: 120_000 });
    expect(await alert.textContent()).toMatch(message);
    expect(await session.page.getByRole('list', { name: 'cat images' }).count()).toBe(0);

    broken = false;
    await session.page.getByRole('button', { name: 'Retry' }).click();
    await openTrainTab(session.page, 'Data');
    await waitOrDescribe(session, catThumbnail(session), 120_000);
    expect(await alert.count()).toBe(0);
  });
});
