import { chooseSpeedReference, describeStepEstimate, estimateStep, type MeasuredRun } from '../../../core/training/step-estimate';
import type { RunSummary } from '../../../core/training/run-record';
import type { TrainingHyperparameters } from '../../../core/training/hyperparameters';
import type { ModelSpec } from '../../../core/model/model-spec';
import { selectBackendChoice, selectBackendInfo, selectDataset, selectRuns } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';

/** Training images of the whole split, before the data set has loaded. */
const CIFAR_TRAIN_IMAGES = 50_000;

/**
 * Before Start: what one batch of the network and settings on screen will cost here — time from the
 * network's arithmetic and a speed measured on this backend, memory from what a step holds — and a
 * warning with what to change when a batch would take more than a few seconds or not fit
 * (core/training/step-estimate.ts).
 */
export function StepEstimate({ run }: { readonly run: { readonly spec: ModelSpec; readonly settings: TrainingHyperparameters } }) {
  const backend = useAppStore(selectBackendInfo)?.backend ?? null;
  const choice = useAppStore(selectBackendChoice);
  const runs = useAppStore(selectRuns);
  const dataset = useAppStore(selectDataset);
  if (!backend) return null;
  const trainImages = run.settings.trainSubset ?? dataset?.splits.train.count ?? CIFAR_TRAIN_IMAGES;
  const speed = chooseSpeedReference(backend, lastMeasuredRun(runs, backend), choice?.records ?? []);
  const input = { spec: run.spec, batchSize: run.settings.batchSize, trainImages, optimizer: run.settings.optimizer, backend, speed } as const;
  const estimate = estimateStep(input);
  if (!estimate) return null;
  const { text, warning } = describeStepEstimate(estimate, input);
  return (
    <div className={warning ? 'step-estimate is-heavy' : 'step-estimate'} role="group" aria-label="Step estimate">
      <p>{text}</p>
      {warning && <p className="step-estimate-warning">{warning}</p>}
    </div>
  );
}

/** The run saved here most recently that trained at least one epoch on `backend`: its speed is the best guide. */
function lastMeasuredRun(runs: readonly RunSummary[], backend: string): MeasuredRun | null {
  let latest: RunSummary | null = null;
  for (const run of runs) {
    if (run.backend !== backend || run.epochs.length === 0) continue;
    if (!latest || run.updatedAt > latest.updatedAt) latest = run;
  }
  return latest ? { backend, spec: latest.lab.spec, epochs: latest.epochs } : null;
}
