import { createIdbRunRepository } from './idb-run-repository';
import { createMemoryRunRepository, type RunRepository } from './run-repository';

/**
 * The engine's runs: IndexedDB where the host has it (browsers, in a worker or not), memory elsewhere
 * (Node tests), where runs then last as long as the engine.
 */
export function createRunRepository(): RunRepository {
  return typeof indexedDB === 'undefined' ? createMemoryRunRepository() : createIdbRunRepository();
}
