/** Accessible names and table cells of the live charts. Pure. */
import type { BatchLossSeries, EpochMetric } from '../../../core/charts/chart-series';
import type { EpochSummary } from '../../../core/training/training-record';

function loss(value: number | undefined): string {
  return value === undefined ? '—' : Number.isFinite(value) ? value.toFixed(4) : String(value);
}

function percent(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(2)} %`;
}

/** A loss as a trend line says it: two decimals ("2.31"). */
function shortLoss(value: number | undefined): string {
  return value === undefined ? '—' : Number.isFinite(value) ? value.toFixed(2) : String(value);
}

/** An accuracy as a trend line says it: one decimal ("25.1 %"). */
function shortPercent(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(1)} %`;
}

/** "2.31 → 1.62", or just "2.31" for a single value. */
function trend(first: string, last: string, count: number): string {
  return count > 1 ? `${first} → ${last}` : first;
}

/**
 * What the batch chart shows, in one sentence a screen reader reads and the back row can see:
 * "Loss 2.30 → 2.00 over 2 of 40 steps (smoothed 2.30 → 2.10)."
 */
export function batchChartSummary(series: BatchLossSeries, totalSteps: number | null): string {
  const count = series.points.length;
  if (count === 0) return 'No batch trained yet.';
  const of = totalSteps !== null ? ` of ${totalSteps}` : '';
  const steps = `${count}${of} ${count === 1 && totalSteps === null ? 'step' : 'steps'}`;
  const raw = trend(shortLoss(series.loss[0]), shortLoss(series.loss.at(-1)), count);
  const smoothed = trend(shortLoss(series.smoothed[0]), shortLoss(series.smoothed.at(-1)), count);
  return `Loss ${raw} over ${steps} (smoothed ${smoothed}).`;
}

/** The batch chart's accessible name: "Batch loss chart: " and {@link batchChartSummary}. */
export function batchChartLabel(series: BatchLossSeries, totalSteps: number | null): string {
  return `Batch loss chart: ${batchChartSummary(series, totalSteps)}`;
}

/**
 * What a per-epoch chart shows, in one sentence: "Training loss 2.31 → 1.62 over 4 of 25 epochs;
 * validation 2.25 → 1.70." (accuracies in percent).
 */
export function epochChartSummary(metric: EpochMetric, epochs: readonly EpochSummary[], totalEpochs: number | null): string {
  const first = epochs[0];
  const last = epochs.at(-1);
  if (!first || !last) return 'No epoch finished yet.';
  const format = metric === 'loss' ? shortLoss : shortPercent;
  const pick = (epoch: EpochSummary): [number, number] => (metric === 'loss' ? [epoch.loss, epoch.valLoss] : [epoch.accuracy, epoch.valAccuracy]);
  const [trainingFirst, validationFirst] = pick(first);
  const [trainingLast, validationLast] = pick(last);
  const of = totalEpochs !== null ? ` of ${totalEpochs}` : '';
  const span = epochs.length > 1 ? `over ${epochs.length}${of} epochs` : `after epoch 1${of}`;
  const name = metric === 'loss' ? 'loss' : 'accuracy';
  return `Training ${name} ${trend(format(trainingFirst), format(trainingLast), epochs.length)} ${span}; validation ${trend(format(validationFirst), format(validationLast), epochs.length)}.`;
}

/** A per-epoch chart's accessible name: its title, "chart: ", and {@link epochChartSummary}. */
export function epochChartLabel(metric: EpochMetric, epochs: readonly EpochSummary[], totalEpochs: number | null): string {
  const title = metric === 'loss' ? 'Loss per epoch chart' : 'Accuracy per epoch chart';
  return `${title}: ${epochChartSummary(metric, epochs, totalEpochs)}`;
}

/** Rows of the batch chart's table: step, epoch, batch, loss, smoothed. */
export function batchTableRows(series: BatchLossSeries): string[][] {
  return series.points.map((point, index) => [String(point.iteration + 1), String(point.epoch + 1), String(point.batch + 1), loss(point.loss), loss(series.smoothed[index])]);
}

/** Rows of a per-epoch chart's table: epoch, training, validation. */
export function epochTableRows(metric: EpochMetric, epochs: readonly EpochSummary[]): string[][] {
  return epochs.map((epoch) =>
    metric === 'loss' ? [String(epoch.epoch + 1), loss(epoch.loss), loss(epoch.valLoss)] : [String(epoch.epoch + 1), percent(epoch.accuracy), percent(epoch.valAccuracy)],
  );
}
