/**
 * A local copy of the prepared CIFAR-10 files (manifest.json and the four .bin files of
 * `public/data/cifar10`, e.g. on a USB stick), picked by the user instead of downloading 184 MB:
 * which picked file is which, and what is missing or of the wrong size — said with the file's name
 * before a byte of it is read. Checksums are checked as the bytes are read (the engine's job).
 */
import { CIFAR_MANIFEST_FILE, type CifarManifest } from './cifar-format';
import { CifarDataError, cifarManifestFiles } from './cifar-manifest';

/** What the picker tells about one picked file. */
export interface PickedFileInfo {
  /** The file's own name, e.g. "train-images.bin" (a folder pick gives the path separately). */
  readonly name: string;
  readonly size: number;
}

/** The picked manifest.json, as an index into the picked files, or -1 when none was picked. */
export function pickedManifestIndex(picked: readonly PickedFileInfo[]): number {
  return picked.findIndex((file) => file.name === CIFAR_MANIFEST_FILE);
}

/**
 * Which picked file holds each data file the manifest lists (by name; other picked files are ignored).
 * @returns the manifest's file paths mapped to indices into `picked`, smallest files first.
 * @throws CifarDataError naming the first missing file (the message lists every missing one) or the
 *   first file whose size differs from the manifest's.
 */
export function matchLocalCopy(manifest: CifarManifest, picked: readonly PickedFileInfo[]): Map<string, number> {
  const matched = new Map<string, number>();
  const missing: string[] = [];
  for (const { entry } of cifarManifestFiles(manifest)) {
    const index = picked.findIndex((file) => file.name === entry.path);
    if (index < 0) missing.push(entry.path);
    else matched.set(entry.path, index);
  }
  const [firstMissing] = missing;
  if (firstMissing !== undefined) {
    const names = missing.join(', ');
    throw new CifarDataError(firstMissing, `${names} ${missing.length === 1 ? 'is' : 'are'} not among the files you picked: pick the folder that holds ${CIFAR_MANIFEST_FILE} and the four .bin files (or all five files)`);
  }
  for (const { entry } of cifarManifestFiles(manifest)) {
    const file = picked[matched.get(entry.path) ?? -1];
    if (file && file.size !== entry.bytes) throw new CifarDataError(entry.path, describeLocalSizeMismatch(entry.path, file.size, entry.bytes));
  }
  return matched;
}

/** "train-images.bin is 1,000,000 bytes, the manifest says 153,600,000: the copy is incomplete (…)". */
export function describeLocalSizeMismatch(file: string, actualBytes: number, expectedBytes: number): string {
  const why = actualBytes < expectedBytes ? 'the copy is incomplete (was it still being copied?)' : 'it is not the file the manifest describes';
  return `${file} in your copy is ${actualBytes.toLocaleString('en-US')} bytes, the manifest says ${expectedBytes.toLocaleString('en-US')}: ${why}`;
}

/** The message for a picked file whose bytes do not hash to the manifest's SHA-256. */
export function describeLocalCorruption(file: string): string {
  return `${file} in your copy is corrupt: its SHA-256 differs from the manifest's (copy it again from a good copy, or let the app download it)`;
}

/** The message for a picked manifest.json that lists another data set than the one the app serves. */
export function describeOtherDataSet(): string {
  return `${CIFAR_MANIFEST_FILE} in your copy describes another data set than the one this app serves: prepare the copy from the app's own data/cifar10 folder (npm run data makes it)`;
}
