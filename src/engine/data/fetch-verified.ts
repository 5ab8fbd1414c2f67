/**
 * One data file, streamed into a buffer of the size the manifest states, with byte-level progress,
 * from Cache Storage when a verified copy is there and from the network otherwise. Network bytes are
 * hashed as they arrive and stored in the cache only once size and SHA-256 both match the manifest.
 */
import type { CifarFileEntry } from '../../core/data/cifar-format';
import { CifarDataError, describeSizeMismatch } from '../../core/data/cifar-manifest';
import { Sha256 } from '../../core/data/sha256';

/** Where a file's bytes came from, and whether a copy was kept. */
export interface FetchedFile {
  readonly bytes: Uint8Array;
  readonly fromCache: boolean;
  /** Why the verified bytes could not be stored for next time, or null (stored, or read from cache). */
  readonly cacheNote: string | null;
}

/** What `fetchVerified` needs besides the file. */
export interface FetchOptions {
  /** The data set's cache (null: no Cache Storage here, e.g. a plain-http origin). */
  readonly cache: Cache | null;
  /** Called with the number of new bytes each time a chunk arrives, and once with `fromCache`. */
  readonly onBytes: (deltaBytes: number, fromCache: boolean) => void;
  /**
   * Called when every byte arrived and checked out, just before a copy is written to Cache Storage:
   * for the largest file that write takes seconds (33 s was seen in a fresh profile) with nothing
   * else to show for it, so the page can name it.
   */
  readonly onSaving?: () => void;
  /** Aborts the download (a local copy the user picked replaces it). */
  readonly signal?: AbortSignal;
  /** How long the server may send nothing (no answer, or no new bytes) before the download counts as stalled; {@link STALL_MS} unless a test says otherwise. */
  readonly stallMs?: number;
}

/**
 * A download that sends nothing for this long has stalled: a classroom's Wi-Fi that dropped, a server
 * that went away mid-file. Without a limit the bar would wait for ever; with it the file is named, with
 * Retry. Long enough for a slow network's pauses (bytes arrive every few milliseconds when it works).
 */
export const STALL_MS = 45_000;

/** Nothing arrived for the stall limit. */
class StalledError extends Error {}

/** "45 s", "0.3 s" */
function seconds(ms: number): string {
  return `${ms >= 1000 ? Math.round(ms / 1000) : ms / 1000} s`;
}

/**
 * Fetch `entry` from `url`.
 *
 * A cached copy is trusted after a size check: it was hashed before it was stored, and the cache's
 * name carries the manifest's fingerprint. A cached copy of the wrong size is dropped and refetched.
 *
 * @throws CifarDataError naming the file when it is missing (HTTP error), unreachable, stalled, truncated,
 *   too long, or its SHA-256 differs from the manifest's.
 */
export async function fetchVerified(url: string, entry: CifarFileEntry, options: FetchOptions): Promise<FetchedFile> {
  const { cache, onBytes } = options;
  const cached = await cache?.match(url).catch(() => undefined);
  if (cached?.body) {
    const bytes = new Uint8Array(entry.bytes);
    const received = await readInto(cached.body, bytes, (delta) => onBytes(delta, true)).catch(() => -1);
    if (received === entry.bytes) return { bytes, fromCache: true, cacheNote: null };
    // A damaged cache entry is not an error the user must handle: drop it and use the network.
    onBytes(-Math.max(received, 0), true);
    await cache?.delete(url).catch(() => false);
  }

  const stallMs = options.stallMs ?? STALL_MS;
  options.signal?.throwIfAborted();
  // The answer itself may never come: a controller of our own gives up after the stall limit (and follows the caller's abort).
  const waiting = new AbortController();
  const follow = (): void => waiting.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', follow, { once: true });
  try {
    return await download(url, entry, options, waiting, stallMs);
  } finally {
    options.signal?.removeEventListener('abort', follow);
  }
}

