import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TrainEvent } from '../../../src/engine/protocol-train';
import { createMemoryRunRepository } from '../../../src/engine/runs/run-repository';
import { createTrainingController } from '../../../src/engine/training/controller';
import { Trainer } from '../../../src/engine/training/trainer';
import type { TrainingData } from '../../../src/engine/training/trainer-types';
import { backendNeedsWarmUp } from '../../../src/engine/training/warm-up';
import { readTrainingWeights } from '../../../src/engine/training/weights';
import { makeBandSplit, TINY_SPEC, TINY_SPEC_WITH_DROPOUT, tinySettings } from './fixtures';

// 70 training images in batches of 16 (last batch 6), 30 validation images (last batch 14).
const data: TrainingData = { train: makeBandSplit(70, 1), test: makeBandSplit(30, 2) };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function state(trainer: Trainer) {
  const checkpoint = await trainer.checkpoint(new Date(0));
  return { weights: await readTrainingWeights(trainer.model, (trainer as unknown as { optimizer: { optimizer: tf.Optimizer } }).optimizer.optimizer), position: trainer.position, history: checkpoint.history };
}

describe('warm-up before the first step (real tfjs, cpu backend)', () => {
  test('knows the batch sizes of the run, partial batches included', async () => {
    const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: tinySettings(), data, backend: 'cpu' });
    expect(trainer.batchSizes).toEqual({ train: [16, 6], validation: [16, 14] });
    trainer.dispose();
  });

  test.each([
    ['SGD with momentum', tinySettings()],
    ['Adam', tinySettings({ optimizer: 'adam', learningRate: 0.01 })],
  ])('leaves the weights, the %s state, the position and the history exactly as they were, and frees what it made', async (_name, settings) => {
    const trainer = await Trainer.create({ spec: TINY_SPEC_WITH_DROPOUT, hyperparameters: settings, data, backend: 'cpu' });
    // One real step first, so the optimiser has slots (momentum, moments) and an iteration count.
    await trainer.step();
    const before = await state(trainer);
    const tensorsBefore = tf.memory().numTensors;
    await trainer.warmUp();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    const after = await state(trainer);
    expect(after.position).toEqual(before.position);
    expect(after.history).toEqual(before.history);
    expect(after.weights.model.map((array) => array.name)).toEqual(before.weights.model.map((array) => array.name));
    expect(after.weights.model.map((array) => Array.from(array.values))).toEqual(before.weights.model.map((array) => Array.from(array.values)));
    expect(after.weights.optimizer.length).toBeGreaterThan(1);
    expect(after.weights.optimizer.map((array) => Array.from(array.values))).toEqual(before.weights.optimizer.map((array) => Array.from(array.values)));
    trainer.dispose();
  });

  test('a warmed-up run trains to the same losses as one without (no dropout: deterministic)', async () => {
    const settings = tinySettings({ epochs: 2 });
    const plain = await Trainer.create({ spec: TINY_SPEC, hyperparameters: settings, data, backend: 'cpu' });
    const warmed = await Trainer.create({ spec: TINY_SPEC, hyperparameters: settings, data, backend: 'cpu' });
    await warmed.warmUp();
    while (!plain.done) await plain.step();
    while (!warmed.done) await warmed.step();
    expect(warmed.history.batches.map((point) => point.loss)).toEqual(plain.history.batches.map((point) => point.loss));
    expect(warmed.history.epochs.map((epoch) => epoch.valLoss)).toEqual(plain.history.epochs.map((epoch) => epoch.valLoss));
    plain.dispose();
    warmed.dispose();
  });

  test('runs on webgl on a GPU only: not on cpu or wasm, nor on software WebGL', () => {
    expect(backendNeedsWarmUp('webgl')).toBe(true);
    expect(backendNeedsWarmUp('webgl', false)).toBe(true);
    expect(backendNeedsWarmUp('webgl', true)).toBe(false);
    expect(backendNeedsWarmUp('wasm')).toBe(false);
    expect(backendNeedsWarmUp('cpu')).toBe(false);
  });

  test('the controller says it is compiling GPU shaders, naming the batch sizes, before the run starts', async () => {
    const events: TrainEvent[] = [];
    // tfjs runs on cpu here; the controller is told 'webgl' so it takes the warm-up path.
    const controller = createTrainingController({ emit: (event) => events.push(event), getData: () => data, runs: createMemoryRunRepository(), backend: () => 'webgl' });
    await controller.handle({ type: 'train-start', id: 1, runId: 'r7', name: 'run', spec: TINY_SPEC, hyperparameters: tinySettings({ epochs: 1 }), pauseAfterBatches: 1 });
    const statuses = events.flatMap((event) => (event.type === 'train-status' ? [{ status: event.status, message: event.message }] : []));
    expect(statuses.slice(0, 2)).toEqual([
      { status: 'preparing', message: null },
      { status: 'preparing', message: 'Compiling GPU shaders for training batches of 16 and 6 images and validation batches of 16 and 14, so that no step stalls on them later…' },
    ]);
    expect(statuses[2]?.status).toBe('running');
    await controller.handle({ type: 'train-reset', id: 2 });
  });

  test('the controller does not warm up on webgl over a software renderer', async () => {
    const events: TrainEvent[] = [];
    const controller = createTrainingController({ emit: (event) => events.push(event), getData: () => data, runs: createMemoryRunRepository(), backend: () => 'webgl', softwareRenderer: () => true });
    await controller.handle({ type: 'train-start', id: 1, runId: 'r9', name: 'run', spec: TINY_SPEC, hyperparameters: tinySettings({ epochs: 1 }), pauseAfterBatches: 1 });
    const statuses = events.flatMap((event) => (event.type === 'train-status' ? [event.status] : []));
    const messages = events.flatMap((event) => (event.type === 'train-status' ? [event.message] : []));
    expect(messages.some((message) => message?.startsWith('Compiling GPU shaders') ?? false)).toBe(false);
    expect(statuses).toContain('running');
    await controller.handle({ type: 'train-reset', id: 2 });
  });

  test('the controller does not warm up on cpu', async () => {
    const events: TrainEvent[] = [];
    const controller = createTrainingController({ emit: (event) => events.push(event), getData: () => data, runs: createMemoryRunRepository(), backend: () => 'cpu' });
    await controller.handle({ type: 'train-start', id: 1, runId: 'r8', name: 'run', spec: TINY_SPEC, hyperparameters: tinySettings({ epochs: 1 }), pauseAfterBatches: 1 });
    const messages = events.flatMap((event) => (event.type === 'train-status' ? [event.message] : []));
    expect(messages.some((message) => message?.startsWith('Compiling GPU shaders') ?? false)).toBe(false);
    await controller.handle({ type: 'train-reset', id: 2 });
  });
});
