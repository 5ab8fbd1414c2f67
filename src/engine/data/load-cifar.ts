/**
 * Load the served CIFAR-10 (manifest + four files) into memory as NHWC uint8, verified against the
 * manifest, with byte-level progress. Runs wherever `fetch` does: the engine worker, the main thread.
 */
import { CIFAR_MANIFEST_FILE, type CifarArrays, type CifarManifest, type CifarSplit } from '../../core/data/cifar-format';
import { CifarDataError, checkSplitBytes, cifarManifestBytes, cifarManifestFiles, parseCifarManifestText } from '../../core/data/cifar-manifest';
import { cachedManifestText, openCifarCache, rememberManifest } from './cifar-cache';
import { fetchVerified } from './fetch-verified';

/** A fully loaded and verified data set. */
export interface LoadedCifar {
  readonly manifest: CifarManifest;
  readonly train: CifarArrays;
  readonly test: CifarArrays;
  /** Every file came from Cache Storage. */
  readonly fromCache: boolean;
  /** Why a copy could not be kept for next time, or null. */
  readonly cacheNote: string | null;
}

/**
 * What a load is doing: `receiving` a file's bytes (from the network or the cache), `saving` a
 * verified copy of `file` in Cache Storage for next time, or `checking` the whole set once every
 * file is in. The last two can take seconds after the bytes reached 100 %.
 */
export type LoadStage = 'receiving' | 'saving' | 'checking';

/** Progress of a load: bytes of data files so far, of the total the manifest lists. */
export interface LoadProgress {
  readonly loadedBytes: number;
  readonly totalBytes: number;
  readonly file: string;
  readonly fromCache: boolean;
  readonly stage: LoadStage;
  /** True while the bytes come from a local copy the user picked (load-local-copy.ts). */
  readonly fromLocalCopy?: boolean;
}

/**
 * Load everything under `baseUrl` (absolute, ending in "/"). `onProgress` is called on every chunk;
 * rate-limit it before sending it anywhere.
 *
 * @throws CifarDataError naming the file when the manifest or a data file is missing, unreachable,
 *   truncated, corrupt or inconsistent. Nothing partial is ever returned.
 */
export async function loadCifar(baseUrl: string, onProgress: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<LoadedCifar> {
  const manifestUrl = new URL(CIFAR_MANIFEST_FILE, baseUrl).href;
  const manifestText = await fetchManifestText(manifestUrl);
  const manifest = parseCifarManifestText(manifestText);
  const cache = await openCifarCache(manifest);
  const totalBytes = cifarManifestBytes(manifest);

  let loadedBytes = 0;
  let fromCache = true;
  let cacheNote: string | null = null;
  const bytes = new Map<string, Uint8Array>();
  for (const { entry } of cifarManifestFiles(manifest)) {
    const fetched = await fetchVerified(new URL(entry.path, baseUrl).href, entry, {
      cache,
      onBytes: (delta, cached) => {
        loadedBytes += delta;
        onProgress({ loadedBytes, totalBytes, file: entry.path, fromCache: cached, stage: 'receiving' });
      },
      onSaving: () => onProgress({ loadedBytes, totalBytes, file: entry.path, fromCache: false, stage: 'saving' }),
      ...(signal ? { signal } : {}),
    });
    bytes.set(entry.path, fetched.bytes);
    fromCache &&= fetched.fromCache;
    cacheNote ??= fetched.cacheNote;
  }
  onProgress({ loadedBytes, totalBytes, file: CIFAR_MANIFEST_FILE, fromCache, stage: 'checking' });
  const split = (name: CifarSplit): CifarArrays => {
    const entry = manifest.splits[name];
    return checkSplitBytes(manifest, name, bytes.get(entry.images.path) ?? new Uint8Array(0), bytes.get(entry.labels.path) ?? new Uint8Array(0));
  };
  const loaded = { manifest, train: split('train'), test: split('test'), fromCache, cacheNote };
  if (!fromCache && cacheNote === null) await rememberManifest(cache, manifestUrl, manifestText);
  return loaded;
}

/** The manifest from the network (revalidated, so a new data set is noticed), or from the cache offline. */
export async function fetchManifestText(manifestUrl: string): Promise<string> {
  let failure: string;
  try {
    const response = await fetch(manifestUrl, { cache: 'no-cache' });
    if (response.ok) return await response.text();
    failure = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  const cached = await cachedManifestText(manifestUrl);
  if (cached !== null) return cached;
  throw new CifarDataError(CIFAR_MANIFEST_FILE, `${CIFAR_MANIFEST_FILE} could not be loaded (${failure}); run \`npm run data\` where the app is served`);
}
