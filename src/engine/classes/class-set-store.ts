/**
 * Where class sets live: every set whole (names and pictures, about 3 kB a picture), and beside them
 * each own-classes run's split as it was when the run started, so a resumed run, its confusion matrix
 * and its held-out pictures stay the same whatever happens to the set afterwards. IndexedDB in the
 * browser (idb-class-set-store.ts), memory in Node tests.
 */
import { CIFAR_IMAGE_BYTES } from '../../core/data/cifar-format';
import type { ClassSet } from '../../core/data/class-set';
import type { ClassSetData } from '../../core/data/class-set-split';
import type { RunId } from '../../core/training/run-record';

/** The class sets of this browser (or of this test). */
export interface ClassSetStore {
  /** Every set, newest change first. */
  list(): Promise<ClassSet[]>;
  get(id: string): Promise<ClassSet | null>;
  /** Add or replace a set. */
  put(set: ClassSet): Promise<void>;
  /**
   * Change a set in one transaction: `change` gets the stored set and returns the new one. Resolves to
   * the stored result, or null when there is no such set.
   * @throws what `change` throws (nothing is written then).
   */
  update(id: string, change: (set: ClassSet) => ClassSet): Promise<ClassSet | null>;
  delete(id: string): Promise<void>;
  /** The split a run trains on, or null before it was kept. */
  runData(runId: RunId): Promise<ClassSetData | null>;
  keepRunData(runId: RunId, data: ClassSetData): Promise<void>;
  /** Forget the splits of deleted runs. */
  forgetRunData(runIds: readonly RunId[]): Promise<void>;
}

/** Sets in memory (tests; a host without IndexedDB, where sets last as long as the engine). */
export function createMemoryClassSetStore(): ClassSetStore {
  const sets = new Map<string, ClassSet>();
  const splits = new Map<RunId, ClassSetData>();
  return {
    list: async () => [...sets.values()].sort(newestFirst),
    get: async (id) => sets.get(id) ?? null,
    put: async (set) => {
      sets.set(set.id, set);
    },
    update: async (id, change) => {
      const stored = sets.get(id);
      if (!stored) return null;
      const next = change(stored);
      sets.set(id, next);
      return next;
    },
    delete: async (id) => {
      sets.delete(id);
    },
    runData: async (runId) => splits.get(runId) ?? null,
    keepRunData: async (runId, data) => {
      splits.set(runId, data);
    },
    forgetRunData: async (runIds) => {
      for (const runId of runIds) splits.delete(runId);
    },
  };
}

/** Newest change first; ids break ties. */
export function newestFirst(a: ClassSet, b: ClassSet): number {
  return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
}

/** Whether a stored value is a whole class set (ids, names, times, and 32 × 32 × 3 pictures). */
export function isStoredClassSet(value: unknown): value is ClassSet {
  if (typeof value !== 'object' || value === null) return false;
  const set = value as Partial<Record<keyof ClassSet, unknown>>;
  const texts = [set.id, set.name, set.createdAt, set.updatedAt].every((field) => typeof field === 'string');
  return texts && Array.isArray(set.classes) && set.classes.every(isStoredClass);
}

function isStoredClass(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const own = value as { id?: unknown; name?: unknown; pictures?: unknown };
  if (typeof own.id !== 'string' || typeof own.name !== 'string' || !Array.isArray(own.pictures)) return false;
  return own.pictures.every((picture: unknown) => {
    if (typeof picture !== 'object' || picture === null) return false;
    const { id, pixels } = picture as { id?: unknown; pixels?: unknown };
    return typeof id === 'string' && pixels instanceof Uint8Array && pixels.length === CIFAR_IMAGE_BYTES;
  });
}
