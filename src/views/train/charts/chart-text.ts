/** Accessible names and table cells of the live charts. Pure. */
import type { BatchLossSeries, EpochMetric } from '../../../core/chart-series';
import type { EpochSummary } from '../../../core/training-record';

function loss(value: number | undefined): string {
  return value === undefined ? '—' : Number.isFinite(value) ? value.toFixed(4) : String(value);
}

function percent(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(2)} %`;
}

/** "Batch loss chart: 24 of 40 steps; latest loss 2.1034, smoothed 2.2001." */
export function batchChartLabel(series: BatchLossSeries, totalSteps: number | null): string {
  const count = series.points.length;
  if (count === 0) return 'Batch loss chart: no batch trained yet.';
  const of = totalSteps !== null ? ` of ${totalSteps}` : '';
  return `Batch loss chart: ${count}${of} steps; latest loss ${loss(series.loss.at(-1))}, smoothed ${loss(series.smoothed.at(-1))}.`;
}

/** "Loss per epoch chart: after epoch 2 of 5, training 1.9000, validation 2.0000." */
export function epochChartLabel(metric: EpochMetric, epochs: readonly EpochSummary[], totalEpochs: number | null): string {
  const title = metric === 'loss' ? 'Loss per epoch chart' : 'Accuracy per epoch chart';
  const last = epochs.at(-1);
  if (!last) return `${title}: no epoch finished yet.`;
  const of = totalEpochs !== null ? ` of ${totalEpochs}` : '';
  const format = metric === 'loss' ? loss : percent;
  const [training, validation] = metric === 'loss' ? [last.loss, last.valLoss] : [last.accuracy, last.valAccuracy];
  return `${title}: after epoch ${last.epoch + 1}${of}, training ${format(training)}, validation ${format(validation)}.`;
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
