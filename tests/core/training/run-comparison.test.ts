import { describe, expect, test } from 'vitest';
import { comparisonColumns, comparisonCsv, comparisonSummary } from '../../../src/core/training/run-comparison';
import type { EpochSummary } from '../../../src/core/training/training-record';

const epoch = (index: number, accuracy: number, valAccuracy: number): EpochSummary => ({ epoch: index, loss: 2 - accuracy, accuracy, valLoss: 2.1 - valAccuracy, valAccuracy, seconds: 1, imagesPerSecond: 100 });
const fast = { name: 'lr 0.01', epochs: [epoch(0, 0.3, 0.25), epoch(1, 0.5, 0.4), epoch(2, 0.6, 0.45)] };
const slow = { name: 'lr 0.002', epochs: [epoch(0, 0.2, 0.18)] };

describe('run comparison', () => {
  test('aligns every run on one epoch axis, training then validation per run, with gaps where a run has no such epoch', () => {
    const columns = comparisonColumns([fast, slow], 'accuracy');
    expect(columns[0]).toEqual([1, 2, 3]);
    expect(columns[1]).toEqual([30, 50, 60]);
    expect(columns[2]).toEqual([25, 40, 45]);
    expect(columns[3]).toEqual([20, null, null]);
    expect(columns[4]).toEqual([18, null, null]);
    const loss = comparisonColumns([slow], 'loss');
    expect(loss[0]).toEqual([1]);
    expect(loss[1]?.[0]).toBeCloseTo(1.8, 12);
    expect(loss[2]?.[0]).toBeCloseTo(1.92, 12);
    expect(comparisonColumns([], 'loss')).toEqual([[]]);
  });

  test('CSV rows name the run; the summary gives each run its last validation value', () => {
    expect(comparisonCsv([slow], 'accuracy')).toEqual({ header: ['run', 'epoch', 'accuracy', 'val_accuracy'], rows: [['lr 0.002', 1, 0.2, 0.18]] });
    expect(comparisonSummary([fast, slow], 'accuracy')).toBe("val_accuracy after each run's last epoch: lr 0.01 45.0 % (3 epochs), lr 0.002 18.0 % (1 epoch).");
    expect(comparisonSummary([], 'loss')).toBe('No runs chosen to compare.');
  });
});
