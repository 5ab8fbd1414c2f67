/**
 * The engine's handler for data commands: load CIFAR-10 (one load at a time; a second request while
 * one runs joins it), report progress at most about ten times a second, answer page requests.
 */
import { CifarDataError, cifarManifestBytes } from '../../core/data/cifar-manifest';
import type { DataCommand, DataEvent, DatasetSummary } from '../protocol-data';
import { buildDataPage } from './data-page';
import { clearLoadedDataset, getLoadedManifest, setLoadedDataset } from './dataset-store';
import { loadCifar, type LoadProgress } from './load-cifar';

/** Least time between two progress events: at most about ten a second reach the page. */
export const PROGRESS_INTERVAL_MS = 100;

/** Handles data commands; answers through `emit`. */
export interface DataHandler {
  /** Handle one command. Never throws: failures become `data-error` events. */
  handle(command: DataCommand): Promise<void>;
}

/** Make the data handler of one engine. `now` is injectable for tests of the rate limit. */
export function createDataHandler(emit: (event: DataEvent) => void, now: () => number = () => performance.now()): DataHandler {
  let inFlight: { baseUrl: string; done: Promise<DatasetSummary> } | null = null;
  let loadedFrom: { baseUrl: string; summary: DatasetSummary } | null = null;

  async function load(id: number, baseUrl: string): Promise<DatasetSummary> {
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
    const loaded = await loadCifar(baseUrl, report);
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
    };
    loadedFrom = { baseUrl, summary };
    return summary;
  }

  return {
    async handle(command) {
      if (command.type === 'data-page') {
        try {
          emit(buildDataPage(command.id, command.split, command.selection));
        } catch (error) {
          emit({ type: 'data-error', id: command.id, command: 'page', message: messageOf(error), file: null });
        }
        return;
      }
      const { id, baseUrl } = command;
      try {
        if (loadedFrom?.baseUrl === baseUrl && getLoadedManifest()) {
          emit({ type: 'data-loaded', id, summary: loadedFrom.summary });
          return;
        }
        if (inFlight?.baseUrl !== baseUrl) inFlight = { baseUrl, done: load(id, baseUrl) };
        const current = inFlight;
        const summary = await current.done.finally(() => {
          if (inFlight === current) inFlight = null;
        });
        emit({ type: 'data-loaded', id, summary });
      } catch (error) {
        emit({ type: 'data-error', id, command: 'load', message: messageOf(error), file: error instanceof CifarDataError ? error.file : null });
      }
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
