/**
 * Reading and checking the served CIFAR-10 files (see `cifar-format.ts`) without trusting them: a
 * manifest of the wrong shape, a file of the wrong size, a label out of range or a class count that
 * differs from the manifest all fail here, with the file named, before any training can start.
 */
import {
  CIFAR10_CLASSES,
  CIFAR_CHANNELS,
  CIFAR_IMAGE_BYTES,
  CIFAR_IMAGE_SIZE,
  CIFAR_MANIFEST_FILE,
  CIFAR_SPLITS,
  type CifarArrays,
  type CifarFileEntry,
  type CifarManifest,
  type CifarSplit,
  type CifarSplitEntry,
} from './cifar-format';
import { sha256Hex } from './sha256';

/** A data file is missing, truncated, corrupt or inconsistent. `file` names it (null: not one file). */
export class CifarDataError extends Error {
  override readonly name = 'CifarDataError';
  constructor(
    /** The file at fault, relative to the data folder, e.g. "train-images.bin". */
    readonly file: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** One file of the data set, with the split and role it plays. */
export interface CifarFileRef {
  readonly split: CifarSplit;
  readonly role: 'images' | 'labels';
  readonly entry: CifarFileEntry;
}

/**
 * Read a manifest from its text: JSON first, then the checks of {@link parseCifarManifest}. `where`
 * ("in your copy") goes into the message when the text is not JSON, to say which manifest it was.
 *
 * @throws CifarDataError naming manifest.json.
 */
export function parseCifarManifestText(text: string, where?: string): CifarManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CifarDataError(CIFAR_MANIFEST_FILE, `${CIFAR_MANIFEST_FILE}${where === undefined ? '' : ` ${where}`} is not valid JSON`);
  }
  return parseCifarManifest(json);
}

/**
 * Check that `value` (parsed JSON) is a manifest this app can read.
 * @throws CifarDataError naming manifest.json and the field that failed.
 */
export function parseCifarManifest(value: unknown): CifarManifest {
  const fail = (what: string): never => {
    throw new CifarDataError(CIFAR_MANIFEST_FILE, `${CIFAR_MANIFEST_FILE} is not a CIFAR-10 manifest this app can read: ${what}`);
  };
  if (!isRecord(value)) return fail('it is not a JSON object');
  if (value.format !== 'cnn-playground-cifar10') fail(`format must be "cnn-playground-cifar10", got ${JSON.stringify(value.format)}`);
  if (value.version !== 1) fail(`version must be 1, got ${JSON.stringify(value.version)}`);
  if (value.layout !== 'NHWC-uint8') fail(`layout must be "NHWC-uint8", got ${JSON.stringify(value.layout)}`);
  const shape = value.imageShape;
  if (!Array.isArray(shape) || shape.join() !== [CIFAR_IMAGE_SIZE, CIFAR_IMAGE_SIZE, CIFAR_CHANNELS].join()) {
    fail(`imageShape must be [32, 32, 3], got ${JSON.stringify(shape)}`);
  }
  if (!Array.isArray(value.classes) || value.classes.join() !== CIFAR10_CLASSES.join()) fail('classes must be the ten CIFAR-10 classes in order');
  if (typeof value.source !== 'string') fail('source must be a string');
  const splits = value.splits;
  if (!isRecord(splits)) return fail('splits is missing');
  for (const split of CIFAR_SPLITS) checkSplitEntry(splits[split], split, fail);
  return value as unknown as CifarManifest;
}

/** Every file the manifest lists, test before train, labels before images (smallest first). */
export function cifarManifestFiles(manifest: CifarManifest): CifarFileRef[] {
  return CIFAR_SPLITS.flatMap((split) => [
    { split, role: 'labels' as const, entry: manifest.splits[split].labels },
    { split, role: 'images' as const, entry: manifest.splits[split].images },
  ]);
}

/** Total bytes of all files the manifest lists. */
export function cifarManifestBytes(manifest: CifarManifest): number {
  return cifarManifestFiles(manifest).reduce((sum, file) => sum + file.entry.bytes, 0);
}

