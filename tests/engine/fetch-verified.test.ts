import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { CifarFileEntry } from '../../src/core/data/cifar-format';
import { fetchVerified } from '../../src/engine/data/fetch-verified';
import { readServedManifest, writeServedCifar } from '../../scripts/data/served-files';
import { startDataServer, type DataServer } from './data-server';

/**
 * The cache half of the loader, with an in-memory stand-in for Cache Storage (Node has none): what is
 * stored, when the network is skipped, and what happens to a damaged cached copy.
 */
class MemoryCache {
  readonly entries = new Map<string, Uint8Array>();
  refusePut: Error | null = null;
  async match(url: string): Promise<Response | undefined> {
    const bytes = this.entries.get(url);
    return bytes ? new Response(bytes.slice()) : undefined;
  }
  async put(url: string, response: Response): Promise<void> {
    if (this.refusePut) throw this.refusePut;
    this.entries.set(url, new Uint8Array(await response.arrayBuffer()));
  }
  async delete(url: string): Promise<boolean> {
    return this.entries.delete(url);
  }
  asCache(): Cache {
    return this as unknown as Cache;
  }
}

const work = mkdtempSync(join(tmpdir(), 'cifar-fetch-'));
let server: DataServer;
let entry: CifarFileEntry;
let url: string;
let cache: MemoryCache;

beforeAll(async () => {
  const images = Uint8Array.from({ length: 10 * 3072 }, (_, i) => (i * 5) % 256);
  writeServedCifar(join(work, 'served'), {
    train: { count: 10, images, labels: Uint8Array.from({ length: 10 }, (_, i) => i) },
    test: { count: 10, images, labels: Uint8Array.from({ length: 10 }, (_, i) => 9 - i) },
  }, 'fetch test');
  entry = readServedManifest(join(work, 'served')).splits.test.images;
  server = await startDataServer(join(work, 'served'), 5000);
  url = `${server.baseUrl}${entry.path}`;
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
  cache = new MemoryCache();
  server.faults.clear();
  server.requests.length = 0;
});

function progressLog(): { total: () => number; onBytes: (delta: number, fromCache: boolean) => void; sources: Set<boolean> } {
  let total = 0;
  const sources = new Set<boolean>();
  return { total: () => total, sources, onBytes: (delta, fromCache) => ((total += delta), sources.add(fromCache)) };
}

describe('fetchVerified with a cache', () => {
  test('verified network bytes are stored; the next fetch reads the cache and skips the network', async () => {
    const first = progressLog();
    // The write to the cache is announced once, after the last byte (the page names that wait).
    const savingAt: number[] = [];
    const fetched = await fetchVerified(url, entry, { cache: cache.asCache(), onBytes: first.onBytes, onSaving: () => savingAt.push(first.total()) });
    expect(savingAt).toEqual([entry.bytes]);
    expect(fetched).toMatchObject({ fromCache: false, cacheNote: null });
    expect(first.total()).toBe(entry.bytes);
    expect(cache.entries.get(url)).toEqual(fetched.bytes);
    expect(server.requests).toEqual([`/${entry.path}`]);

    const second = progressLog();
    const again = await fetchVerified(url, entry, { cache: cache.asCache(), onBytes: second.onBytes, onSaving: () => savingAt.push(-1) });
    expect(savingAt).toHaveLength(1);
    expect(again).toMatchObject({ fromCache: true, cacheNote: null });
    expect(again.bytes).toEqual(fetched.bytes);
    expect(second.total()).toBe(entry.bytes);
    expect([...second.sources]).toEqual([true]);
    expect(server.requests).toHaveLength(1);
  });

  test('a cached copy of the wrong size is dropped and fetched again; progress does not double count', async () => {
    await fetchVerified(url, entry, { cache: cache.asCache(), onBytes: () => undefined });
    cache.entries.set(url, (cache.entries.get(url) ?? new Uint8Array()).subarray(0, 1000));
    const log = progressLog();
    const fetched = await fetchVerified(url, entry, { cache: cache.asCache(), onBytes: log.onBytes });
    expect(fetched.fromCache).toBe(false);
    expect(log.total()).toBe(entry.bytes);
    expect(cache.entries.get(url)?.length).toBe(entry.bytes);
    expect(server.requests).toHaveLength(2);
  });

  test('corrupt bytes from the network are refused and never cached', async () => {
    server.faults.set(entry.path, 'corrupt');
    await expect(fetchVerified(url, entry, { cache: cache.asCache(), onBytes: () => undefined })).rejects.toThrow(/test-images\.bin is corrupt/);
    expect(cache.entries.size).toBe(0);
  });

  test('a cache that refuses the copy (quota) still returns the data, and says why nothing was kept', async () => {
    cache.refusePut = new DOMException('the quota has been exceeded', 'QuotaExceededError');
    const fetched = await fetchVerified(url, entry, { cache: cache.asCache(), onBytes: () => undefined });
    expect(fetched.bytes.length).toBe(entry.bytes);
    expect(fetched.cacheNote).toBe('the browser refused to keep a copy (QuotaExceededError: the quota has been exceeded)');
  });

  test('a server that stops answering or sending is named after the stall limit, nothing is cached, and the next try works', async () => {
    // 2 s: a thousand times what this loopback server needs to answer, so only the fault trips it.
    const stallMs = 2000;
    server.faults.set(entry.path, 'stall-body');
    const log = progressLog();
    await expect(fetchVerified(url, entry, { cache: cache.asCache(), onBytes: log.onBytes, stallMs })).rejects.toThrow('test-images.bin stopped arriving: nothing arrived for 2 s');
    // The first chunk arrived before the server went quiet.
    expect(log.total()).toBe(5000);
    server.faults.set(entry.path, 'stall-answer');
    await expect(fetchVerified(url, entry, { cache: cache.asCache(), onBytes: () => undefined, stallMs })).rejects.toThrow('test-images.bin could not be downloaded: no answer for 2 s');
    expect(cache.entries.size).toBe(0);
    server.faults.clear();
    const fetched = await fetchVerified(url, entry, { cache: cache.asCache(), onBytes: () => undefined });
    expect(fetched.bytes.length).toBe(entry.bytes);
  });

  test('the caller\'s abort still stops a download, and is not reported as a stall', async () => {
    server.faults.set(entry.path, 'stall-body');
    const abort = new AbortController();
    const fetching = fetchVerified(url, entry, { cache: cache.asCache(), onBytes: () => abort.abort(new Error('a local copy replaced it')), signal: abort.signal, stallMs: 60_000 });
    await expect(fetching).rejects.toThrow('a local copy replaced it');
  });
});
