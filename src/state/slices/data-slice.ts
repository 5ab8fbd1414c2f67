import type { StateCreator } from 'zustand';
import type { CifarSplit } from '../../core/data/cifar-format';
import type { DatasetSummary } from '../../engine/protocol-data';
import type { AppState } from '../store';
import { createDataCommands, type DataCommands } from './data-commands';

export type { DatasetSummary } from '../../engine/protocol-data';
export type { DataPage, DataPageSelection } from './data-commands';

/**
 * One 32×32 RGB image the Learn and Train views show their visualisations on.
 * `pixels` is NHWC uint8 without the batch axis: 32 × 32 × 3 = 3 072 bytes, row-major RGB.
 */
export interface CurrentImage {
  readonly pixels: Uint8Array;
  /** Class index 0..9, or null for an image the user brought. */
  readonly label: number | null;
  /** Where it came from: a CIFAR-10 split and index, or a file name. */
  readonly source: { readonly kind: 'cifar'; readonly split: CifarSplit; readonly index: number } | { readonly kind: 'user'; readonly name: string };
}

/**
 * Where loading CIFAR-10 into the engine stands. Only 'ready' means every file arrived and matched
 * the manifest; training must not start in any other state.
 */
export type DataStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** Bytes of the data files so far, of all of them. */
export interface DataLoadProgress {
  readonly loadedBytes: number;
  readonly totalBytes: number;
  /** The file arriving now, e.g. "train-images.bin". */
  readonly file: string;
  /** Whether it comes from this browser's cache rather than the network. */
  readonly fromCache: boolean;
  /** What the engine is doing: receiving bytes (the default), saving a copy of `file`, or checking the set. */
  readonly stage?: 'receiving' | 'saving' | 'checking';
  /** True while the bytes come from a local copy the user picked (a folder, a USB stick). */
  readonly fromLocalCopy?: boolean;
}

/** Why loading failed, and which file (null when not one file, e.g. the engine stopped). */
export interface DataFailure {
  readonly message: string;
  readonly file: string | null;
}

/** Data-set state shared across areas. */
export interface DataData {
  readonly currentImage: CurrentImage | null;
  readonly dataStatus: DataStatus;
  /** Null until the first bytes arrive. */
  readonly dataProgress: DataLoadProgress | null;
  readonly dataError: DataFailure | null;
  /** Counts, classes and source of the loaded data set; null unless `dataStatus` is 'ready'. */
  readonly dataset: DatasetSummary | null;
  /** True once something asked for the data (`loadDataset`): every new engine then loads it again. */
  readonly dataWanted: boolean;
}
/** Data-set actions and commands. The `data*` ones are called by the data commands only. */
export interface DataActions extends DataCommands {
  setCurrentImage(image: CurrentImage | null): void;
  dataLoadStarted(): void;
  dataLoadProgressed(progress: DataLoadProgress): void;
  dataLoaded(summary: DatasetSummary): void;
  dataLoadFailed(failure: DataFailure): void;
}

/** Initial data-set state. */
export const initialDataData = (): DataData => ({ currentImage: null, dataStatus: 'idle', dataProgress: null, dataError: null, dataset: null, dataWanted: false });

/** Data-set slice. */
export const createDataSlice: StateCreator<AppState, [], [], DataData & DataActions> = (set, get, store) => ({
  ...createDataCommands(set, get, store),
  ...initialDataData(),
  setCurrentImage: (currentImage) => set({ currentImage }),
  dataLoadStarted: () => set({ dataStatus: 'loading', dataProgress: null, dataError: null, dataset: null }),
  dataLoadProgressed: (dataProgress) => set((state) => (state.dataStatus === 'loading' ? { dataProgress } : {})),
  dataLoaded: (dataset) => set({ dataStatus: 'ready', dataset, dataError: null }),
  dataLoadFailed: (dataError) => set({ dataStatus: 'failed', dataError, dataset: null }),
});
