import { trainingWorkerLimit } from '../../core/training-workers';
import { useAppStore } from '../../state/store';
import { selectTrainingWorkers } from '../../state/selectors';
import { trainingWorkersText } from './training-workers-text';

/**
 * The badge's row on data-parallel training (wasm only): how many workers the current run trains with
 * and why — measured on its first batches — or, before any run, how many this machine would try.
 */
export function TrainingWorkersDetails() {
  const workers = useAppStore(selectTrainingWorkers);
  const machine = trainingWorkerLimit(navigator.hardwareConcurrency || null, (navigator as { deviceMemory?: number }).deviceMemory ?? null);
  return (
    <>
      <dt>Training workers</dt>
      <dd data-testid="training-workers">{trainingWorkersText(workers, machine)}</dd>
    </>
  );
}
