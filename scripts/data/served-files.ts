/**
 * The served CIFAR-10 folder (`public/data/cifar10/`, see src/core/data/cifar-format.ts) on disk: write it
 * from two splits, check it quickly (sizes) or fully (SHA-256), and read it back — the Node loader the
 * tests and the training CLI use.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CIFAR10_CLASSES,
  CIFAR_CHANNELS,
  CIFAR_IMAGE_BYTES,
  CIFAR_IMAGE_SIZE,
  CIFAR_MANIFEST_FILE,
  CIFAR_SPLITS,
  cifarFileNames,
  type CifarArrays,
  type CifarFileEntry,
  type CifarManifest,
  type CifarSplit,
  type CifarSplitEntry,
} from '../../src/core/data/cifar-format';
import { CifarDataError, checkSplitBytes, cifarManifestFiles, describeSizeMismatch, parseCifarManifest } from '../../src/core/data/cifar-manifest';

/** Where `npm run data` writes, relative to the repository root. */
export const SERVED_DIR = join('public', 'data', 'cifar10');

/** Both splits in memory. */
export interface CifarSplits {
  readonly train: CifarArrays;
  readonly test: CifarArrays;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Write both splits and their manifest into `dir`, replacing what was there. Files go to a sibling
 * temporary folder first and are renamed into place at the end, so an interrupted run never leaves
 * a manifest that describes files that are not all there.
 *
 * @returns the manifest written.
 * @throws CifarDataError when a split's labels are not class indices (nothing is replaced then).
 */
export function writeServedCifar(dir: string, splits: CifarSplits, source: string): CifarManifest {
  const staging = `${dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const entries = {} as Record<CifarSplit, CifarSplitEntry>;
  for (const split of CIFAR_SPLITS) {
    const { images, labels, count } = splits[split];
    const names = cifarFileNames(split);
    const perClass = CIFAR10_CLASSES.map((_, classIndex) => labels.reduce((n, label) => n + (label === classIndex ? 1 : 0), 0));
    if (perClass.reduce((sum, n) => sum + n, 0) !== count) throw new CifarDataError(names.labels, `${split} labels must all be class indices 0–9`);
    if (images.length !== count * CIFAR_IMAGE_BYTES) throw new CifarDataError(names.images, `${split} images must be ${count} × ${CIFAR_IMAGE_BYTES} bytes, got ${images.length}`);
    writeFileSync(join(staging, names.images), images);
    writeFileSync(join(staging, names.labels), labels);
    entries[split] = {
      count,
      perClass,
      images: { path: names.images, bytes: images.length, sha256: sha256(images) },
      labels: { path: names.labels, bytes: labels.length, sha256: sha256(labels) },
    };
  }
  const manifest: CifarManifest = {
    format: 'cnn-playground-cifar10',
    version: 1,
    source,
    classes: [...CIFAR10_CLASSES],
    imageShape: [CIFAR_IMAGE_SIZE, CIFAR_IMAGE_SIZE, CIFAR_CHANNELS],
    layout: 'NHWC-uint8',
    splits: entries,
  };
  writeFileSync(join(staging, CIFAR_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(dirname(dir), { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return manifest;
}

/**
 * The manifest in `dir`, parsed and checked.
 * @throws CifarDataError naming manifest.json when it is missing or not a manifest this app reads.
 */
export function readServedManifest(dir: string): CifarManifest {
  const path = join(dir, CIFAR_MANIFEST_FILE);
  if (!existsSync(path)) throw new CifarDataError(CIFAR_MANIFEST_FILE, `${path} is missing: run \`npm run data\``);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CifarDataError(CIFAR_MANIFEST_FILE, `${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseCifarManifest(json);
}

/**
 * The cheap check run before start, build and tests: the manifest parses and every file it lists
 * exists with the size it states. Reads no file contents (milliseconds).
 *
 * @throws CifarDataError naming the first file that is missing or has the wrong size.
 */
export function checkServedQuick(dir: string): CifarManifest {
  const manifest = readServedManifest(dir);
  for (const { entry } of cifarManifestFiles(manifest)) {
    const path = join(dir, entry.path);
    if (!existsSync(path)) throw new CifarDataError(entry.path, `${path} is missing`);
    const bytes = statSync(path).size;
    if (bytes !== entry.bytes) throw new CifarDataError(entry.path, describeSizeMismatch(entry.path, bytes, entry.bytes));
  }
  return manifest;
}

/**
 * Read both splits from `dir` and check them against the manifest: sizes, labels, per-class counts,
 * and — unless `verifyChecksums` is false — every file's SHA-256 (about a second for the full set).
 *
 * @throws CifarDataError naming the first file that is missing, truncated or corrupt.
 */
export function readServedCifar(dir: string, options: { verifyChecksums?: boolean } = {}): CifarSplits & { manifest: CifarManifest } {
  const manifest = checkServedQuick(dir);
  const read = (entry: CifarFileEntry): Uint8Array => {
    const bytes = new Uint8Array(readFileSync(join(dir, entry.path)));
    if (options.verifyChecksums !== false && sha256(bytes) !== entry.sha256) {
      throw new CifarDataError(entry.path, `${entry.path} is corrupt: its SHA-256 differs from the manifest's`);
    }
    return bytes;
  };
  const split = (name: CifarSplit): CifarArrays => {
    const entry = manifest.splits[name];
    return checkSplitBytes(manifest, name, read(entry.images), read(entry.labels));
  };
  return { manifest, train: split('train'), test: split('test') };
}
