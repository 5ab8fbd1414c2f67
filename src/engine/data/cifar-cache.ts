/**
 * Cache Storage for the data set: one cache per exact data set, named by the manifest's fingerprint,
 * so a new data set never mixes with the old one, and the old one is deleted once the new one is in.
 * Works in the worker and on the main thread; absent (null) where the page is not a secure context.
 */
import type { CifarManifest } from '../../core/data/cifar-format';
import { cifarManifestFingerprint } from '../../core/data/cifar-manifest';

const PREFIX = 'cnn-playground-cifar10-';

/** The cache name for this data set, e.g. "cnn-playground-cifar10-v1-3f2a…". */
export function cifarCacheName(manifest: CifarManifest): string {
  return `${PREFIX}v${manifest.version}-${cifarManifestFingerprint(manifest)}`;
}

/** Cache Storage of this global, or null where it does not exist (plain http, Node). */
function storage(): CacheStorage | null {
  return typeof caches === 'undefined' ? null : caches;
}

/**
 * Open this data set's cache and delete the caches of other data sets. Null when Cache Storage is
 * unavailable or refuses (private windows may): loading then simply uses the network every time.
 */
export async function openCifarCache(manifest: CifarManifest): Promise<Cache | null> {
  const store = storage();
  if (!store) return null;
  const name = cifarCacheName(manifest);
  try {
    const stale = (await store.keys()).filter((key) => key.startsWith(PREFIX) && key !== name);
    await Promise.all(stale.map((key) => store.delete(key)));
    return await store.open(name);
  } catch {
    return null;
  }
}

/**
 * Remember the manifest next to its verified files: it is written last, so a cached manifest means
 * every file it lists was stored. Failure only costs the offline start, so it is not reported.
 */
export async function rememberManifest(cache: Cache | null, manifestUrl: string, manifestText: string): Promise<void> {
  await cache?.put(manifestUrl, new Response(manifestText, { headers: { 'content-type': 'application/json' } })).catch(() => undefined);
}

/** The manifest text of a fully cached data set, for starting offline; null when there is none. */
export async function cachedManifestText(manifestUrl: string): Promise<string | null> {
  const store = storage();
  if (!store) return null;
  try {
    for (const key of await store.keys()) {
      if (!key.startsWith(PREFIX)) continue;
      const response = await (await store.open(key)).match(manifestUrl);
      if (response) return await response.text();
    }
  } catch {
    // Unreadable Cache Storage is the same as none.
  }
  return null;
}
