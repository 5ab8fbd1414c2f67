/**
 * The engine's handler for data commands: load CIFAR-10 (one load at a time; a second request while
 * one runs joins it), or from a local copy the user picked (which stops a download in flight), report
 * progress at most about ten times a second, answer page requests.
 */
import { CifarDataError, cifarManifestBytes } from '../../core/data/cifar-manifest';
import type { DataCommand, DataEvent, DatasetSummary } from '../protocol-data';
import { buildDataPage } from './data-page';
import { createPartialPages } from './partial-page';
import { clearLoadedDataset, getLoadedManifest, setLoadedDataset } from './dataset-store';
import { loadCifar, type LoadedCifar, type LoadProgress } from './load-cifar';
import { loadCifarFromFiles } from './load-local-copy';

/** Least time between two progress events: at most about ten a second reach the page. */
export const PROGRESS_INTERVAL_MS = 100;

/** Handles data commands; answers through `emit`. */
export interface DataHandler {
  /** Handle one command. Never throws: failures become `data-error` events. */
  handle(command: DataCommand): Promise<void>;
}

/** Make the data handler of one engine. `now` is injectable for tests of the rate limit. */
export function createDataHandler(emit: (event: DataEvent) => void, now: () => number = () => performance.now()): DataHandler {
  let inFlight: { baseUrl: string; done: Promise<DatasetSummary>; abort: AbortController } | null = null;
  let loadedFrom: { baseUrl: string; summary: DatasetSummary } | null = null;
  const partial = createPartialPages();

  /** Load from the network (or this browser's cache), or from `files` when the user picked a local copy. */
  async function load(id: number, baseUrl: string, files: readonly File[] | null, signal: AbortSignal): Promise<DatasetSummary> {
    clearLoadedDataset();
    loadedFrom = null;
    const started = now();
    let lastSent = -Infinity;
    const report = (progress: LoadProgress): void => {
      // The last bytes and every change of stage always go out: they are what the page waits on.
      const finished = progress.loadedBytes >= progress.totalBytes || progress.stage !== 'receiving';
      if (!finished && now() - lastSent < PROGRESS_INTERVAL_MS) return;
      lastSent = now();
      emit({ type: 'data-progress', id, ...progress });
    };
    const loaded: LoadedCifar = files ? await loadCifarFromFiles(baseUrl, files, report) : await loadCifar(baseUrl, report, signal);
    setLoadedDataset(loaded.manifest, loaded.train, loaded.test);
    const { manifest } = loaded;
    const summary: DatasetSummary = {
      source: manifest.source,
      classes: manifest.classes,
      splits: {
        train: { count: manifest.splits.train.count, perClass: manifest.splits.train.perClass },
        test: { count: manifest.splits.test.count, perClass: manifest.splits.test.perClass },
      },
      totalBytes: cifarManifestBytes(manifest),
      fromCache: loaded.fromCache,
      cacheNote: loaded.cacheNote,
      loadMs: Math.round(now() - started),
      ...(files ? { fromLocalCopy: true } : {}),
    };
    loadedFrom = { baseUrl, summary };
    return summary;
  }

  return {
    async handle(command) {
      if (command.type === 'data-page') {
        try {
          // Without the whole set, a few images are read from the start of the files instead of waiting for 184 MB.
          const page = !getLoadedManifest() && command.baseUrl ? await partial.page(command.id, command.split, command.selection, command.baseUrl) : buildDataPage(command.id, command.split, command.selection);
          emit(page);
        } catch (error) {
          emit({ type: 'data-error', id: command.id, command: 'page', message: messageOf(error), file: null });
        }
        return;
      }
      const { id, baseUrl } = command;
      const files = command.type === 'data-load-files' ? command.files : null;
      let current: NonNullable<typeof inFlight> | null = null;
      try {
        if (!files && loadedFrom?.baseUrl === baseUrl && getLoadedManifest()) {
          emit({ type: 'data-loaded', id, summary: loadedFrom.summary });
          return;
        }
        if (files || inFlight?.baseUrl !== baseUrl) {
          // A local copy replaces whatever was loading: the download in flight stops where it is.
          inFlight?.abort.abort();
          const abort = new AbortController();
          inFlight = { baseUrl, abort, done: load(id, baseUrl, files, abort.signal) };
        }
        current = inFlight;
        const summary = await current.done.finally(() => {
          if (inFlight === current) inFlight = null;
        });
        emit({ type: 'data-loaded', id, summary });
      } catch (error) {
        // A download stopped for a local copy is not a failure: the local copy's load reports for it.
        if (current?.abort.signal.aborted) return;
        emit({ type: 'data-error', id, command: 'load', message: messageOf(error), file: error instanceof CifarDataError ? error.file : null });
      }
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
