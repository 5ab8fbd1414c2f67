/**
 * The numbers behind the Train view's live charts, as columns (uPlot's data layout: one array for x,
 * one per line) and as CSV rows. Pure; the batch-loss series grows in place so a chart can append
 * each new batch without going over the whole run again.
 */
import type { CsvCell } from './csv';
import { EMPTY_EMA, emaStep, type EmaState } from './smoothing';
import type { BatchPoint, EpochSummary } from '../training/training-record';

/**
 * Batch loss: x is the training step (1-based: the n-th update), then the raw loss and its
 * exponential moving average. `points` keeps the batch points consumed, for the CSV and the table.
 */
export interface BatchLossSeries {
  readonly weight: number;
  readonly steps: number[];
  readonly loss: number[];
  readonly smoothed: number[];
  readonly points: BatchPoint[];
  ema: EmaState;
}

/** An empty batch-loss series smoothed with `weight` (in [0, 1)). */
export function createBatchLossSeries(weight: number): BatchLossSeries {
  return { weight, steps: [], loss: [], smoothed: [], points: [], ema: EMPTY_EMA };
}

/**
 * Append `points` (in training order) to `series`, in place.
 * @throws RangeError when the series' weight is outside [0, 1).
 */
export function appendBatchPoints(series: BatchLossSeries, points: readonly BatchPoint[]): void {
  for (const point of points) {
    const step = emaStep(series.ema, point.loss, series.weight);
    series.ema = step.state;
    series.steps.push(point.iteration + 1);
    series.loss.push(point.loss);
    series.smoothed.push(step.smoothed);
    series.points.push(point);
  }
}

/**
 * Whether `series` holds the first points of `batches` (same objects, in order), so only the rest need
 * appending; false after a new run or a rewind, when the series must be rebuilt.
 */
export function seriesIsPrefixOf(series: BatchLossSeries, batches: readonly BatchPoint[]): boolean {
  const count = series.points.length;
  return count <= batches.length && (count === 0 || batches[count - 1] === series.points[count - 1]);
}

/**
 * Bring `series` up to date with `batches` (a run's batch points so far): append the new ones in place,
 * or, after a new run, a rewind or a change of weight, start over. Calling it again with the same
 * points changes nothing, so a view may call it on every render.
 * @returns `series`, or the new series that replaced it.
 */
export function syncBatchLossSeries(series: BatchLossSeries, batches: readonly BatchPoint[], weight: number): BatchLossSeries {
  const current = series.weight === weight && seriesIsPrefixOf(series, batches) ? series : createBatchLossSeries(weight);
  if (current.points.length < batches.length) appendBatchPoints(current, batches.slice(current.points.length));
  return current;
}

/** Header of the batch-loss CSV, in Keras' and TensorBoard's words. */
export const BATCH_CSV_HEADER = ['step', 'epoch', 'batch', 'loss', 'smoothed_loss', 'accuracy', 'learning_rate'] as const;

/** The batch-loss series as CSV rows (epoch and batch 1-based, as a person counts them). */
export function batchCsvRows(series: BatchLossSeries): CsvCell[][] {
  return series.points.map((point, index) => [
    point.iteration + 1,
    point.epoch + 1,
    point.batch + 1,
    point.loss,
    series.smoothed[index] ?? null,
    point.accuracy,
    point.learningRate,
  ]);
}

/** Which per-epoch metric pair a chart shows. */
export type EpochMetric = 'loss' | 'accuracy';

/** One per-epoch chart's columns: epoch (1-based), training value, validation value. */
export interface EpochColumns {
  readonly epochs: number[];
  readonly training: number[];
  readonly validation: number[];
}

/**
 * Per-epoch training and validation values of `metric`. Accuracy is in percent (0…100), as the
 * chart's axis and the tutorial's "Accuracy: 67.42%" line say it.
 */
export function epochColumns(epochs: readonly EpochSummary[], metric: EpochMetric): EpochColumns {
  const scale = metric === 'accuracy' ? 100 : 1;
  return {
    epochs: epochs.map((epoch) => epoch.epoch + 1),
    training: epochs.map((epoch) => (metric === 'accuracy' ? epoch.accuracy : epoch.loss) * scale),
    validation: epochs.map((epoch) => (metric === 'accuracy' ? epoch.valAccuracy : epoch.valLoss) * scale),
  };
}

/** Header of a per-epoch CSV: Keras' history keys (accuracy as a fraction 0…1, as Keras records it). */
export function epochCsvHeader(metric: EpochMetric): readonly string[] {
  return ['epoch', metric, `val_${metric}`];
}

/** Per-epoch CSV rows of `metric`, values as Keras' `history` holds them (fractions, not percent). */
export function epochCsvRows(epochs: readonly EpochSummary[], metric: EpochMetric): CsvCell[][] {
  return epochs.map((epoch) =>
    metric === 'accuracy' ? [epoch.epoch + 1, epoch.accuracy, epoch.valAccuracy] : [epoch.epoch + 1, epoch.loss, epoch.valLoss],
  );
}
