import type { LibraryEntry } from '../protocol-classify';
import type { StoredArtifacts } from './model-artifacts';
import { createIdbModelLibrary } from './idb-model-library';

/** Models saved in this browser under names the user chose. */
export interface ModelLibrary {
  /** Every saved model's entry, oldest first. */
  list(): Promise<LibraryEntry[]>;
  /** True when `name` is taken. */
  has(name: string): Promise<boolean>;
  /** Save a model under `entry.name` (replacing nothing: callers check `has` first). */
  save(entry: LibraryEntry, artifacts: StoredArtifacts): Promise<void>;
  /** A saved model's artifacts, or null when there is none by that name. */
  load(name: string): Promise<StoredArtifacts | null>;
  /** Forget a saved model; nothing happens when there is none by that name. */
  delete(name: string): Promise<void>;
}

/** A library in memory (tests; a host without IndexedDB, where saved models last as long as the engine). */
export function createMemoryModelLibrary(): ModelLibrary {
  const saved = new Map<string, { entry: LibraryEntry; artifacts: StoredArtifacts }>();
  return {
    list: async () => [...saved.values()].map((item) => item.entry),
    has: async (name) => saved.has(name),
    save: async (entry, artifacts) => {
      saved.set(entry.name, { entry, artifacts });
    },
    load: async (name) => saved.get(name)?.artifacts ?? null,
    delete: async (name) => {
      saved.delete(name);
    },
  };
}

/** The engine's library: IndexedDB where the host has it (browsers, in a worker or not), memory elsewhere. */
export function createModelLibrary(): ModelLibrary {
  return typeof indexedDB === 'undefined' ? createMemoryModelLibrary() : createIdbModelLibrary();
}
