import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildModel } from '../../../src/engine/training/build-model';
import { createOptimizer } from '../../../src/engine/training/optimizer';
import { CPU_MICRO_BATCH_SIZE, microBatchSizeForBackend, StepInterruptedError, trainableVariables, trainStep } from '../../../src/engine/training/train-step';
import { makeBandSplit, TINY_SPEC } from './fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A model and optimiser built from the same seed, so two of them start identical. */
function makeRun(optimizer: 'sgd' | 'adam') {
  const model = buildModel(TINY_SPEC, 7);
  const training = createOptimizer({ optimizer, learningRate: optimizer === 'adam' ? 0.01 : 0.1, momentum: 0.5 });
  return { model, optimizer: training.optimizer, variables: trainableVariables(model), dispose: () => { training.optimizer.dispose(); model.dispose(); } };
}

async function weightsOf(model: tf.LayersModel): Promise<Float32Array[]> {
  return Promise.all(model.getWeights().map(async (weight) => (await weight.data()) as Float32Array));
}

function largestDifference(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  let largest = 0;
  a.forEach((values, index) => values.forEach((value, i) => (largest = Math.max(largest, Math.abs(value - (b[index]?.[i] ?? Number.NaN))))));
  return largest;
}

describe('micro-batched training steps', () => {
  test.each(['sgd', 'adam'] as const)('in micro-batches (%s, with momentum / moments over 3 steps) the loss, accuracy and new weights equal one whole-batch step', async (optimizerName) => {
    const data = makeBandSplit(22, 5);
    const whole = makeRun(optimizerName);
    const micro = makeRun(optimizerName);
    expect(largestDifference(await weightsOf(whole.model), await weightsOf(micro.model))).toBe(0);
    for (let step = 0; step < 3; step++) {
      // 22 images in micro-batches of 8, 8 and 6: the last one smaller, so the shares must be weighted.
      const a = await trainStep(whole.model, whole.optimizer, whole.variables, data.images, data.labels, { microBatchSize: Number.POSITIVE_INFINITY });
      const b = await trainStep(micro.model, micro.optimizer, micro.variables, data.images, data.labels, { microBatchSize: 8 });
      expect(b.loss).toBeCloseTo(a.loss, 5);
      expect(b.accuracy).toBe(a.accuracy);
    }
    const difference = largestDifference(await weightsOf(whole.model), await weightsOf(micro.model));
    expect(difference).toBeLessThan(1e-5);
    // The steps did move the weights: equal because both updated, not because neither did.
    const fresh = makeRun(optimizerName);
    expect(largestDifference(await weightsOf(fresh.model), await weightsOf(micro.model))).toBeGreaterThan(1e-3);
    for (const run of [whole, micro, fresh]) run.dispose();
  });

  test('no tensor outlives a micro-batched step', async () => {
    const data = makeBandSplit(20, 6);
    const run = makeRun('sgd');
    await trainStep(run.model, run.optimizer, run.variables, data.images, data.labels, { microBatchSize: 6 });
    const after = tf.memory().numTensors;
    for (let step = 0; step < 3; step++) await trainStep(run.model, run.optimizer, run.variables, data.images, data.labels, { microBatchSize: 6 });
    expect(tf.memory().numTensors).toBe(after);
    run.dispose();
  });

  test('a step asked to stop between micro-batches is dropped whole: nothing applied, nothing leaked (issue 16, case 2)', async () => {
    const data = makeBandSplit(24, 8);
    const run = makeRun('sgd');
    await trainStep(run.model, run.optimizer, run.variables, data.images, data.labels, { microBatchSize: 8 });
    const before = await weightsOf(run.model);
    const tensors = tf.memory().numTensors;
    let asked = 0;
    // 24 images in micro-batches of 8: asked before the second and would be before the third.
    await expect(trainStep(run.model, run.optimizer, run.variables, data.images, data.labels, { microBatchSize: 8, interrupt: () => ++asked >= 1 })).rejects.toBeInstanceOf(StepInterruptedError);
    expect(asked).toBe(1);
    expect(largestDifference(before, await weightsOf(run.model))).toBe(0);
    expect(tf.memory().numTensors).toBe(tensors);
    // Never asked to stop, the same step trains as without an interrupt.
    const again = makeRun('sgd');
    await trainStep(again.model, again.optimizer, again.variables, data.images, data.labels, { microBatchSize: 8 });
    const free = await trainStep(again.model, again.optimizer, again.variables, data.images, data.labels, { microBatchSize: 8 });
    const watched = await trainStep(run.model, run.optimizer, run.variables, data.images, data.labels, { microBatchSize: 8, interrupt: () => false });
    expect(watched.loss).toBeCloseTo(free.loss, 6);
    expect(largestDifference(await weightsOf(again.model), await weightsOf(run.model))).toBeLessThan(1e-6);
    run.dispose();
    again.dispose();
  });

  test('wasm and cpu train in micro-batches of 64; webgl runs the batch whole', () => {
    expect(microBatchSizeForBackend('cpu')).toBe(CPU_MICRO_BATCH_SIZE);
    expect(microBatchSizeForBackend('wasm')).toBe(64);
    expect(microBatchSizeForBackend('webgl')).toBe(Number.POSITIVE_INFINITY);
    expect(microBatchSizeForBackend()).toBe(64);
  });
});
