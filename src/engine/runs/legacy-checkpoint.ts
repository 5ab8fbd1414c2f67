import { hyperparametersFromSaved, type SavedHyperparameters } from '../../core/hyperparameters';
import { newRunId } from '../../core/run-record';
import type { TrainingCheckpoint } from '../training/checkpoint';
import { createRunRecord, withEpochSaved, withStatus } from './run-records';
import type { RunRecord } from './run-repository';

/**
 * The one checkpoint of versions before run lists, as a run of the list: named after its time, stopped
 * (or finished, when all its epochs ran) at its last saved epoch. Null for anything that is not such a
 * checkpoint.
 */
export function recordFromLegacyCheckpoint(value: unknown, now: Date): { record: RunRecord; checkpoint: TrainingCheckpoint } | null {
  if (!isLegacyCheckpoint(value)) return null;
  const checkpoint = value;
  const hyperparameters = hyperparametersFromSaved(checkpoint.hyperparameters as SavedHyperparameters);
  const lab = { spec: checkpoint.spec, hyperparameters };
  const savedAt = new Date(checkpoint.savedAt);
  const created = createRunRecord({ id: newRunId(Number.isNaN(savedAt.getTime()) ? now.getTime() : savedAt.getTime(), Math.random), name: `Saved run of ${checkpoint.savedAt.slice(0, 10)}`, lab, status: 'stopped', queuedAt: null, now });
  const seconds = checkpoint.history.epochs.reduce((sum, epoch) => sum + epoch.seconds, 0);
  const saved = withEpochSaved(created, { lab, backend: checkpoint.backend, epochsDone: checkpoint.epochsDone, epochs: checkpoint.history.epochs, batches: checkpoint.history.batches, trainingSeconds: seconds, checkpoint }, now);
  const finished = checkpoint.epochsDone >= hyperparameters.epochs;
  return { record: withStatus(saved, finished ? 'finished' : 'stopped', finished ? null : `Saved after epoch ${checkpoint.epochsDone} of ${hyperparameters.epochs} by an earlier version of the app.`, now), checkpoint };
}

function isLegacyCheckpoint(value: unknown): value is TrainingCheckpoint {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<TrainingCheckpoint>;
  return candidate.format === 'cnn-playground-training-checkpoint' && candidate.version === 1 && typeof candidate.epochsDone === 'number' && typeof candidate.savedAt === 'string' && candidate.spec !== undefined && candidate.history !== undefined && candidate.weights !== undefined;
}
