import { parseCheckpointState } from '../../core/lab/checkpoint-state';
import { newRunId } from '../../core/training/run-record';
import type { TrainingCheckpoint } from '../training/checkpoint';
import { createRunRecord, withEpochSaved, withStatus } from './run-records';
import type { RunRecord } from './run-repository';

/**
 * The one checkpoint of versions before run lists, as a run of the list: named after its time, stopped
 * (or finished, when all its epochs ran) at its last saved epoch. Null for anything that is not such a
 * checkpoint.
 */
export function recordFromLegacyCheckpoint(value: unknown, now: Date): { record: RunRecord; checkpoint: TrainingCheckpoint } | null {
  const read = parseCheckpointState(value);
  if (!read.ok || !hasWeights(value)) return null;
  const checkpoint = value as TrainingCheckpoint;
  const hyperparameters = read.state.hyperparameters;
  const lab = { spec: checkpoint.spec, hyperparameters };
  const savedAt = new Date(checkpoint.savedAt);
  const created = createRunRecord({ id: newRunId(Number.isNaN(savedAt.getTime()) ? now.getTime() : savedAt.getTime(), Math.random), name: `Saved run of ${checkpoint.savedAt.slice(0, 10)}`, lab, status: 'stopped', queuedAt: null, now });
  const seconds = checkpoint.history.epochs.reduce((sum, epoch) => sum + epoch.seconds, 0);
  const saved = withEpochSaved(created, { lab, backend: checkpoint.backend, epochsDone: checkpoint.epochsDone, epochs: checkpoint.history.epochs, batches: checkpoint.history.batches, trainingSeconds: seconds, checkpoint }, now);
  const finished = checkpoint.epochsDone >= hyperparameters.epochs;
  return { record: withStatus(saved, finished ? 'finished' : 'stopped', finished ? null : `Saved after epoch ${checkpoint.epochsDone} of ${hyperparameters.epochs} by an earlier version of the app.`, now), checkpoint };
}

/** The schema reads everything but the arrays: those need only be there (the model checks their shapes when loading). */
function hasWeights(value: unknown): boolean {
  const weights = (value as { weights?: { model?: unknown; optimizer?: unknown } }).weights;
  return Array.isArray(weights?.model) && Array.isArray(weights.optimizer);
}
