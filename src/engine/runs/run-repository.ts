/**
 * Where runs live: every run's record (what it trains, its status and history) and, beside it, its
 * last checkpoint (weights and optimiser, to continue it). IndexedDB in the browser
 * (idb-run-repository.ts), memory in Node tests.
 *
 * Records are changed only through `update`, a read-modify-write in one transaction, so a rename made
 * in one tab and a training tab's progress never overwrite each other's fields.
 */
import type { RunId, RunSummary } from '../../core/training/run-record';
import type { BatchPoint } from '../../core/training/training-record';
import type { TrainingCheckpoint } from '../training/checkpoint';

/** A run as stored: its summary and every batch point. */
export interface RunRecord extends RunSummary {
  readonly format: 'cnn-playground-run';
  readonly version: 1;
  readonly batches: readonly BatchPoint[];
}

/** The runs of this browser (or of this test). */
export interface RunRepository {
  /** Every run, oldest first. */
  list(): Promise<RunRecord[]>;
  get(id: RunId): Promise<RunRecord | null>;
  /** Add a new run (replacing one of the same id). */
  put(record: RunRecord): Promise<void>;
  /**
   * Change a run in one transaction: `change` gets the stored record and returns the new one (or
   * null to leave it). Resolves to the stored result, or null when there is no such run.
   */
  update(id: RunId, change: (record: RunRecord) => RunRecord | null): Promise<RunRecord | null>;
  /**
   * Save a run's checkpoint and change its record to match, in one transaction. Resolves to the stored
   * record, or null when the run was deleted meanwhile (nothing is saved then).
   */
  saveCheckpoint(id: RunId, checkpoint: TrainingCheckpoint, change: (record: RunRecord) => RunRecord): Promise<RunRecord | null>;
  loadCheckpoint(id: RunId): Promise<TrainingCheckpoint | null>;
  /** Delete runs and their checkpoints. Resolves to the bytes they held. */
  delete(ids: readonly RunId[]): Promise<number>;
}

/** Runs kept in memory: tests, and a browser that refuses IndexedDB (private windows, storage off). */
export function createMemoryRunRepository(): RunRepository {
  const records = new Map<RunId, RunRecord>();
  const checkpoints = new Map<RunId, TrainingCheckpoint>();
  return {
    list: async () => [...records.values()].sort(byCreation),
    get: async (id) => records.get(id) ?? null,
    put: async (record) => {
      records.set(record.id, record);
    },
    update: async (id, change) => {
      const stored = records.get(id);
      if (!stored) return null;
      const next = change(stored);
      if (next) records.set(id, next);
      return next ?? stored;
    },
    saveCheckpoint: async (id, checkpoint, change) => {
      const stored = records.get(id);
      if (!stored) return null;
      const next = change(stored);
      records.set(id, next);
      checkpoints.set(id, checkpoint);
      return next;
    },
    loadCheckpoint: async (id) => checkpoints.get(id) ?? null,
    delete: async (ids) => {
      let freed = 0;
      for (const id of ids) {
        freed += records.get(id)?.storedBytes ?? 0;
        records.delete(id);
        checkpoints.delete(id);
      }
      return freed;
    },
  };
}

/** Oldest first; ids start with the creation time, so they break ties the same way. */
export function byCreation(a: RunRecord, b: RunRecord): number {
  return a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt);
}

/** A record as the run list shows it: without its batch points. */
export function summaryOf(record: RunRecord): RunSummary {
  return {
    id: record.id,
    name: record.name,
    lab: record.lab,
    status: record.status,
    message: record.message,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    queuedAt: record.queuedAt,
    backend: record.backend,
    trainingSeconds: record.trainingSeconds,
    epochsDone: record.epochsDone,
    epochs: record.epochs,
    storedBytes: record.storedBytes,
  };
}

/**
 * Bytes a checkpoint takes in storage: its weight arrays, plus its history and settings as JSON would
 * spell them (IndexedDB's structured clone is close to that for plain objects).
 */
export function checkpointBytes(checkpoint: TrainingCheckpoint): number {
  let bytes = 0;
  for (const array of checkpoint.weights.model) bytes += array.values.byteLength;
  for (const array of checkpoint.weights.optimizer) bytes += array.values.byteLength;
  for (const array of checkpoint.bestWeights ?? []) bytes += array.values.byteLength;
  return bytes + jsonBytes({ history: checkpoint.history, spec: checkpoint.spec, hyperparameters: checkpoint.hyperparameters });
}

/** Bytes of a record's plain data, as JSON. */
export function recordBytes(record: RunRecord): number {
  return jsonBytes(record);
}

function jsonBytes(value: unknown): number {
  return JSON.stringify(value).length;
}
