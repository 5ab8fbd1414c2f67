import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RunId } from '../../core/training/run-record';
import type { TrainingCheckpoint } from '../training/checkpoint';
import { byCreation, type RunRecord, type RunRepository } from './run-repository';
import { recordFromLegacyCheckpoint } from './legacy-checkpoint';
import { readRunRecord } from './read-run-record';

/** This feature's database, apart from the model library's, so their versions never collide. */
const DATABASE_NAME = 'cnn-playground-runs';
/** The one-checkpoint database of the versions before run lists: read once, then deleted. */
const LEGACY_DATABASE_NAME = 'cnn-playground-training';

interface RunDatabase extends DBSchema {
  runs: { key: string; value: RunRecord };
  checkpoints: { key: string; value: TrainingCheckpoint };
}

/**
 * Runs in IndexedDB (available in workers and shared by every tab of the app), so they survive reloads.
 * A checkpoint of the tutorial's model with its momentum slots is about 30 MB; records are small.
 */
export function createIdbRunRepository(): RunRepository {
  let database: Promise<IDBPDatabase<RunDatabase>> | null = null;
  const open = (): Promise<IDBPDatabase<RunDatabase>> => {
    database ??= openDB<RunDatabase>(DATABASE_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('runs');
        db.createObjectStore('checkpoints');
      },
    }).then(async (db) => {
      await adoptLegacyCheckpoint(db);
      return db;
    });
    return database;
  };
  return {
    async list() {
      return (await (await open()).getAll('runs')).map(readRunRecord).sort(byCreation);
    },
    async get(id) {
      const stored = await (await open()).get('runs', id);
      return stored ? readRunRecord(stored) : null;
    },
    async put(record) {
      await (await open()).put('runs', record, record.id);
    },
    async update(id, change) {
      const transaction = (await open()).transaction('runs', 'readwrite');
      const stored = await transaction.store.get(id);
      if (!stored) {
        await transaction.done;
        return null;
      }
      const next = change(stored);
      if (next) await transaction.store.put(next, id);
      await transaction.done;
      return next ?? stored;
    },
    async saveCheckpoint(id, checkpoint, change) {
      const transaction = (await open()).transaction(['runs', 'checkpoints'], 'readwrite');
      const stored = await transaction.objectStore('runs').get(id);
      if (!stored) {
        await transaction.done;
        return null;
      }
      const next = change(stored);
      await Promise.all([transaction.objectStore('checkpoints').put(checkpoint, id), transaction.objectStore('runs').put(next, id)]);
      await transaction.done;
      return next;
    },
    async loadCheckpoint(id) {
      return (await (await open()).get('checkpoints', id)) ?? null;
    },
    async delete(ids: readonly RunId[]) {
      const transaction = (await open()).transaction(['runs', 'checkpoints'], 'readwrite');
      let freed = 0;
      for (const id of ids) {
        const record = await transaction.objectStore('runs').get(id);
        freed += record?.storedBytes ?? 0;
        await transaction.objectStore('runs').delete(id);
        await transaction.objectStore('checkpoints').delete(id);
      }
      await transaction.done;
      return freed;
    },
  };
}

/**
 * Earlier versions kept one checkpoint ("the latest run") in their own database. Bring it over as a
 * run of the list — nothing the user trained is lost on updating — then delete that database.
 */
async function adoptLegacyCheckpoint(db: IDBPDatabase<RunDatabase>): Promise<void> {
  const names = typeof indexedDB.databases === 'function' ? (await indexedDB.databases()).map((info) => info.name) : [LEGACY_DATABASE_NAME];
  if (!names.includes(LEGACY_DATABASE_NAME)) return;
  try {
    const legacy = await openDB(LEGACY_DATABASE_NAME);
    const checkpoint: unknown = legacy.objectStoreNames.contains('checkpoints') ? await legacy.get('checkpoints', 'latest') : undefined;
    legacy.close();
    const adopted = checkpoint === undefined ? null : recordFromLegacyCheckpoint(checkpoint, new Date());
    if (adopted) {
      const transaction = db.transaction(['runs', 'checkpoints'], 'readwrite');
      await Promise.all([transaction.objectStore('checkpoints').put(adopted.checkpoint, adopted.record.id), transaction.objectStore('runs').put(adopted.record, adopted.record.id)]);
      await transaction.done;
    }
    await deleteDB(LEGACY_DATABASE_NAME);
  } catch {
    // An unreadable old checkpoint must not keep the run list from opening; it stays where it was.
  }
}
