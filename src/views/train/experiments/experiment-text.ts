/** Words for the experiments' panels. Pure. */
import type { RunSummary } from '../../../core/training/run-record';
import { describeRunEpochs, describeRunStatus } from '../runs/runs-text';

/** "Lab 2 · plain: Finished, 15 of 15 epochs." */
export function describeExperimentRun(run: RunSummary): string {
  return `${run.name}: ${describeRunStatus(run.status)}, ${describeRunEpochs(run)} epochs${run.message ? ` (${run.message})` : ''}.`;
}

/** "dropout + weight decay" → "Dropout + weight decay". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
