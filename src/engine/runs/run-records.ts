/** Making and changing run records: each change touches only the fields its writer owns. */
import type { RunId, RunLab } from '../../core/training/run-record';
import type { RunStatus } from '../../core/training/training-lifecycle';
import type { BatchPoint, EpochSummary } from '../../core/training/training-record';
import type { TrainingCheckpoint } from '../training/checkpoint';
import { checkpointBytes, recordBytes, type RunRecord } from './run-repository';

/** What a new run is made of. */
export interface NewRun {
  readonly id: RunId;
  readonly name: string;
  readonly lab: RunLab;
  readonly status: RunStatus;
  /** Queue order (ms since 1970), or null for a run started at once. */
  readonly queuedAt: number | null;
  readonly now: Date;
}

/** A run with nothing trained yet. */
export function createRunRecord(run: NewRun): RunRecord {
  const time = run.now.toISOString();
  return sized({
    format: 'cnn-playground-run',
    version: 1,
    id: run.id,
    name: run.name,
    lab: run.lab,
    status: run.status,
    message: null,
    createdAt: time,
    updatedAt: time,
    queuedAt: run.queuedAt,
    backend: null,
    trainingSeconds: 0,
    epochsDone: 0,
    epochs: [],
    batches: [],
    storedBytes: 0,
  }, 0);
}

/** The record with a new status and message. */
export function withStatus(record: RunRecord, status: RunStatus, message: string | null, now: Date): RunRecord {
  return { ...record, status, message, updatedAt: now.toISOString() };
}

/** What a saved epoch changes in a run's record. */
export interface EpochSaved {
  readonly lab: RunLab;
  readonly backend: string;
  readonly epochsDone: number;
  readonly epochs: readonly EpochSummary[];
  readonly batches: readonly BatchPoint[];
  /** Seconds of this sitting's epochs added to the run's total. */
  readonly trainingSeconds: number;
  readonly checkpoint: TrainingCheckpoint;
}

/** The record after a checkpoint was saved: history, time, backend and size; name and status are kept. */
export function withEpochSaved(record: RunRecord, saved: EpochSaved, now: Date): RunRecord {
  return sized(
    {
      ...record,
      lab: saved.lab,
      backend: saved.backend,
      epochsDone: saved.epochsDone,
      epochs: saved.epochs,
      batches: saved.batches,
      trainingSeconds: saved.trainingSeconds,
      updatedAt: now.toISOString(),
    },
    checkpointBytes(saved.checkpoint),
  );
}

/** The record with `storedBytes` worked out: its own data plus `checkpointBytes`. */
function sized(record: RunRecord, checkpointSize: number): RunRecord {
  return { ...record, storedBytes: recordBytes({ ...record, storedBytes: 0 }) + checkpointSize };
}
