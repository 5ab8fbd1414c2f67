/**
 * The data domain's commands to the engine: start (or retry) loading CIFAR-10 into the engine, mirror
 * its progress and outcome into the data slice, and fetch pages of images for the browser. Loading
 * starts when something needs the data (the dataset browser, training), not at page load: 184 MB is a
 * lot to pull over a classroom's Wi-Fi for a student who only opened a lesson.
 */
import type { StateCreator } from 'zustand';
import { CIFAR_DATA_DIR, type CifarSplit } from '../../core/data/cifar-format';
import type { DataEvent, DataPageSelection } from '../../engine/protocol-data';
import { sessionOf } from '../engine-session';
import type { AppState } from '../store';

export type { DataPageSelection } from '../../engine/protocol-data';

/** A page of images, copied out of the engine: NHWC uint8 `pixels`, with `labels` and split `indices`. */
export interface DataPage {
  readonly split: CifarSplit;
  readonly indices: Uint32Array;
  readonly labels: Uint8Array;
  readonly pixels: Uint8Array;
}

/** Data commands, and what the engine session calls on the data domain. */
export interface DataCommands {
  /**
   * Load CIFAR-10 into the engine, or load it again after a failure (the Retry button). Does nothing
   * while a load runs or once the data is ready. Safe to call before the engine is up: the load
   * starts when it is.
   */
  loadDataset(): void;
  /**
   * Load CIFAR-10 from a local copy the user picked (manifest.json and the four .bin files, e.g. from
   * a USB stick) instead of downloading it: checked against the manifest like a download, kept in this
   * browser for next time. Stops a download in progress.
   */
  loadDatasetFromFiles(files: readonly File[]): void;
  /**
   * Make the first test image the current one without loading the whole data set (lesson 9's one
   * picture: the engine reads 3 KB of it, not 184 MB). Does nothing once an image is chosen.
   */
  chooseFirstTestImage(): Promise<void>;
  /**
   * Ask the engine for a page of images (asked while the engine starts, it waits for it).
   * @throws (rejects) Error when the engine could not start, the data is not loaded, or the selection is invalid.
   */
  requestDataPage(split: CifarSplit, selection: DataPageSelection): Promise<DataPage>;
  /** A data event from the engine (routed by the engine session). */
  dataEventReceived(event: Exclude<DataEvent, { type: 'data-page-result' }>): void;
  /** A new engine is ready: it holds no data, so it loads again if the data was wanted. */
  dataEngineStarted(): void;
  /** The engine is going away, and the data it held with it: nothing may train on it any more. */
  dataEngineStopped(): void;
  /** The engine died (`message` says how); a load in progress will not finish. */
  dataEngineFailed(message: string): void;
}

/** The absolute URL of the served data folder. */
function dataBaseUrl(): string {
  return new URL(CIFAR_DATA_DIR, document.baseURI).href;
}

/** The data commands, spread into the data slice. */
export const createDataCommands: StateCreator<AppState, [], [], DataCommands> = (set, get) => {
  const startLoad = (): void => {
    const session = sessionOf(get());
    if (!session.isRunning()) return;
    get().dataLoadStarted();
    session.send({ type: 'data-load', baseUrl: dataBaseUrl() });
  };
  const requestDataPage = async (split: CifarSplit, selection: DataPageSelection): Promise<DataPage> => {
    // With the folder named, the engine reads just these images when the whole set is not loaded.
    const event = await sessionOf(get()).request({ type: 'data-page', split, selection, baseUrl: dataBaseUrl() });
    if (event.type !== 'data-page-result') throw new Error(`the engine answered a page request with ${event.type}`);
    return { split: event.split, indices: event.indices, labels: event.labels, pixels: event.pixels };
  };
  /** Give Learn and Train a real picture to show before anyone picks one: the first test image. */
  const chooseFirstTestImage = async (): Promise<void> => {
    try {
      const page = await requestDataPage('test', { kind: 'indices', indices: [0] });
      if (get().currentImage) return;
      get().setCurrentImage({ pixels: page.pixels, label: page.labels[0] ?? null, source: { kind: 'cifar', split: 'test', index: 0 } });
    } catch {
      // Not essential: the views show their own placeholder until an image is chosen.
    }
  };
  return {
    loadDataset: () => {
      set({ dataWanted: true });
      const { dataStatus } = get();
      if (dataStatus !== 'loading' && dataStatus !== 'ready') startLoad();
    },
    loadDatasetFromFiles: (files) => {
      set({ dataWanted: true });
      const session = sessionOf(get());
      get().dataLoadStarted();
      // Asked while the engine starts, this waits for it; an engine that cannot start fails the load.
      session.request({ type: 'data-load-files', baseUrl: dataBaseUrl(), files: [...files] }).catch((error: unknown) => {
        if (get().dataStatus === 'loading') get().dataLoadFailed({ message: error instanceof Error ? error.message : String(error), file: null });
      });
    },
    requestDataPage,
    chooseFirstTestImage,
    dataEventReceived: (event) => {
      const state = get();
      switch (event.type) {
        case 'data-progress':
          state.dataLoadProgressed({
            loadedBytes: event.loadedBytes,
            totalBytes: event.totalBytes,
            file: event.file,
            fromCache: event.fromCache,
            stage: event.stage,
            ...(event.fromLocalCopy ? { fromLocalCopy: true } : {}),
          });
          return;
        case 'data-loaded':
          state.dataLoaded(event.summary);
          if (!state.currentImage) void chooseFirstTestImage();
          return;
        case 'data-error':
          // A page's error answers its request (the session settles it); only a failed load is the data's.
          if (event.command === 'load') state.dataLoadFailed({ message: event.message, file: event.file });
          return;
      }
    },
    dataEngineStarted: () => {
      if (get().dataWanted) startLoad();
    },
    dataEngineStopped: () => {
      const { dataStatus, dataLoadFailed } = get();
      if (dataStatus === 'loading' || dataStatus === 'ready') dataLoadFailed({ message: 'the engine stopped, and the data set with it', file: null });
    },
    dataEngineFailed: (message) => {
      if (get().dataStatus === 'loading') get().dataLoadFailed({ message: `the engine stopped while loading: ${message}`, file: null });
    },
  };
};
