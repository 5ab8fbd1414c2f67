import type { WorkerLimit } from '../../core/training/training-workers';
import type { AppState } from '../../state/store';

const EXCHANGE_WORDS = {
  shared: 'weights and gradients through shared memory',
  transfer: 'weights and gradients copied between workers (the page is not cross-origin isolated)',
} as const;

/**
 * The badge's sentence on data-parallel training: what the run's engine said (how many workers, why,
 * how they exchange), or before any run what this machine allows for the network being edited and that
 * a run measures the rest.
 */
export function trainingWorkersText(workers: AppState['trainingWorkers'], machine: WorkerLimit): string {
  if (!workers) {
    // One core, or a model that trains on one worker (`modelWorkerLimit`): nothing to measure.
    if (machine.workers === 1) return `1 (${machine.reason})`;
    return `up to ${machine.workers} (${machine.reason}); a training run times its first batches with 1 to ${machine.workers} and keeps the fewest that are measurably fastest`;
  }
  const exchange = workers.exchange ? `; ${EXCHANGE_WORDS[workers.exchange]}` : '';
  return `${workers.reason}${workers.measuring ? `; now ${workers.workers}` : ''}${exchange}`;
}
