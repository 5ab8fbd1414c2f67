import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createDataHandler, PROGRESS_INTERVAL_MS } from '../../src/engine/data/data-commands';
import { clearLoadedDataset, getLoadedDataset, requireLoadedDataset } from '../../src/engine/data/dataset-store';
import { createEngine } from '../../src/engine/engine';
import type { EngineEvent } from '../../src/engine/protocol';
import { isEngineCommand, isEngineEvent } from '../../src/engine/protocol';
import { transferablesOf, type DataEvent } from '../../src/engine/protocol-data';
import { writeServedCifar } from '../../scripts/data/served-files';
import { startDataServer, type DataServer } from './data-server';

/**
 * The engine's data commands over real HTTP (Node's fetch streams like a browser's; Node has no
 * Cache Storage, so every load uses the network), on a small data set written in the served format.
 */
const work = mkdtempSync(join(tmpdir(), 'cifar-loader-'));
let server: DataServer;

/** `count` images labelled i % 10 with bytes that differ per image and per pixel. */
function tinySplit(count: number, salt: number) {
  const images = Uint8Array.from({ length: count * 3072 }, (_, i) => (i * 7 + salt * 3 + Math.floor(i / 3072)) % 256);
  return { count, images, labels: Uint8Array.from({ length: count }, (_, i) => (i * 3) % 10) };
}
const TRAIN = tinySplit(40, 1);
const TEST = tinySplit(20, 2);

beforeAll(async () => {
  writeServedCifar(join(work, 'served'), { train: TRAIN, test: TEST }, 'engine test');
  server = await startDataServer(join(work, 'served'), 4096);
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
  server.faults.clear();
  clearLoadedDataset();
});

async function run(command: Parameters<ReturnType<typeof createEngine>['handle']>[0]): Promise<EngineEvent[]> {
  const events: EngineEvent[] = [];
  await createEngine('main-thread', (event) => events.push(event)).handle(command);
  return events;
}

describe('data-load', () => {
  test('streams every file with progress, verifies it, and makes the data set available', async () => {
    const events = await run({ type: 'data-load', id: 5, baseUrl: server.baseUrl });
    const last = events.at(-1);
    expect(last?.type).toBe('data-loaded');
    if (last?.type !== 'data-loaded') return;
    expect(last.id).toBe(5);
    expect(last.summary).toMatchObject({
      source: 'engine test',
      splits: { train: { count: 40, perClass: new Array(10).fill(4) }, test: { count: 20, perClass: new Array(10).fill(2) } },
      totalBytes: 60 * 3073,
      fromCache: false,
      cacheNote: 'this page cannot use Cache Storage (it needs https or localhost)',
    });
    const progress = events.filter((event) => event.type === 'data-progress');
    expect(progress.length).toBeGreaterThan(0);
    const received = progress.filter((event) => event.stage === 'receiving');
    expect(received.at(-1)).toMatchObject({ loadedBytes: 60 * 3073, totalBytes: 60 * 3073, file: 'train-images.bin' });
    // After the last byte, the page is told what the wait is: checking the whole set.
    expect(progress.at(-1)).toMatchObject({ loadedBytes: 60 * 3073, stage: 'checking', file: 'manifest.json' });
    const dataset = requireLoadedDataset();
    expect(dataset.train.images).toEqual(TRAIN.images);
    expect(dataset.test.labels).toEqual(TEST.labels);
    expect(server.requests).toContain('/manifest.json');
  });

  test.each([
    ['missing', 'train-images.bin', 'train-images.bin could not be downloaded: HTTP 404 Not Found'],
    ['truncated', 'test-images.bin', 'test-images.bin is truncated: 30,720 of 61,440 bytes arrived'],
    ['corrupt', 'train-labels.bin', "train-labels.bin is corrupt: its SHA-256 differs from the manifest's (the file changed, or the download was damaged)"],
    ['longer', 'test-labels.bin', 'test-labels.bin is longer than the 20 bytes the manifest states'],
    ['missing', 'manifest.json', 'manifest.json could not be loaded (HTTP 404 Not Found); run `npm run data` where the app is served'],
  ] as const)('a %s %s fails the load with a message naming it, and leaves no data', async (fault, file, message) => {
    server.faults.set(file, fault);
    const events = await run({ type: 'data-load', id: 9, baseUrl: server.baseUrl });
    expect(events.at(-1)).toEqual({ type: 'data-error', id: 9, command: 'load', message, file });
    expect(getLoadedDataset()).toBeNull();
    expect(() => requireLoadedDataset()).toThrow(/CIFAR-10 is not loaded yet/);
  });

  test('a failed load after a good one leaves no data: nothing trains on a half-replaced set', async () => {
    const handlerEvents: DataEvent[] = [];
    const handler = createDataHandler((event) => handlerEvents.push(event));
    await handler.handle({ type: 'data-load', id: 1, baseUrl: server.baseUrl });
    expect(getLoadedDataset()).not.toBeNull();
    // A second request for the same data answers at once from memory.
    const requestsBefore = server.requests.length;
    await handler.handle({ type: 'data-load', id: 2, baseUrl: server.baseUrl });
    expect(handlerEvents.at(-1)?.type).toBe('data-loaded');
    expect(server.requests.length).toBe(requestsBefore);
    // Another folder that turns out corrupt.
    server.faults.set('train-images.bin', 'corrupt');
    await handler.handle({ type: 'data-load', id: 3, baseUrl: new URL('./', server.baseUrl).href + '?again' });
    expect(handlerEvents.at(-1)).toMatchObject({ type: 'data-error', id: 3, file: 'train-images.bin' });
    expect(getLoadedDataset()).toBeNull();
  });

  test(`progress events are at least ${PROGRESS_INTERVAL_MS} ms apart, and the last says 100 %`, async () => {
    let clock = 0;
    const sentAt: number[] = [];
    const events: DataEvent[] = [];
    // Every reading of the clock advances it 7 ms: far more chunks than 100 ms intervals.
    const handler = createDataHandler((event) => {
      events.push(event);
      if (event.type === 'data-progress' && event.stage === 'receiving') sentAt.push(clock);
    }, () => (clock += 7));
    await handler.handle({ type: 'data-load', id: 1, baseUrl: server.baseUrl });
    const progress = events.filter((event) => event.type === 'data-progress' && event.stage === 'receiving');
    const chunks = Math.ceil((20 * 3072) / 4096) + Math.ceil((40 * 3072) / 4096);
    expect(progress.length).toBeLessThan(chunks / 5);
    // All but the final 100 % event respect the interval.
    for (let i = 1; i < sentAt.length - 1; i++) expect((sentAt[i] ?? 0) - (sentAt[i - 1] ?? 0)).toBeGreaterThanOrEqual(PROGRESS_INTERVAL_MS);
    expect(progress.at(-1)).toMatchObject({ loadedBytes: 60 * 3073 });
  });
});

