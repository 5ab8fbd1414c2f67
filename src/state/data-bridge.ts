/**
 * The store's side of the engine's data domain: start (or retry) loading CIFAR-10 into the engine,
 * mirror its progress and outcome into the data slice, and fetch pages of images for the browser.
 * Loading starts when something needs the data (the dataset browser, training), not at page load:
 * 184 MB is a lot to pull over a classroom's Wi-Fi for a student who only opened a lesson.
 */
import { CIFAR_DATA_DIR, type CifarSplit } from '../core/cifar-format';
import type { EngineClient } from '../engine/client';
import type { EngineEvent } from '../engine/protocol';
import type { DataPageSelection } from '../engine/protocol-data';
import { useAppStore } from './store';

export type { DataPageSelection } from '../engine/protocol-data';

/** A page of images, copied out of the engine: NHWC uint8 `pixels`, with `labels` and split `indices`. */
export interface DataPage {
  readonly split: CifarSplit;
  readonly indices: Uint32Array;
  readonly labels: Uint8Array;
  readonly pixels: Uint8Array;
}

interface Pending {
  resolve(page: DataPage): void;
  reject(error: Error): void;
}

let client: EngineClient | null = null;
let unsubscribe: (() => void) | null = null;
let wanted = false;
const pendingPages = new Map<number, Pending>();

/** Absolute URL of the served data folder, next to index.html wherever the app is hosted. */
function dataBaseUrl(): string {
  return new URL(CIFAR_DATA_DIR, document.baseURI).href;
}

/**
 * Give the data bridge the engine to talk to (null when it stops). Called by the engine bridge on
 * every (re)start: a new engine holds no data, so it loads again at once if the data was wanted.
 */
export function attachDataClient(next: EngineClient | null): void {
  unsubscribe?.();
  unsubscribe = null;
  for (const pending of pendingPages.values()) pending.reject(new Error('the engine restarted before the images arrived'));
  pendingPages.clear();
  client = next;
  if (!next) {
    // The data lived in the engine that is gone: nothing may train on it any more.
    const { dataStatus, dataLoadFailed } = useAppStore.getState();
    if (dataStatus === 'loading' || dataStatus === 'ready') dataLoadFailed({ message: 'the engine stopped, and the data set with it', file: null });
    return;
  }
  unsubscribe = next.subscribe(onEvent);
  if (wanted) send();
}

/**
 * Load CIFAR-10 into the engine, or load it again after a failure (the Retry button). Does nothing
 * while a load runs or once the data is ready. Safe to call before the engine is up: the load starts
 * when it is.
 */
export function loadDataset(): void {
  wanted = true;
  const { dataStatus } = useAppStore.getState();
  if (dataStatus === 'loading' || dataStatus === 'ready') return;
  if (client) send();
}

/**
 * Ask the engine for a page of images.
 * @throws (rejects) Error when no engine runs, the data is not loaded, or the selection is invalid.
 */
export function requestDataPage(split: CifarSplit, selection: DataPageSelection): Promise<DataPage> {
  if (!client) return Promise.reject(new Error('the engine is not running yet'));
  const id = client.send({ type: 'data-page', split, selection });
  return new Promise((resolve, reject) => pendingPages.set(id, { resolve, reject }));
}

function send(): void {
  if (!client) return;
  useAppStore.getState().dataLoadStarted();
  client.send({ type: 'data-load', baseUrl: dataBaseUrl() });
}

function onEvent(event: EngineEvent): void {
  const actions = useAppStore.getState();
  switch (event.type) {
    case 'data-progress':
      actions.dataLoadProgressed({ loadedBytes: event.loadedBytes, totalBytes: event.totalBytes, file: event.file, fromCache: event.fromCache, stage: event.stage });
      return;
    case 'data-loaded':
      actions.dataLoaded(event.summary);
      if (!actions.currentImage) void chooseFirstTestImage();
      return;
    case 'data-page-result':
      pendingPages.get(event.id)?.resolve({ split: event.split, indices: event.indices, labels: event.labels, pixels: event.pixels });
      pendingPages.delete(event.id);
      return;
    case 'data-error':
      if (event.command === 'load') actions.dataLoadFailed({ message: event.message, file: event.file });
      pendingPages.get(event.id)?.reject(new Error(event.message));
      pendingPages.delete(event.id);
      return;
    case 'fatal':
      if (actions.dataStatus === 'loading') actions.dataLoadFailed({ message: `the engine stopped while loading: ${event.message}`, file: null });
      return;
  }
}

/** Give Learn and Train a real picture to show before anyone picks one: the first test image. */
async function chooseFirstTestImage(): Promise<void> {
  try {
    const page = await requestDataPage('test', { kind: 'indices', indices: [0] });
    if (useAppStore.getState().currentImage) return;
    useAppStore.getState().setCurrentImage({ pixels: page.pixels, label: page.labels[0] ?? null, source: { kind: 'cifar', split: 'test', index: 0 } });
  } catch {
    // Not essential: the views show their own placeholder until an image is chosen.
  }
}
