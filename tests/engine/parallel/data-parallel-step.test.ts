/**
 * Data-parallel training (issue 19) computes the update one worker computes: real gradient workers
 * (Node worker threads running the engine's gradient-worker code on wasm with our kernels), against
 * the single-worker step, for SGD with momentum and Adam, with dropout, through shared memory and by
 * transfer, and with issue 17's loss (label smoothing, weight decay) and max-norm; and a step
 * interrupted by a Stop is dropped whole, the workers' shares between their own micro-batches.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildModel } from '../../../src/engine/training/build-model';
import { createOptimizer } from '../../../src/engine/training/optimizer';
import { StepInterruptedError, trainableVariables, trainStep } from '../../../src/engine/training/train-step';
import { dataParallelStep, sharesOrInterrupt } from '../../../src/engine/parallel/data-parallel-step';
import { flatLayout } from '../../../src/engine/parallel/flat-weights';
import type { GradientExchange } from '../../../src/engine/parallel/gradient-protocol';
import { GradientWorkerPool } from '../../../src/engine/parallel/gradient-pool';
import { spawnNodeGradientWorker } from '../../../scripts/parallel/node-gradient-workers';
import type { ModelSpec } from '../../../src/core/model/model-spec';
import { makeBandSplit, TINY_SPEC_WITH_DROPOUT } from '../training/fixtures';
import { useWasmWithKernels } from '../wasm/backend-parity';

const SEED = 7;
const pools = new Map<GradientExchange, GradientWorkerPool>();

/** The tiny model with dropout, weight decay on both kernels and a max-norm tight enough to bind. */
const REGULARISED_SPEC: ModelSpec = {
  layers: TINY_SPEC_WITH_DROPOUT.layers.map((layer) =>
    layer.type === 'Conv2D' ? { ...layer, kernelRegularizer: { l2: 0.01 }, kernelConstraint: { maxNorm: 0.3 } } : layer.type === 'Dense' ? { ...layer, kernelRegularizer: { l2: 0.02 } } : layer,
  ),
};

function makeRun(optimizer: 'sgd' | 'adam', spec: ModelSpec = TINY_SPEC_WITH_DROPOUT) {
  const model = buildModel(spec, SEED);
  const training = createOptimizer({ optimizer, learningRate: optimizer === 'adam' ? 0.01 : 0.1, momentum: 0.5 });
  return { model, optimizer: training.optimizer, variables: trainableVariables(model), dispose: () => { training.optimizer.dispose(); model.dispose(); } };
}

function largestDifference(a: tf.LayersModel, b: tf.LayersModel): number {
  const bWeights = b.getWeights().map((w) => w.dataSync());
  let largest = 0;
  a.getWeights().forEach((w, index) => w.dataSync().forEach((value, i) => (largest = Math.max(largest, Math.abs(value - (bWeights[index]?.[i] ?? Number.NaN))))));
  return largest;
}

beforeAll(async () => {
  await useWasmWithKernels();
  const layout = flatLayout(trainableVariables(makeRun('sgd').model));
  for (const exchange of ['shared', 'transfer'] as const) {
    pools.set(exchange, await GradientWorkerPool.start({ spawn: spawnNodeGradientWorker, helpers: 2, spec: TINY_SPEC_WITH_DROPOUT, seed: SEED, layout, exchange }));
  }
}, 120_000);

afterAll(() => {
  for (const pool of pools.values()) pool.dispose();
});

