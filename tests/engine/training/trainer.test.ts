import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../../../src/core/training/hyperparameters';
import { decayedLearningRate } from '../../../src/core/training/lr-schedule';
import { Trainer } from '../../../src/engine/training/trainer';
import type { TrainingData } from '../../../src/engine/training/trainer-types';
import { makeBandSplit, TINY_SPEC, TINY_SPEC_WITH_DROPOUT, tinySettings } from './fixtures';

const data: TrainingData = { train: makeBandSplit(96, 1), test: makeBandSplit(40, 2) };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Run every step of the current epoch; returns the outcome of its last step. */
async function runEpoch(trainer: Trainer) {
  for (;;) {
    const outcome = await trainer.step();
    if (outcome.kind !== 'batch') return outcome;
  }
}

async function weightValues(model: tf.LayersModel): Promise<number[][]> {
  return Promise.all(model.getWeights().map(async (weight) => Array.from(await weight.data())));
}

describe('Trainer (real tfjs, cpu backend)', () => {
  test('learns the fixture; tf.memory().numTensors is the same after every epoch and back to the start after dispose', async () => {
    const before = tf.memory().numTensors;
    const settings = tinySettings({ epochs: 4, earlyStopping: { ...DEFAULT_HYPERPARAMETERS.earlyStopping, enabled: true, patience: 10 } });
    const trainer = await Trainer.create({ spec: TINY_SPEC_WITH_DROPOUT, hyperparameters: settings, data, backend: 'cpu' });
    expect(trainer.position).toEqual({ epoch: 0, batch: 0, iteration: 0, batchesPerEpoch: 6, epochs: 4 });
    const counts: number[] = [];
    const losses: number[] = [];
    while (!trainer.done) {
      const outcome = await runEpoch(trainer);
      expect(outcome.kind).toBe('epoch');
      if (outcome.kind !== 'epoch') return;
      counts.push(tf.memory().numTensors);
      losses.push(outcome.summary.loss);
      expect(outcome.summary.valAccuracy).toBeGreaterThanOrEqual(0);
      expect(outcome.summary.imagesPerSecond).toBeGreaterThan(0);
    }
    expect(counts).toHaveLength(4);
    expect(new Set(counts).size).toBe(1);
    expect(losses.at(-1)).toBeLessThan((losses[0] ?? 0) * 0.8);
    expect(trainer.history.epochs.at(-1)?.valAccuracy).toBeGreaterThan(0.3);
    expect(trainer.position).toMatchObject({ epoch: 4, batch: 0, iteration: 24 });
    await expect(trainer.step()).rejects.toThrow('the run is finished; start a new one');
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test("every step uses Keras' decayed rate, lr / (1 + decay · iteration); the last batch of an epoch may be short", async () => {
    const settings = tinySettings({ epochs: 1, batchSize: 20, decay: 0.1 });
    const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: settings, data, backend: 'cpu' });
    await runEpoch(trainer);
    const points = trainer.history.batches;
    expect(points.map((point) => point.iteration)).toEqual([0, 1, 2, 3, 4]);
    for (const point of points) expect(point.learningRate).toBeCloseTo(decayedLearningRate(0.05, 0.1, point.iteration), 12);
    // 96 images in batches of 20: four of 20, then 16; the epoch loss is their size-weighted mean.
    const weighted = points.reduce((sum, point, index) => sum + point.loss * (index < 4 ? 20 : 16), 0) / 96;
    expect(trainer.history.epochs[0]?.loss).toBeCloseTo(weighted, 6);
    trainer.dispose();
  });

  test('a run resumed from a checkpoint ends with exactly the weights of an uninterrupted run', async () => {
    // No dropout, seeded initialisation and shuffles: training is deterministic on cpu.
    const settings = tinySettings({ epochs: 3, optimizer: 'sgd' });
    const straight = await Trainer.create({ spec: TINY_SPEC, hyperparameters: settings, data, backend: 'cpu' });
    while (!straight.done) await straight.step();
    const expected = await weightValues(straight.model);
    const expectedHistory = straight.history;
    straight.dispose();

    const first = await Trainer.create({ spec: TINY_SPEC, hyperparameters: { ...settings, epochs: 2 }, data, backend: 'cpu' });
    while (!first.done) await first.step();
    // Through JSON-like cloning, as IndexedDB or a file would do it.
    const saved = structuredClone(await first.checkpoint());
    first.dispose();
    expect(saved).toMatchObject({ epochsDone: 2, iteration: 12, backend: 'cpu' });

    const resumed = await Trainer.create({ spec: TINY_SPEC, hyperparameters: settings, data, backend: 'cpu', checkpoint: saved });
    expect(resumed.position).toMatchObject({ epoch: 2, batch: 0, iteration: 12, epochs: 3 });
    while (!resumed.done) await resumed.step();
    expect(await weightValues(resumed.model)).toEqual(expected);
    expect(resumed.history.batches.map((point) => point.loss)).toEqual(expectedHistory.batches.map((point) => point.loss));
    resumed.dispose();
  });

  test('Adam resumes exactly too (its moments and step count are in the checkpoint)', async () => {
    const settings = tinySettings({ epochs: 2, optimizer: 'adam', learningRate: 0.01 });
    const straight = await Trainer.create({ spec: TINY_SPEC, hyperparameters: settings, data, backend: 'cpu' });
    while (!straight.done) await straight.step();
    const expected = await weightValues(straight.model);
    straight.dispose();
    const first = await Trainer.create({ spec: TINY_SPEC, hyperparameters: { ...settings, epochs: 1 }, data, backend: 'cpu' });
    await runEpoch(first);
    const saved = await first.checkpoint();
    first.dispose();
    const resumed = await Trainer.create({ spec: TINY_SPEC, hyperparameters: settings, data, backend: 'cpu', checkpoint: saved });
    while (!resumed.done) await resumed.step();
    expect(await weightValues(resumed.model)).toEqual(expected);
    resumed.dispose();
  });

  test('a NaN loss stops the run and puts back the weights of the last good epoch', async () => {
    const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: tinySettings({ epochs: 3 }), data, backend: 'cpu' });
    await runEpoch(trainer);
    const good = await weightValues(trainer.model);
    const countAfterEpoch = tf.memory().numTensors;
    // Poison one weight, as an exploding gradient would.
    const poisoned = trainer.model.getWeights().map((weight, index) => (index === 0 ? tf.fill(weight.shape, Number.NaN) : weight.clone()));
    trainer.model.setWeights(poisoned);
    tf.dispose(poisoned);
    const outcome = await trainer.step();
    expect(outcome.kind).toBe('diverged');
    if (outcome.kind !== 'diverged') return;
    expect(outcome.message).toMatch(/^The loss became NaN at epoch 2, batch 1 \(learning rate .*\), so training stopped and the weights were put back to their values after epoch 1\. Lower the learning rate: SGD at 0\.05 overshoots; try 0\.005, or Adam at 0\.001\.$/);
    expect(await weightValues(trainer.model)).toEqual(good);
    expect(trainer.position).toMatchObject({ epoch: 1, batch: 0, iteration: 6 });
    expect(trainer.history.batches).toHaveLength(6);
    expect(tf.memory().numTensors).toBe(countAfterEpoch);
    // Training can go on from the restored state.
    const next = await trainer.step();
    expect(Number.isFinite(next.point.loss)).toBe(true);
    trainer.dispose();
  });

  test('early stopping ends the run and restores the best epoch', async () => {
    // min_delta 1 nat: only the first epoch (compared with +∞) can count as an improvement.
    const earlyStopping = { enabled: true, monitor: 'val_loss' as const, minDelta: 1, patience: 1, restoreBestWeights: true };
    const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: tinySettings({ epochs: 10, earlyStopping }), data, backend: 'cpu' });
    await runEpoch(trainer);
    const best = await weightValues(trainer.model);
    const outcome = await runEpoch(trainer);
    expect(outcome.kind === 'epoch' && outcome.stopMessage).toBe(
      'Stopped early after epoch 2: val_loss did not improve by more than 1 for 1 epoch; restored the weights of the best epoch, 1.',
    );
    expect(trainer.done).toBe(true);
    expect(await weightValues(trainer.model)).toEqual(best);
    trainer.dispose();
  });

  test('subsets are class-balanced and fixed by the seed', async () => {
    const settings = tinySettings({ trainSubset: 30, validationSubset: 20, batchSize: 8, epochs: 1 });
    const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: settings, data, backend: 'cpu' });
    expect(trainer.sizes).toEqual({ trainImages: 30, validationImages: 20 });
    expect(trainer.position.batchesPerEpoch).toBe(4);
    trainer.dispose();
  });
});
