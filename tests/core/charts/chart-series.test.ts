import { describe, expect, test } from 'vitest';
import { appendBatchPoints, batchCsvRows, BATCH_CSV_HEADER, createBatchLossSeries, epochColumns, epochCsvHeader, epochCsvRows, seriesIsPrefixOf, syncBatchLossSeries } from '../../../src/core/charts/chart-series';
import { toCsv } from '../../../src/core/charts/csv';
import { exponentialMovingAverage } from '../../../src/core/charts/smoothing';
import type { BatchPoint, EpochSummary } from '../../../src/core/training/training-record';

const point = (iteration: number, loss: number): BatchPoint => ({ iteration, epoch: Math.floor(iteration / 4), batch: iteration % 4, loss, accuracy: 0.25, learningRate: 0.01 });
const epoch = (index: number): EpochSummary => ({ epoch: index, loss: 2 - index * 0.1, accuracy: 0.2 + index * 0.05, valLoss: 2.1 - index * 0.1, valAccuracy: 0.18 + index * 0.05, seconds: 10, imagesPerSecond: 100 });

describe('chart series', () => {
  test('batch loss grows in place, smoothed as the whole series would be', () => {
    const losses = [2.3, 2.2, 2.25, 2.0, 1.9, 2.05];
    const points = losses.map((loss, index) => point(index, loss));
    const series = createBatchLossSeries(0.6);
    appendBatchPoints(series, points.slice(0, 2));
    const steps = series.steps;
    appendBatchPoints(series, points.slice(2));
    expect(series.steps).toBe(steps);
    expect(series.steps).toEqual([1, 2, 3, 4, 5, 6]);
    expect(series.loss).toEqual(losses);
    expect(series.smoothed).toEqual(exponentialMovingAverage(losses, 0.6));
  });

  test('knows when the store still extends it, and when a new run or a rewind needs a rebuild', () => {
    const points = [0, 1, 2].map((index) => point(index, 2));
    const series = createBatchLossSeries(0.9);
    expect(seriesIsPrefixOf(series, [])).toBe(true);
    appendBatchPoints(series, points.slice(0, 2));
    expect(seriesIsPrefixOf(series, [...points])).toBe(true);
    expect(seriesIsPrefixOf(series, points.slice(0, 1))).toBe(false);
    expect(seriesIsPrefixOf(series, [point(0, 2), point(1, 2), point(2, 2)])).toBe(false);
  });

  test('sync appends once however often it is called, and starts over for a new run or a new weight', () => {
    const points = [0, 1, 2, 3].map((index) => point(index, 2 - index / 10));
    const series = createBatchLossSeries(0.9);
    expect(syncBatchLossSeries(series, points.slice(0, 2), 0.9)).toBe(series);
    expect(syncBatchLossSeries(series, points.slice(0, 2), 0.9)).toBe(series);
    expect(syncBatchLossSeries(series, points, 0.9)).toBe(series);
    expect(series.steps).toEqual([1, 2, 3, 4]);
    const reweighted = syncBatchLossSeries(series, points, 0.5);
    expect(reweighted).not.toBe(series);
    expect(reweighted.smoothed).toEqual(exponentialMovingAverage(points.map((p) => p.loss), 0.5));
    const newRun = syncBatchLossSeries(reweighted, [point(0, 9)], 0.5);
    expect(newRun.loss).toEqual([9]);
  });

  test('batch CSV: 1-based step, epoch and batch, raw and smoothed loss', () => {
    const series = createBatchLossSeries(0.5);
    appendBatchPoints(series, [point(0, 2), point(1, 1)]);
    expect(toCsv(BATCH_CSV_HEADER, batchCsvRows(series))).toBe(
      'step,epoch,batch,loss,smoothed_loss,accuracy,learning_rate\r\n1,1,1,2,2,0.25,0.01\r\n2,1,2,1,1.3333333333333333,0.25,0.01\r\n',
    );
  });

  test('epoch columns: 1-based epochs, accuracy in percent for the axis, fractions in the CSV', () => {
    const epochs = [epoch(0), epoch(1)];
    expect(epochColumns(epochs, 'loss')).toEqual({ epochs: [1, 2], training: [2, 1.9], validation: [2.1, 2] });
    const accuracy = epochColumns(epochs, 'accuracy');
    expect(accuracy.training[1]).toBeCloseTo(25, 10);
    expect(accuracy.validation[0]).toBeCloseTo(18, 10);
    expect(epochCsvHeader('accuracy')).toEqual(['epoch', 'accuracy', 'val_accuracy']);
    expect(epochCsvRows(epochs, 'loss')).toEqual([[1, 2, 2.1], [2, 1.9, 2]]);
  });
});
