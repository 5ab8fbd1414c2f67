/**
 * Pages of images without loading the whole data set: Classify's twenty sample photos and lesson 9's
 * one picture need a few kilobytes, not 184 MB. The split's labels file is read whole (10 KB for the
 * test set, checked against the manifest's SHA-256 and kept in the data set's cache like a download);
 * of the images file only the first bytes up to the last image asked for are read — from this
 * browser's verified copy when one is cached, otherwise with an HTTP Range request. Those bytes
 * cannot be checked against the whole file's checksum; they are shown and classified, never trained on
 * (training waits for the full, verified set).
 */
import { CIFAR10_CLASSES, CIFAR_IMAGE_BYTES, CIFAR_MANIFEST_FILE, type CifarManifest, type CifarSplit } from '../../core/data/cifar-format';
import { CifarDataError, parseCifarManifestText } from '../../core/data/cifar-manifest';
import { indicesByClass } from '../../core/data/dataset-indices';
import { gatherImages, gatherLabels } from '../../core/data/image-batch';
import type { DataEvent, DataPageSelection } from '../protocol-data';
import { openCifarCache } from './cifar-cache';
import { checkPageSize, selectIndices } from './data-page';
import { fetchVerified } from './fetch-verified';
import { fetchManifestText } from './load-cifar';

/** What is known of one split so far: its verified labels, and the first bytes of its images. */
interface SplitPrefix {
  readonly manifest: CifarManifest;
  readonly labels: Uint8Array;
  readonly byClass: Uint32Array[];
  cache: Cache | null;
  images: Uint8Array;
}

/** Reads pages from a prefix of the served files; one per engine (it keeps what it read). */
export interface PartialPages {
  /**
   * The page for `selection` of `split`, from the data folder at `baseUrl`.
   * @throws Error (CifarDataError naming the file) when the manifest or a file cannot be had, the
   *   labels are corrupt, or the selection is invalid.
   */
  page(id: number, split: CifarSplit, selection: DataPageSelection, baseUrl: string): Promise<Extract<DataEvent, { type: 'data-page-result' }>>;
}

/** Make the partial-page reader of one engine. */
export function createPartialPages(): PartialPages {
  const known = new Map<string, Promise<SplitPrefix>>();

  const prefixOf = (baseUrl: string, split: CifarSplit): Promise<SplitPrefix> => {
    const key = `${split} ${baseUrl}`;
    const existing = known.get(key);
    if (existing) return existing;
    const reading = readLabels(baseUrl, split);
    known.set(key, reading);
    // A failure is not remembered: the next request tries again (the network may be back).
    reading.catch(() => known.delete(key));
    return reading;
  };

  return {
    async page(id, split, selection, baseUrl) {
      checkPageSize(selection);
      const prefix = await prefixOf(baseUrl, split);
      const { count } = prefix.manifest.splits[split];
      const indices = Uint32Array.from(selectIndices(selection, count, () => prefix.byClass));
      const needed = indices.length === 0 ? 0 : (Math.max(...indices) + 1) * CIFAR_IMAGE_BYTES;
      if (prefix.images.length < needed) prefix.images = await readImagePrefix(new URL(prefix.manifest.splits[split].images.path, baseUrl).href, prefix, split, needed);
      return { type: 'data-page-result', id, split, indices, labels: gatherLabels(prefix.labels, indices), pixels: gatherImages(prefix.images, indices) };
    },
  };
}

async function readLabels(baseUrl: string, split: CifarSplit): Promise<SplitPrefix> {
  const manifestText = await fetchManifestText(new URL(CIFAR_MANIFEST_FILE, baseUrl).href);
  const manifest = parseCifarManifestText(manifestText);
  const cache = await openCifarCache(manifest);
  const entry = manifest.splits[split].labels;
  const { bytes: labels } = await fetchVerified(new URL(entry.path, baseUrl).href, entry, { cache, onBytes: () => undefined });
  const byClass = indicesByClass(labels, CIFAR10_CLASSES.length);
  return { manifest, labels, byClass, cache, images: new Uint8Array(0) };
}

/** The first `needed` bytes of the images file: from the verified cached copy if there is one, else a Range request. */
async function readImagePrefix(url: string, prefix: SplitPrefix, split: CifarSplit, needed: number): Promise<Uint8Array> {
  const file = prefix.manifest.splits[split].images.path;
  const cached = await prefix.cache?.match(url).catch(() => undefined);
  let body = cached?.body ?? null;
  if (!body) {
    let response: Response;
    try {
      response = await fetch(url, { headers: { Range: `bytes=0-${needed - 1}` } });
    } catch (error) {
      throw new CifarDataError(file, `${file} could not be downloaded: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok || !response.body) throw new CifarDataError(file, `${file} could not be downloaded: HTTP ${response.status}`);
    body = response.body;
  }
  // A server that ignores Range sends the whole file: read what is needed and stop.
  const target = new Uint8Array(needed);
  const reader = body.getReader();
  let received = 0;
  try {
    while (received < needed) {
      const { done, value } = await reader.read();
      if (done) break;
      const take = Math.min(value.length, needed - received);
      target.set(value.subarray(0, take), received);
      received += take;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  if (received < needed) throw new CifarDataError(file, `${file} ended after ${received.toLocaleString('en-US')} bytes, before the images asked for`);
  return target;
}