describe('data-page', () => {
  beforeEach(async () => {
    await run({ type: 'data-load', id: 1, baseUrl: server.baseUrl });
  });

  test('per class: the first images of each class, their labels and exact pixels', async () => {
    const [page] = await run({ type: 'data-page', id: 4, split: 'train', selection: { kind: 'per-class', offset: 1, count: 2 } });
    if (page?.type !== 'data-page-result') throw new Error(`expected a page, got ${JSON.stringify(page)}`);
    expect(page.indices.length).toBe(20);
    // Label of image i is 3i mod 10, so class c's images are i ≡ 7c (mod 10): 2nd and 3rd of class 0 are 10, 20.
    expect(Array.from(page.indices.subarray(0, 2))).toEqual([10, 20]);
    expect(Array.from(page.labels.subarray(0, 4))).toEqual([0, 0, 1, 1]);
    page.indices.forEach((index, i) => {
      expect(page.pixels.subarray(i * 3072, (i + 1) * 3072)).toEqual(TRAIN.images.subarray(index * 3072, (index + 1) * 3072));
    });
    expect(transferablesOf(page)).toEqual([page.indices.buffer, page.labels.buffer, page.pixels.buffer]);
  });

  test('one class from an offset, and explicit indices', async () => {
    const [byClass] = await run({ type: 'data-page', id: 4, split: 'test', selection: { kind: 'class', classIndex: 3, offset: 0, count: 5 } });
    expect(byClass?.type === 'data-page-result' && Array.from(byClass.indices)).toEqual([1, 11]);
    const [byIndex] = await run({ type: 'data-page', id: 4, split: 'test', selection: { kind: 'indices', indices: [19, 0] } });
    expect(byIndex?.type === 'data-page-result' && Array.from(byIndex.labels)).toEqual([7, 0]);
  });

  test('bad requests are answered with an error naming the constraint', async () => {
    const bad = async (selection: Parameters<typeof run>[0]) => (await run(selection)).at(-1);
    expect(await bad({ type: 'data-page', id: 6, split: 'test', selection: { kind: 'indices', indices: [20] } })).toEqual({
      type: 'data-error', id: 6, command: 'page', message: 'image index must be an integer from 0 to 19, got 20', file: null,
    });
    expect(await bad({ type: 'data-page', id: 6, split: 'test', selection: { kind: 'class', classIndex: 10, offset: 0, count: 1 } })).toMatchObject({
      message: 'classIndex must be an integer from 0 to 9, got 10',
    });
    expect(await bad({ type: 'data-page', id: 6, split: 'train', selection: { kind: 'per-class', offset: 0, count: 101 } })).toMatchObject({
      message: 'a page may hold at most 1000 images, asked for 1010',
    });
    clearLoadedDataset();
    expect(await bad({ type: 'data-page', id: 6, split: 'train', selection: { kind: 'per-class', offset: 0, count: 1 } })).toMatchObject({
      message: expect.stringMatching(/CIFAR-10 is not loaded yet/),
    });
  });
});

test('the protocol guards know the data messages', () => {
  expect(isEngineCommand({ type: 'data-load', id: 1, baseUrl: 'x' })).toBe(true);
  expect(isEngineCommand({ type: 'data-page', id: 1 })).toBe(true);
  expect(isEngineEvent({ type: 'data-progress' })).toBe(true);
  expect(isEngineEvent({ type: 'data-page-result' })).toBe(true);
  expect(isEngineCommand({ type: 'data-progress' })).toBe(false);
});
