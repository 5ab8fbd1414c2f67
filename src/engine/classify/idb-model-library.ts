import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LibraryEntry } from '../protocol-classify';
import type { ModelLibrary } from './model-library';
import type { StoredArtifacts } from './model-artifacts';

/** Database of the model library alone, so its versions never collide with another feature's. */
const DATABASE_NAME = 'cnn-playground-models';

interface LibraryDatabase extends DBSchema {
  /** Small entries, listed without reading any weights. */
  entries: { key: string; value: LibraryEntry };
  /** Topology and weights (about 15 MB for the tutorial's model), read only to load or export. */
  artifacts: { key: string; value: StoredArtifacts };
}

/**
 * The model library in IndexedDB (available in workers). Entries and artifacts are written and
 * deleted in one transaction, so a list never shows a model whose weights are missing.
 * A full disk surfaces as the browser's QuotaExceededError from `save`.
 */
export function createIdbModelLibrary(): ModelLibrary {
  let database: Promise<IDBPDatabase<LibraryDatabase>> | null = null;
  const open = (): Promise<IDBPDatabase<LibraryDatabase>> => {
    database ??= openDB<LibraryDatabase>(DATABASE_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('entries');
        db.createObjectStore('artifacts');
      },
    });
    return database;
  };
  return {
    async list() {
      const entries = await (await open()).getAll('entries');
      return entries.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
    },
    async has(name) {
      return (await (await open()).getKey('entries', name)) !== undefined;
    },
    async save(entry, artifacts) {
      const transaction = (await open()).transaction(['entries', 'artifacts'], 'readwrite');
      await Promise.all([transaction.objectStore('artifacts').put(artifacts, entry.name), transaction.objectStore('entries').put(entry, entry.name), transaction.done]);
    },
    async load(name) {
      return (await (await open()).get('artifacts', name)) ?? null;
    },
    async delete(name) {
      const transaction = (await open()).transaction(['entries', 'artifacts'], 'readwrite');
      await Promise.all([transaction.objectStore('artifacts').delete(name), transaction.objectStore('entries').delete(name), transaction.done]);
    },
  };
}
