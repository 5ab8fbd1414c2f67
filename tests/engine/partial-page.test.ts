import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createDataHandler } from '../../src/engine/data/data-commands';
import { clearLoadedDataset } from '../../src/engine/data/dataset-store';
import type { DataEvent, DataPageSelection } from '../../src/engine/protocol-data';
import { writeServedCifar } from '../../scripts/data/served-files';
import { startDataServer, type DataServer } from './data-server';

/**
 * Pages without the whole data set (Classify's samples, lesson 9's picture): the labels file is read
 * whole and checked, the images file only up to the last image asked for. This server ignores Range
 * headers and streams whole files in 4 KB chunks, so the reader must stop on its own.
 */
const work = mkdtempSync(join(tmpdir(), 'cifar-partial-'));
let server: DataServer;
const TEST = {
  count: 200,
  images: Uint8Array.from({ length: 200 * 3072 }, (_, i) => (i * 11 + Math.floor(i / 3072)) % 256),
  labels: Uint8Array.from({ length: 200 }, (_, i) => (i * 7) % 10),
};
const TRAIN = { count: 10, images: new Uint8Array(10 * 3072), labels: Uint8Array.from({ length: 10 }, (_, i) => i) };

beforeAll(async () => {
  writeServedCifar(join(work, 'served'), { train: TRAIN, test: TEST }, 'partial test');
  server = await startDataServer(join(work, 'served'), 4096);
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
  server.faults.clear();
  server.requests.length = 0;
  clearLoadedDataset();
});

async function page(handler: ReturnType<typeof createDataHandler>, events: DataEvent[], selection: DataPageSelection, baseUrl?: string) {
  await handler.handle({ type: 'data-page', id: events.length + 1, split: 'test', selection, ...(baseUrl ? { baseUrl } : {}) });
  return events.at(-1);
}

describe('a page without the whole data set', () => {
  test('reads the labels and only the first images, and gives their exact bytes', async () => {
    const events: DataEvent[] = [];
    const handler = createDataHandler((event) => events.push(event));
    const first = await page(handler, events, { kind: 'per-class', offset: 0, count: 2 }, server.baseUrl);
    expect(first?.type).toBe('data-page-result');
    if (first?.type !== 'data-page-result') return;
    // Labels are i·7 mod 10: each class's first two images lie among the first twenty.
    expect(Array.from(first.labels)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
    first.indices.forEach((index, position) => {
      expect(Array.from(first.pixels.subarray(position * 3072, (position + 1) * 3072))).toEqual(Array.from(TEST.images.subarray(index * 3072, (index + 1) * 3072)));
    });
    expect(Math.max(...first.indices)).toBeLessThan(20);
    expect(server.requests).toEqual(['/manifest.json', '/test-labels.bin', '/test-images.bin']);

    // A later page further in reads further; one already covered reads nothing new.
    const later = await page(handler, events, { kind: 'indices', indices: [150] }, server.baseUrl);
    expect(later?.type === 'data-page-result' && Array.from(later.pixels)).toEqual(Array.from(TEST.images.subarray(150 * 3072, 151 * 3072)));
    await page(handler, events, { kind: 'indices', indices: [0] }, server.baseUrl);
    expect(server.requests).toEqual(['/manifest.json', '/test-labels.bin', '/test-images.bin', '/test-images.bin']);
  });

  test('corrupt labels are named; without a folder to read from, a page still needs the loaded set', async () => {
    const events: DataEvent[] = [];
    const handler = createDataHandler((event) => events.push(event));
    server.faults.set('test-labels.bin', 'corrupt');
    expect(await page(handler, events, { kind: 'indices', indices: [0] }, server.baseUrl)).toMatchObject({ type: 'data-error', command: 'page', message: expect.stringMatching(/^test-labels\.bin is corrupt/) });
    server.faults.clear();
    expect(await page(handler, events, { kind: 'indices', indices: [0] }, server.baseUrl)).toMatchObject({ type: 'data-page-result' });
    expect(await page(handler, events, { kind: 'indices', indices: [0] })).toMatchObject({ type: 'data-error', message: expect.stringMatching(/not loaded/) });
  });
});