/** The network half of {@link fetchVerified}: `waiting` aborts the request (the caller's abort, or no answer within `stallMs`). */
async function download(url: string, entry: CifarFileEntry, options: FetchOptions, waiting: AbortController, stallMs: number): Promise<FetchedFile> {
  const { cache, onBytes } = options;
  let response: Response;
  const giveUp = setTimeout(() => waiting.abort(new StalledError(`no answer for ${seconds(stallMs)}`)), stallMs);
  try {
    response = await fetch(url, { cache: 'no-store', signal: waiting.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason = waiting.signal.reason instanceof StalledError ? waiting.signal.reason : error;
    throw new CifarDataError(entry.path, `${entry.path} could not be downloaded: ${reason instanceof Error ? reason.message : String(reason)}`);
  } finally {
    clearTimeout(giveUp);
  }
  if (!response.ok || !response.body) {
    throw new CifarDataError(entry.path, `${entry.path} could not be downloaded: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const bytes = new Uint8Array(entry.bytes);
  const hash = new Sha256();
  let received: number;
  try {
    received = await readInto(
      response.body,
      bytes,
      (delta, chunk) => {
        hash.update(chunk);
        onBytes(delta, false);
      },
      stallMs,
    );
  } catch (error) {
    if (error instanceof CifarDataError || options.signal?.aborted) throw error;
    throw new CifarDataError(entry.path, `${entry.path} stopped arriving: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (received > entry.bytes) throw new CifarDataError(entry.path, `${entry.path} is longer than the ${entry.bytes.toLocaleString('en-US')} bytes the manifest states`);
  if (received < entry.bytes) throw new CifarDataError(entry.path, describeSizeMismatch(entry.path, received, entry.bytes));
  if (hash.digestHex() !== entry.sha256) {
    throw new CifarDataError(entry.path, `${entry.path} is corrupt: its SHA-256 differs from the manifest's (the file changed, or the download was damaged)`);
  }
  if (cache) options.onSaving?.();
  const cacheNote = await keepVerifiedCopy(cache, url, bytes);
  return { bytes, fromCache: false, cacheNote };
}

/**
 * Copy a body stream into `target` chunk by chunk (no second whole-file buffer).
 * @param stallMs when given, a wait of this long for the next chunk cancels the stream and rejects
 *   ("nothing arrived for 45 s").
 * @returns the bytes received; a stream longer than `target` is cancelled at the first extra chunk and
 *   reported as `target.length + 1`, which every caller treats as a size mismatch.
 */
export async function readInto(body: ReadableStream<Uint8Array>, target: Uint8Array, onChunk: (delta: number, chunk: Uint8Array) => void, stallMs?: number): Promise<number> {
  const reader = body.getReader();
  let received = 0;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = stallMs === undefined ? await reader.read() : await readWithin(reader, stallMs);
      } catch (error) {
        if (error instanceof StalledError) await reader.cancel(error).catch(() => undefined);
        throw error;
      }
      const { done, value } = result;
      if (done) return received;
      if (received + value.length > target.length) {
        await reader.cancel();
        return target.length + 1;
      }
      target.set(value, received);
      received += value.length;
      onChunk(value.length, value);
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Keep verified bytes for next time under `url` (a local copy the user picked is kept under the URL it
 * would have been downloaded from, so the next load finds it); returns why that failed, or null. Never throws.
 */
export async function keepVerifiedCopy(cache: Cache | null, url: string, bytes: Uint8Array<ArrayBuffer>): Promise<string | null> {
  if (!cache) return 'this page cannot use Cache Storage (it needs https or localhost)';
  try {
    const headers = { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) };
    await cache.put(url, new Response(bytes, { headers }));
    return null;
  } catch (error) {
    return `the browser refused to keep a copy (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`;
  }
}

/** The reader's next chunk, or StalledError when none comes within `ms`. */
function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StalledError(`nothing arrived for ${seconds(ms)}`)), ms);
  });
  return Promise.race([reader.read(), stalled]).finally(() => clearTimeout(timer));
}
