/**
 * Several runs on shared axes: per-epoch training and validation values of each run, aligned on one
 * epoch axis (a run with fewer epochs leaves gaps), for the comparison chart and its table and CSV.
 */
import type { EpochMetric } from '../charts/chart-series';
import type { CsvCell } from '../charts/csv';
import type { EpochSummary } from './training-record';

/** A run as the comparison needs it. */
export interface ComparedRun {
  readonly name: string;
  readonly epochs: readonly EpochSummary[];
}

/** uPlot's columns: epochs 1…N, then per run its training and its validation values (null: no such epoch). */
export type ComparisonColumns = readonly (readonly (number | null)[])[];

/** The value of `metric` an epoch recorded, accuracy in percent (as the axis reads). */
function valueOf(epoch: EpochSummary, metric: EpochMetric, validation: boolean): number {
  if (metric === 'accuracy') return (validation ? epoch.valAccuracy : epoch.accuracy) * 100;
  return validation ? epoch.valLoss : epoch.loss;
}

/** Columns for a chart of `metric` over every run's epochs. */
export function comparisonColumns(runs: readonly ComparedRun[], metric: EpochMetric): ComparisonColumns {
  const length = Math.max(0, ...runs.map((run) => run.epochs.length));
  const x = Array.from({ length }, (_, index) => index + 1);
  const columns: (number | null)[][] = [x];
  for (const run of runs) {
    for (const validation of [false, true]) {
      columns.push(x.map((epoch) => {
        const summary = run.epochs.find((candidate) => candidate.epoch === epoch - 1);
        return summary ? valueOf(summary, metric, validation) : null;
      }));
    }
  }
  return columns;
}

/** CSV of the comparison: one row per run and epoch, Keras' history keys (accuracy as a fraction). */
export function comparisonCsv(runs: readonly ComparedRun[], metric: EpochMetric): { header: readonly string[]; rows: CsvCell[][] } {
  const rows: CsvCell[][] = [];
  for (const run of runs) {
    for (const epoch of run.epochs) {
      rows.push(metric === 'accuracy' ? [run.name, epoch.epoch + 1, epoch.accuracy, epoch.valAccuracy] : [run.name, epoch.epoch + 1, epoch.loss, epoch.valLoss]);
    }
  }
  return { header: ['run', 'epoch', metric, `val_${metric}`], rows };
}

/**
 * One sentence a screen reader reads for the chart: each run's last validation value
 * ("val_accuracy after the last epoch: lr 0.01 41.2 % (3 epochs), lr 0.002 35.0 % (3 epochs)").
 */
export function comparisonSummary(runs: readonly ComparedRun[], metric: EpochMetric): string {
  if (runs.length === 0) return 'No runs chosen to compare.';
  const parts = runs.map((run) => {
    const last = run.epochs.at(-1);
    if (!last) return `${run.name}: no epoch yet`;
    const value = valueOf(last, metric, true);
    return `${run.name} ${metric === 'accuracy' ? `${value.toFixed(1)} %` : value.toFixed(3)} (${run.epochs.length} epoch${run.epochs.length === 1 ? '' : 's'})`;
  });
  return `val_${metric} after each run's last epoch: ${parts.join(', ')}.`;
}
