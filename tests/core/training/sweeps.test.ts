import { describe, expect, test } from 'vitest';
import { toCsv } from '../../../src/core/charts/csv';
import { QUICK_DEMO_RECIPE } from '../../../src/core/training/recipes';
import { nextSweepNumber, parseSweepValues, savedSweeps, sweepCsvHeader, sweepCsvRows, sweepDefinition, sweepRows, sweepRuns, SWEEPS } from '../../../src/core/training/sweeps';
import type { EpochSummary } from '../../../src/core/training/training-record';

const BASE = { spec: QUICK_DEMO_RECIPE.spec, hyperparameters: QUICK_DEMO_RECIPE.hyperparameters };

function epoch(index: number, valAccuracy: number, seconds: number, imagesPerSecond: number): EpochSummary {
  return { epoch: index, loss: 1, accuracy: 0.5, valLoss: 1, valAccuracy, seconds, imagesPerSecond };
}

describe('sweeps over the tutorial’s hyperparameters', () => {
  test('the tutorial’s three sections and the learning rate, with its values', () => {
    expect(SWEEPS.map((sweep) => [sweep.parameter, sweep.defaultValues])).toEqual([
      ['poolSize', [2, 3, 4]],
      ['kernelSize', [3, 5, 7]],
      ['filters', [8, 16, 32, 64]],
      ['learningRate', [0.0003, 0.001, 0.003, 0.01]],
    ]);
  });

  test('one run per value, the value set on every pooling layer / convolution / the optimiser, nothing else changed', () => {
    const pools = sweepRuns('poolSize', [2, 3, 4], BASE);
    expect(pools.map((run) => run.name)).toEqual(['Sweep 1 · pool_size 2', 'Sweep 1 · pool_size 3', 'Sweep 1 · pool_size 4']);
    expect(pools[1]?.spec.layers.filter((layer) => layer.type === 'MaxPooling2D')).toEqual([
      { type: 'MaxPooling2D', poolSize: 3, strides: null, padding: 'valid' },
      { type: 'MaxPooling2D', poolSize: 3, strides: null, padding: 'valid' },
    ]);
    expect(pools.every((run) => run.hyperparameters === BASE.hyperparameters && run.problem === null)).toBe(true);
    const filters = sweepRuns('filters', [8, 64], BASE);
    expect(filters[1]?.spec.layers.filter((layer) => layer.type === 'Conv2D').map((layer) => layer.type === 'Conv2D' && layer.filters)).toEqual([64, 64]);
    const rates = sweepRuns('learningRate', [0.001, 0.01], BASE);
    expect(rates.map((run) => run.hyperparameters.learningRate)).toEqual([0.001, 0.01]);
    expect(rates[0]?.spec).toBe(BASE.spec);
    // A pool that no longer fits is kept with the reason.
    expect(sweepRuns('poolSize', [8], BASE)[0]?.problem).toMatch(/poolSize 8×8 is larger than its 4×4 input/);
  });

  test('typed values are checked', () => {
    const pool = sweepDefinition('poolSize');
    expect(parseSweepValues('2, 3 4', pool)).toEqual({ ok: true, values: [2, 3, 4] });
    expect(parseSweepValues('2, 2.5', pool)).toEqual({ ok: false, message: 'Max pooling shape: 2.5 is not a whole number from 1 to 8' });
    expect(parseSweepValues('3', pool)).toEqual({ ok: false, message: 'Max pooling shape: give 2 to 8 values, got 1' });
    expect(parseSweepValues('3, 3', pool)).toEqual({ ok: false, message: 'Max pooling shape: each value once' });
    expect(parseSweepValues('0.001 0.01', sweepDefinition('learningRate'))).toEqual({ ok: true, values: [0.001, 0.01] });
  });

  test('the results table: parameters, best val_accuracy and its epoch, time, images/s; and its CSV', () => {
    const [first, second] = sweepRuns('filters', [8, 16], BASE);
    const rows = sweepRows([
      { value: 8, spec: first?.spec ?? BASE.spec, epochs: [epoch(0, 0.3, 10, 100), epoch(1, 0.35, 30, 300 / 9)] },
      { value: 16, spec: second?.spec ?? BASE.spec, epochs: [] },
    ]);
    expect(rows[0]).toEqual({ value: 8, params: 8 * 28 + (72 + 1) * 8 + (8 * 8 * 8 + 1) * 64 + 65 * 10, bestValAccuracy: 0.35, bestEpoch: 2, seconds: 40, imagesPerSecond: 2 / (1 / 100 + 9 / 300) });
    expect(rows[1]).toMatchObject({ bestValAccuracy: null, bestEpoch: null, seconds: 0, imagesPerSecond: null });
    const csv = toCsv(sweepCsvHeader('filters'), sweepCsvRows(rows));
    expect(csv.split('\r\n')[0]).toBe('filters,params,best_val_accuracy,best_epoch,seconds,images_per_second');
    expect(csv.split('\r\n')[2]).toBe(`16,${rows[1]?.params ?? ''},,,0,`);
  });
});

describe('sweeps kept in the browser are found again among the saved runs', () => {
  test('grouped by the number in their names, newest sweep first, runs by value; other runs ignored', () => {
    const run = (id: string, name: string) => ({ id, name, lab: BASE, epochs: [] });
    const runs = [
      run('a', 'Sweep 1 · pool_size 4'),
      run('b', 'Sweep 1 · pool_size 2'),
      run('c', 'Run 3 · Adam lr 0.001, batch 64'),
      run('d', 'Sweep 2 · learning_rate 0.003'),
      run('e', 'Sweep 2 · learning_rate 0.0003'),
      run('f', 'Sweep 2 · filters 8'),
    ];
    const sweeps = savedSweeps(runs);
    expect(sweeps.map((sweep) => [sweep.sweepNumber, sweep.parameter, sweep.runs.map((entry) => [entry.value, entry.run.id])])).toEqual([
      [2, 'learningRate', [[0.0003, 'e'], [0.003, 'd']]],
      [1, 'poolSize', [[2, 'b'], [4, 'a']]],
    ]);
    expect(nextSweepNumber(runs)).toBe(3);
    expect(nextSweepNumber([])).toBe(1);
  });
});