describe('a data-parallel step', () => {
  test.each([
    ['sgd', 'shared'],
    ['adam', 'transfer'],
    ['sgd', 'transfer'],
    ['adam', 'shared'],
  ] as const)('(%s, exchange %s; 2 and 3 workers, with dropout, 3 steps) gives the loss, accuracy and weights of the one-worker step', async (optimizerName, exchange) => {
    const pool = pools.get(exchange);
    if (!pool) throw new Error('no pool');
    expect(pool.exchange).toBe(exchange);
    // 22 images: shares of 11 + 11 and 7 + 7 + 8, each cut in micro-batches of 4 (the last smaller).
    const data = makeBandSplit(22, 5);
    const one = makeRun(optimizerName);
    const two = makeRun(optimizerName);
    const three = makeRun(optimizerName);
    expect(largestDifference(one.model, three.model)).toBe(0);
    const tensorsBefore = tf.memory().numTensors;
    for (let step = 0; step < 3; step++) {
      const reference = await trainStep(one.model, one.optimizer, one.variables, data.images, data.labels, { microBatchSize: 4, step });
      for (const [run, workers] of [[two, 2], [three, 3]] as const) {
        const { measurement, timings } = await dataParallelStep(pool, run.model, run.optimizer, run.variables, data.images, data.labels, { step, workers, microBatchSize: 4 });
        expect(measurement.loss).toBeCloseTo(reference.loss, 5);
        expect(measurement.accuracy).toBe(reference.accuracy);
        expect(timings.helpers).toHaveLength(workers - 1);
      }
    }
    expect(largestDifference(one.model, two.model)).toBeLessThan(1e-5);
    expect(largestDifference(one.model, three.model)).toBeLessThan(1e-5);
    // Equal because all three moved the same way, not because none moved.
    const fresh = makeRun(optimizerName);
    expect(largestDifference(fresh.model, three.model)).toBeGreaterThan(1e-3);
    for (const run of [one, two, three, fresh]) run.dispose();
    // The steps freed everything they made (the optimiser slots went with the runs).
    expect(tf.memory().numTensors).toBeLessThanOrEqual(tensorsBefore);
  });

  test('with label smoothing, weight decay and max-norm (issue 17), 2 workers give the one-worker step', async () => {
    const layout = flatLayout(trainableVariables(makeRun('sgd', REGULARISED_SPEC).model));
    const pool = await GradientWorkerPool.start({ spawn: spawnNodeGradientWorker, helpers: 1, spec: REGULARISED_SPEC, seed: SEED, layout, exchange: 'shared' });
    try {
      const data = makeBandSplit(22, 5);
      const one = makeRun('sgd', REGULARISED_SPEC);
      const two = makeRun('sgd', REGULARISED_SPEC);
      const plain = makeRun('sgd', REGULARISED_SPEC);
      for (let step = 0; step < 3; step++) {
        const reference = await trainStep(one.model, one.optimizer, one.variables, data.images, data.labels, { microBatchSize: 4, step, labelSmoothing: 0.1 });
        const { measurement } = await dataParallelStep(pool, two.model, two.optimizer, two.variables, data.images, data.labels, { step, workers: 2, microBatchSize: 4, labelSmoothing: 0.1 });
        const unsmoothed = await trainStep(plain.model, plain.optimizer, plain.variables, data.images, data.labels, { microBatchSize: 4, step });
        expect(measurement.loss).toBeCloseTo(reference.loss, 5);
        expect(measurement.accuracy).toBe(reference.accuracy);
        // The loss is the smoothed one (so the workers got ε), not the plain cross-entropy.
        if (step === 0) expect(Math.abs(measurement.loss - unsmoothed.loss)).toBeGreaterThan(1e-3);
      }
      expect(largestDifference(one.model, two.model)).toBeLessThan(1e-5);
      // The max-norm bound each filter after the update, on the data-parallel run too.
      const kernel = two.model.getWeights()[0] as tf.Tensor;
      const norms = tf.tidy(() => tf.sqrt(tf.sum(tf.square(kernel), [0, 1, 2])).dataSync());
      for (const norm of norms) expect(norm).toBeLessThanOrEqual(0.3 + 1e-5);
      for (const run of [one, two, plain]) run.dispose();
    } finally {
      pool.dispose();
    }
  });

  test('asked to stop between the coordinator\'s micro-batches, it is dropped once the workers answered: nothing applied, nothing leaked, and the pool trains on (issue 16)', async () => {
    const pool = pools.get('shared');
    if (!pool) throw new Error('no pool');
    // 22 images on 2 workers: the coordinator's share of 11 in micro-batches of 4, asked before its second.
    const data = makeBandSplit(22, 5);
    const one = makeRun('sgd');
    const two = makeRun('sgd');
    const tensorsBefore = tf.memory().numTensors;
    let asked = 0;
    await expect(dataParallelStep(pool, two.model, two.optimizer, two.variables, data.images, data.labels, { step: 0, workers: 2, microBatchSize: 4, interrupt: () => ++asked >= 1 })).rejects.toBeInstanceOf(StepInterruptedError);
    expect(asked).toBe(1);
    expect(largestDifference(one.model, two.model)).toBe(0);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    // The batch taken again gives the one-worker step, so the workers were left in order.
    const reference = await trainStep(one.model, one.optimizer, one.variables, data.images, data.labels, { microBatchSize: 4, step: 0 });
    const { measurement } = await dataParallelStep(pool, two.model, two.optimizer, two.variables, data.images, data.labels, { step: 0, workers: 2, microBatchSize: 4, interrupt: () => false });
    expect(measurement.loss).toBeCloseTo(reference.loss, 5);
    expect(largestDifference(one.model, two.model)).toBeLessThan(1e-5);
    one.dispose();
    two.dispose();
  });

  test.each(['shared', 'transfer'] as const)('a share abandoned (exchange %s) is dropped between the worker\'s micro-batches, and the worker trains on', async (exchange) => {
    const pool = pools.get(exchange);
    if (!pool) throw new Error('no pool');
    const run = makeRun('sgd');
    // One worker's share of 16 images in micro-batches of 1: the abandon, sent right behind it, is read
    // before its second micro-batch whether it arrives before the share starts or during it.
    const data = makeBandSplit(16, 3);
    const weights = pool.publishWeights(run.variables);
    const order = { step: 0, firstImage: 0, batchImages: 16, microBatchSize: 1, labelSmoothing: 0, images: data.images, labels: data.labels };
    const share = pool.computeShare(1, order, weights);
    pool.abandonShares(weights.version);
    await expect(share).rejects.toThrow(/gradient worker 1 dropped its share: the step was abandoned/);
    expect(pool.broken).toBeNull();
    // An abandon for another version leaves the next share alone: it answers with its gradients.
    const next = pool.publishWeights(run.variables);
    const answered = pool.computeShare(1, order, next);
    pool.abandonShares(weights.version);
    const result = await answered;
    expect(result.gradients.length).toBeGreaterThan(0);
    expect(Number.isFinite(result.loss)).toBe(true);
    run.dispose();
  });

  test('asks for no more workers than the pool has, and a batch too small for them is refused by name', async () => {
    const pool = pools.get('shared');
    if (!pool) throw new Error('no pool');
    const run = makeRun('sgd');
    const data = makeBandSplit(2, 1);
    await expect(dataParallelStep(pool, run.model, run.optimizer, run.variables, data.images, data.labels, { step: 0, workers: 4, microBatchSize: 4 })).rejects.toThrow(/2 … 3 workers, got 4/);
    await expect(dataParallelStep(pool, run.model, run.optimizer, run.variables, data.images, data.labels, { step: 0, workers: 3, microBatchSize: 4 })).rejects.toThrow(/2 images among 3 workers/);
    run.dispose();
  });
});

