import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CheckpointStore, TrainingCheckpoint } from './checkpoint';

/** Database of this feature alone, so its versions never collide with another feature's. */
const DATABASE_NAME = 'cnn-playground-training';
const STORE_NAME = 'checkpoints';
/** One checkpoint is kept: the latest epoch of the latest run. */
const LATEST_KEY = 'latest';

interface CheckpointDatabase extends DBSchema {
  checkpoints: { key: string; value: TrainingCheckpoint };
}

/**
 * Checkpoints in IndexedDB (available in workers), so a run survives a reload or a lost WebGL context.
 * Weights are stored as typed arrays (structured clone), about 30 MB for the tutorial's model with
 * its momentum slots.
 */
export function createIdbCheckpointStore(): CheckpointStore {
  let database: Promise<IDBPDatabase<CheckpointDatabase>> | null = null;
  const open = (): Promise<IDBPDatabase<CheckpointDatabase>> => {
    database ??= openDB<CheckpointDatabase>(DATABASE_NAME, 1, {
      upgrade(db) {
        db.createObjectStore(STORE_NAME);
      },
    });
    return database;
  };
  return {
    async save(checkpoint) {
      await (await open()).put(STORE_NAME, checkpoint, LATEST_KEY);
    },
    async load() {
      return (await (await open()).get(STORE_NAME, LATEST_KEY)) ?? null;
    },
    async clear() {
      await (await open()).delete(STORE_NAME, LATEST_KEY);
    },
  };
}
