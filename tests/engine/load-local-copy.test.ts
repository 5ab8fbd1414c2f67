import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createDataHandler } from '../../src/engine/data/data-commands';
import { clearLoadedDataset, requireLoadedDataset } from '../../src/engine/data/dataset-store';
import type { DataEvent } from '../../src/engine/protocol-data';
import { writeServedCifar } from '../../scripts/data/served-files';
import { startDataServer, type DataServer } from './data-server';

/**
 * A local copy of CIFAR-10 picked by the user (as File objects), checked against the manifest like a
 * download: against the app's own when the server has one, the picked manifest.json when it has not.
 * Node has no Cache Storage, so nothing is kept here (the e2e test checks the offline reload).
 */
const work = mkdtempSync(join(tmpdir(), 'cifar-local-copy-'));
let server: DataServer;
/** A base URL where nothing answers: a server without a data folder, or no network. */
let unreachable: string;

function tinySplit(count: number, salt: number) {
  const images = Uint8Array.from({ length: count * 3072 }, (_, i) => (i * 5 + salt + Math.floor(i / 3072)) % 256);
  return { count, images, labels: Uint8Array.from({ length: count }, (_, i) => i % 10) };
}

beforeAll(async () => {
  writeServedCifar(join(work, 'served'), { train: tinySplit(30, 1), test: tinySplit(10, 2) }, 'local copy test');
  writeServedCifar(join(work, 'other'), { train: tinySplit(30, 7), test: tinySplit(10, 8) }, 'another data set');
  server = await startDataServer(join(work, 'served'), 4096);
  unreachable = new URL('/nothing-here/', server.baseUrl).href;
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => clearLoadedDataset());

/** The files of `dir` as the picker hands them over, with `change` applied to one file's bytes. */
function picked(dir: string, change?: { name: string; edit: (bytes: Buffer) => Buffer }): File[] {
  return readdirSync(join(work, dir)).map((name) => {
    const bytes = readFileSync(join(work, dir, name));
    return new File([Uint8Array.from(change?.name === name ? change.edit(bytes) : bytes)], name);
  });
}

async function load(baseUrl: string, files: File[]): Promise<DataEvent[]> {
  const events: DataEvent[] = [];
  await createDataHandler((event) => events.push(event)).handle({ type: 'data-load-files', id: 3, baseUrl, files });
  return events;
}

describe('data-load-files', () => {
  test('a good copy loads, checked against the served manifest, with progress, and says where it came from', async () => {
    const events = await load(server.baseUrl, picked('served'));
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'data-loaded', id: 3, summary: { source: 'local copy test', fromLocalCopy: true, fromCache: false } });
    expect(events.some((event) => event.type === 'data-progress' && event.loadedBytes === 40 * 3073)).toBe(true);
    expect(requireLoadedDataset().train.count).toBe(30);
    // Only the manifest came from the server: not one data file.
    expect(server.requests.filter((path) => path.endsWith('.bin'))).toEqual([]);
  });

  test('with no server to ask, the picked manifest.json is the reference', async () => {
    const last = (await load(unreachable, picked('served'))).at(-1);
    expect(last).toMatchObject({ type: 'data-loaded', summary: { source: 'local copy test', fromLocalCopy: true } });
  });

  test('a corrupt file is named, and nothing is loaded', async () => {
    const flipped = picked('served', { name: 'train-images.bin', edit: (bytes) => Buffer.from(bytes.map((byte, i) => (i === 999 ? byte ^ 1 : byte))) });
    const last = (await load(server.baseUrl, flipped)).at(-1);
    expect(last).toEqual({
      type: 'data-error',
      id: 3,
      command: 'load',
      file: 'train-images.bin',
      message: "train-images.bin in your copy is corrupt: its SHA-256 differs from the manifest's (copy it again from a good copy, or let the app download it)",
    });
    expect(() => requireLoadedDataset()).toThrow(/not loaded/);
  });

  test('a missing file, a short file and a copy of another data set are named', async () => {
    const missing = (await load(server.baseUrl, picked('served').filter((file) => file.name !== 'test-labels.bin'))).at(-1);
    expect(missing).toMatchObject({ type: 'data-error', file: 'test-labels.bin', message: expect.stringMatching(/^test-labels\.bin is not among the files you picked/) });
    const short = (await load(server.baseUrl, picked('served', { name: 'test-images.bin', edit: (bytes) => bytes.subarray(0, 100) }))).at(-1);
    expect(short).toMatchObject({ type: 'data-error', file: 'test-images.bin', message: expect.stringMatching(/^test-images\.bin in your copy is 100 bytes, the manifest says 30,720/) });
    const other = (await load(server.baseUrl, picked('other'))).at(-1);
    expect(other).toMatchObject({ type: 'data-error', file: 'manifest.json', message: expect.stringMatching(/describes another data set than the one this app serves/) });
    const noManifest = (await load(unreachable, picked('served').filter((file) => file.name !== 'manifest.json'))).at(-1);
    expect(noManifest).toMatchObject({ type: 'data-error', file: 'manifest.json', message: expect.stringMatching(/not among the files you picked, and the app's own could not be reached/) });
  });
});
