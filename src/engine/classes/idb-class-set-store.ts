/**
 * The class sets of this browser in IndexedDB, in their own database: kept on this machine, never
 * uploaded (the app makes no request but to its own origin). Read back defensively: an entry that is
 * not a whole class set (a damaged or foreign record) is left out of the list rather than breaking it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ClassSet } from '../../core/data/class-set';
import type { ClassSetData } from '../../core/data/class-set-split';
import type { RunId } from '../../core/training/run-record';
import { createMemoryClassSetStore, isStoredClassSet, newestFirst, type ClassSetStore } from './class-set-store';

/** Database of the class sets alone, so its versions never collide with another feature's. */
const DATABASE_NAME = 'cnn-playground-classes';

interface ClassesDatabase extends DBSchema {
  /** Each set whole, keyed by its id. */
  sets: { key: string; value: ClassSet };
  /** Each own-classes run's split, keyed by run id. */
  'run-data': { key: RunId; value: ClassSetData };
}

/**
 * Class sets in IndexedDB (available in workers). A change is a read-modify-write in one transaction,
 * so two tabs adding pictures to the same set never lose each other's. A full disk surfaces as the
 * browser's QuotaExceededError.
 */
export function createIdbClassSetStore(): ClassSetStore {
  let database: Promise<IDBPDatabase<ClassesDatabase>> | null = null;
  const open = (): Promise<IDBPDatabase<ClassesDatabase>> => {
    database ??= openDB<ClassesDatabase>(DATABASE_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('sets', { keyPath: 'id' });
        db.createObjectStore('run-data');
      },
    });
    return database;
  };
  return {
    list: async () => (await (await open()).getAll('sets')).filter(isStoredClassSet).sort(newestFirst),
    get: async (id) => {
      const stored: unknown = await (await open()).get('sets', id);
      return isStoredClassSet(stored) ? stored : null;
    },
    put: async (set) => {
      await (await open()).put('sets', set);
    },
    async update(id, change) {
      const transaction = (await open()).transaction('sets', 'readwrite');
      const store = transaction.objectStore('sets');
      const stored = await store.get(id);
      if (!stored) {
        await transaction.done;
        return null;
      }
      let next: ClassSet;
      try {
        next = change(stored);
      } catch (error) {
        transaction.abort();
        await transaction.done.catch(() => undefined);
        throw error;
      }
      await Promise.all([store.put(next), transaction.done]);
      return next;
    },
    delete: async (id) => {
      await (await open()).delete('sets', id);
    },
    runData: async (runId) => (await (await open()).get('run-data', runId)) ?? null,
    keepRunData: async (runId, data) => {
      await (await open()).put('run-data', data, runId);
    },
    async forgetRunData(runIds) {
      const transaction = (await open()).transaction('run-data', 'readwrite');
      await Promise.all([...runIds.map((runId) => transaction.store.delete(runId)), transaction.done]);
    },
  };
}

/** The engine's class sets: IndexedDB where the host has it, memory elsewhere (Node tests). */
export function createClassSetStore(): ClassSetStore {
  return typeof indexedDB === 'undefined' ? createMemoryClassSetStore() : createIdbClassSetStore();
}
