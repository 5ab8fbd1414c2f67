import { createMemoryCheckpointStore, type CheckpointStore } from './checkpoint';
import { createIdbCheckpointStore } from './idb-checkpoint-store';

/**
 * The engine's checkpoint store: IndexedDB where the host has it (browsers, in a worker or not), memory
 * elsewhere (Node tests), so a checkpoint then lasts as long as the engine.
 */
export function createCheckpointStore(): CheckpointStore {
  return typeof indexedDB === 'undefined' ? createMemoryCheckpointStore() : createIdbCheckpointStore();
}