describe('waiting for the workers\' shares', () => {
  const result = (index: number) => ({ index, loss: 0.5, correct: 1, gradients: new Float32Array(1), timings: { readWeightsMs: 0, computeMs: 0, writeGradientsMs: 0 }, roundTripMs: 0 });

  test('a Stop while the workers compute abandons their shares, waits for every answer, and throws StepInterruptedError', async () => {
    let release: (() => void) | null = null;
    // A worker that answers only once it is asked to drop its share (as a real one does, between micro-batches).
    const pending = new Promise<ReturnType<typeof result>>((_, reject) => {
      release = () => reject(new Error('gradient worker 1 dropped its share: the step was abandoned'));
    });
    let asked = 0;
    let abandoned = 0;
    const waiting = sharesOrInterrupt([pending], () => ++asked >= 2, () => {
      abandoned += 1;
      release?.();
    });
    await expect(waiting).rejects.toBeInstanceOf(StepInterruptedError);
    expect(asked).toBe(2);
    expect(abandoned).toBe(1);
  });

  test('answers that come first are returned, and nothing is abandoned', async () => {
    let abandoned = 0;
    const results = await sharesOrInterrupt([Promise.resolve(result(1)), Promise.resolve(result(2))], () => false, () => {
      abandoned += 1;
    });
    expect(results.map((share) => share.index)).toEqual([1, 2]);
    expect(abandoned).toBe(0);
  });

  test('a worker that fails while waited for fails the wait with its message', async () => {
    await expect(sharesOrInterrupt([Promise.reject(new Error('gradient worker 2: out of memory'))], () => false, () => undefined)).rejects.toThrow(/out of memory/);
  });
});
