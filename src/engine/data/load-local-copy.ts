/**
 * Load CIFAR-10 from a local copy the user picked (a folder or files, e.g. from a USB stick) instead of
 * downloading it: every file is checked against the manifest — size first, then SHA-256 as its bytes
 * are read — exactly as a download is, then kept in this browser's Cache Storage under the URL it
 * would have been downloaded from, so the next visit (and an offline one) reads it from there.
 *
 * Which manifest the files are checked against: the one the app serves, when it can be reached (a
 * picked manifest.json must then be the same data set); otherwise the picked manifest.json (the
 * server has no data folder, or the network is down); otherwise the one kept from an earlier load.
 */
import { CIFAR_MANIFEST_FILE, type CifarArrays, type CifarManifest, type CifarSplit } from '../../core/data/cifar-format';
import { describeLocalCorruption, describeOtherDataSet, describeLocalSizeMismatch, matchLocalCopy, pickedManifestIndex } from '../../core/data/cifar-local-copy';
import { CifarDataError, checkSplitBytes, cifarManifestBytes, cifarManifestFiles, cifarManifestFingerprint, parseCifarManifestText } from '../../core/data/cifar-manifest';
import { Sha256 } from '../../core/data/sha256';
import { cachedManifestText, openCifarCache, rememberManifest } from './cifar-cache';
import { keepVerifiedCopy, readInto } from './fetch-verified';
import type { LoadedCifar, LoadProgress } from './load-cifar';

/**
 * Load the data set from `files` (the picked files, any order; others are ignored), for the data folder
 * at `baseUrl` (absolute, ending in "/").
 * @throws CifarDataError naming the file when the manifest is missing or of another data set, or a data
 *   file is missing, of the wrong size or corrupt. Nothing partial is kept or returned.
 */
export async function loadCifarFromFiles(baseUrl: string, files: readonly File[], onProgress: (progress: LoadProgress) => void): Promise<LoadedCifar> {
  const manifestUrl = new URL(CIFAR_MANIFEST_FILE, baseUrl).href;
  const { manifest, text: manifestText } = await referenceManifest(manifestUrl, files);
  const matched = matchLocalCopy(manifest, files);
  const totalBytes = cifarManifestBytes(manifest);
  const bytes = new Map<string, Uint8Array<ArrayBuffer>>();
  let loadedBytes = 0;
  for (const { entry } of cifarManifestFiles(manifest)) {
    const file = files[matched.get(entry.path) ?? -1];
    if (!file) throw new CifarDataError(entry.path, `${entry.path} is not among the files you picked`);
    const target = new Uint8Array(entry.bytes);
    const hash = new Sha256();
    let received: number;
    try {
      received = await readInto(file.stream(), target, (delta, chunk) => {
        hash.update(chunk);
        loadedBytes += delta;
        onProgress({ loadedBytes, totalBytes, file: entry.path, fromCache: false, stage: 'receiving', fromLocalCopy: true });
      });
    } catch (error) {
      throw new CifarDataError(entry.path, `${entry.path} could not be read from your copy: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (received !== entry.bytes) throw new CifarDataError(entry.path, describeLocalSizeMismatch(entry.path, received, entry.bytes));
    if (hash.digestHex() !== entry.sha256) throw new CifarDataError(entry.path, describeLocalCorruption(entry.path));
    bytes.set(entry.path, target);
  }
  onProgress({ loadedBytes, totalBytes, file: CIFAR_MANIFEST_FILE, fromCache: false, stage: 'checking', fromLocalCopy: true });
  const split = (name: CifarSplit): CifarArrays => {
    const entry = manifest.splits[name];
    return checkSplitBytes(manifest, name, bytes.get(entry.images.path) ?? new Uint8Array(0), bytes.get(entry.labels.path) ?? new Uint8Array(0));
  };
  const train = split('train');
  const test = split('test');

  // Every file checked out: keep them for next time, the manifest last (a cached manifest means every file is there).
  const cache = await openCifarCache(manifest);
  let cacheNote: string | null = null;
  for (const { entry } of cifarManifestFiles(manifest)) {
    const kept = bytes.get(entry.path);
    if (!kept || cacheNote !== null) continue;
    onProgress({ loadedBytes, totalBytes, file: entry.path, fromCache: false, stage: 'saving', fromLocalCopy: true });
    cacheNote = await keepVerifiedCopy(cache, new URL(entry.path, baseUrl).href, kept);
  }
  if (cacheNote === null) await rememberManifest(cache, manifestUrl, manifestText);
  return { manifest, train, test, fromCache: false, cacheNote };
}

/** The manifest to check the files against, and its text (kept with the files). */
async function referenceManifest(manifestUrl: string, files: readonly File[]): Promise<{ manifest: CifarManifest; text: string }> {
  const pickedFile = files[pickedManifestIndex(files)];
  const picked = pickedFile ? parseManifestText(await pickedFile.text(), 'in your copy') : null;
  const served = await servedManifestText(manifestUrl);
  if (served !== null) {
    const reference = parseManifestText(served, 'served by the app');
    if (picked && cifarManifestFingerprint(picked.manifest) !== cifarManifestFingerprint(reference.manifest)) {
      throw new CifarDataError(CIFAR_MANIFEST_FILE, describeOtherDataSet());
    }
    return reference;
  }
  if (picked) return picked;
  const cached = await cachedManifestText(manifestUrl);
  if (cached !== null) return parseManifestText(cached, 'kept from an earlier load');
  throw new CifarDataError(CIFAR_MANIFEST_FILE, `${CIFAR_MANIFEST_FILE} is not among the files you picked, and the app's own could not be reached: pick it too`);
}

/** The app's manifest from the network, or null when it cannot be had (offline, no data folder). */
async function servedManifestText(manifestUrl: string): Promise<string | null> {
  try {
    const response = await fetch(manifestUrl, { cache: 'no-cache' });
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

function parseManifestText(text: string, where: string): { manifest: CifarManifest; text: string } {
  return { manifest: parseCifarManifestText(text, where), text };
}
