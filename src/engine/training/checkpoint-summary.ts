import { hyperparametersFromSaved } from '../../core/hyperparameters';
import type { CheckpointSummary } from '../protocol-train';
import type { TrainingCheckpoint } from './checkpoint';

/** A checkpoint without its weights, small enough to send to the page on every save. */
export function summariseCheckpoint(checkpoint: TrainingCheckpoint): CheckpointSummary {
  return {
    savedAt: checkpoint.savedAt,
    backend: checkpoint.backend,
    epochsDone: checkpoint.epochsDone,
    iteration: checkpoint.iteration,
    spec: checkpoint.spec,
    hyperparameters: hyperparametersFromSaved(checkpoint.hyperparameters),
    epochs: checkpoint.history.epochs,
    batches: checkpoint.history.batches,
  };
}