/**
 * A short name for this exact data set (16 hex digits from its files' checksums), so caches keyed by
 * it drop the old files when the data set changes.
 */
export function cifarManifestFingerprint(manifest: CifarManifest): string {
  const checksums = cifarManifestFiles(manifest).map((file) => file.entry.sha256).join('\n');
  return sha256Hex(new TextEncoder().encode(checksums)).slice(0, 16);
}

/**
 * The message for a file whose byte count differs from the manifest's.
 */
export function describeSizeMismatch(file: string, actualBytes: number, expectedBytes: number): string {
  return actualBytes < expectedBytes
    ? `${file} is truncated: ${actualBytes.toLocaleString('en-US')} of ${expectedBytes.toLocaleString('en-US')} bytes arrived`
    : `${file} is too long: ${actualBytes.toLocaleString('en-US')} bytes where the manifest says ${expectedBytes.toLocaleString('en-US')}`;
}

/**
 * Check one split's bytes against the manifest and return them as `CifarArrays` (no copy).
 * Checks sizes, that every label is a class index, and the per-class counts; checksums are the
 * caller's job (it sees the bytes as they stream).
 *
 * @throws CifarDataError naming the file that failed.
 */
export function checkSplitBytes(manifest: CifarManifest, split: CifarSplit, images: Uint8Array, labels: Uint8Array): CifarArrays {
  const entry = manifest.splits[split];
  if (images.length !== entry.images.bytes) throw new CifarDataError(entry.images.path, describeSizeMismatch(entry.images.path, images.length, entry.images.bytes));
  if (labels.length !== entry.labels.bytes) throw new CifarDataError(entry.labels.path, describeSizeMismatch(entry.labels.path, labels.length, entry.labels.bytes));
  const perClass = new Array<number>(CIFAR10_CLASSES.length).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] ?? 0;
    if (label >= CIFAR10_CLASSES.length) throw new CifarDataError(entry.labels.path, `${entry.labels.path} is corrupt: label ${i} is ${label}, not a class index 0–9`);
    perClass[label] = (perClass[label] ?? 0) + 1;
  }
  if (perClass.join() !== entry.perClass.join()) {
    throw new CifarDataError(entry.labels.path, `${entry.labels.path} is corrupt: images per class are ${perClass.join(', ')}, the manifest says ${entry.perClass.join(', ')}`);
  }
  return { count: entry.count, images, labels };
}

function checkSplitEntry(value: unknown, split: CifarSplit, fail: (what: string) => never): asserts value is CifarSplitEntry {
  if (!isRecord(value)) return fail(`splits.${split} is missing`);
  const { count, perClass } = value;
  if (!Number.isInteger(count) || typeof count !== 'number' || count < 1) return fail(`splits.${split}.count must be a positive integer`);
  if (!Array.isArray(perClass) || perClass.length !== CIFAR10_CLASSES.length || perClass.reduce((sum: number, n: unknown) => sum + (Number.isInteger(n) ? Number(n) : NaN), 0) !== count) {
    fail(`splits.${split}.perClass must be ten integer counts summing to ${count}`);
  }
  checkFileEntry(value.images, `splits.${split}.images`, count * CIFAR_IMAGE_BYTES, fail);
  checkFileEntry(value.labels, `splits.${split}.labels`, count, fail);
}

function checkFileEntry(value: unknown, where: string, expectedBytes: number, fail: (what: string) => never): void {
  if (!isRecord(value)) return fail(`${where} is missing`);
  if (typeof value.path !== 'string' || !/^[\w.-]+$/.test(value.path)) fail(`${where}.path must be a plain file name`);
  if (value.bytes !== expectedBytes) fail(`${where}.bytes must be ${expectedBytes} for its count, got ${JSON.stringify(value.bytes)}`);
  if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256)) fail(`${where}.sha256 must be 64 lower-case hex digits`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
