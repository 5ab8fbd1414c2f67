import { modelWorkerLimit, trainingWorkerLimit } from '../../core/training/training-workers';
import { useAppStore } from '../../state/store';
import { selectModelSpec, selectTrainingWorkers } from '../../state/selectors';
import { trainingWorkersText } from './training-workers-text';

/**
 * The badge's row on data-parallel training (wasm only): how many workers the current run trains with
 * and why — measured on its first batches — or, before any run, how many this machine would try for
 * the network being edited.
 */
export function TrainingWorkersDetails() {
  const workers = useAppStore(selectTrainingWorkers);
  const spec = useAppStore(selectModelSpec);
  // Before a run: what this machine allows for the network being edited (some layers train on one worker).
  const machine = modelWorkerLimit(trainingWorkerLimit(navigator.hardwareConcurrency || null, (navigator as { deviceMemory?: number }).deviceMemory ?? null), spec);
  return (
    <>
      <dt>Training workers</dt>
      <dd data-testid="training-workers">{trainingWorkersText(workers, machine)}</dd>
    </>
  );
}
