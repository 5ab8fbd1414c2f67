/**
 * Our FusedBatchNorm gradient against tfjs's own and against central differences, on cpu and on
 * wasm with the engine's kernels: in training (statistics from the batch, as a BatchNormalization
 * layer computes them, so the gradient also flows back through the mean and variance), at inference
 * (fixed statistics, every input's gradient) and on a dense layer's 2-D activations; then one whole
 * layer's weights gradient. (Without a scale tfjs cannot differentiate the kernel at all: it saves
 * the missing input for the backward pass and fails, whichever gradient is registered.) No tensor is left behind.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, test } from 'vitest';
import { batchNormGradient, registerBatchNormGradient, stockBatchNormGradient } from '../../../src/engine/training/batch-norm-gradient';
import { autogradGradient, largestDifference, numericalGradient } from '../layers/gradient-check';
import { expectClose, runOn } from '../wasm/backend-parity';

const stock = stockBatchNormGradient;
const EPSILON = 0.001;

/** Run `compute` with one gradient or the other in tfjs's registry. */
async function withGradient(which: 'stock' | 'ours', backend: 'cpu' | 'wasm', compute: () => tf.Tensor[]) {
  tf.registerGradient(which === 'stock' ? stock : batchNormGradient);
  return runOn(backend, compute);
}

afterAll(() => {
  tf.registerGradient(stock);
});

/** Seeded inputs, so both gradients see the same numbers. */
function uniform(shape: number[], seed: number, low = -1, high = 1): tf.Tensor {
  return tf.randomUniform(shape, low, high, 'float32', seed);
}

/** A training-mode batch normalisation as tfjs-layers computes it: statistics over all but the last axis. */
function trainingNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const axes = x.shape.slice(0, -1).map((_, axis) => axis);
  const { mean, variance } = tf.moments(x, axes);
  return tf.batchNorm(x, mean, variance, beta, gamma, EPSILON);
}

type Case = readonly [string, () => tf.Tensor[]];

const CASES: readonly Case[] = [
  [
    'training, NHWC 3×5×4×6: x, gamma and beta through the batch statistics',
    () => {
      const x = uniform([3, 5, 4, 6], 1, -2, 3);
      const dy = uniform([3, 5, 4, 6], 2);
      const { value, grads } = tf.valueAndGrads((input: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => trainingNorm(input, gamma, beta))([x, uniform([6], 3, 0.5, 1.5), uniform([6], 4)], dy);
      return [value, ...grads];
    },
  ],
  [
    'inference, NHWC 2×3×3×4: x, mean, variance, scale and offset',
    () => {
      const x = uniform([2, 3, 3, 4], 5, -2, 2);
      const dy = uniform([2, 3, 3, 4], 6);
      const norm = (input: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor, scale: tf.Tensor, offset: tf.Tensor): tf.Tensor => tf.batchNorm(input, mean, variance, offset, scale, EPSILON);
      const { value, grads } = tf.valueAndGrads(norm)([x, uniform([4], 7), uniform([4], 8, 0.2, 2), uniform([4], 9, 0.5, 1.5), uniform([4], 10)], dy);
      return [value, ...grads];
    },
  ],
  [
    'training, a dense layer’s 8×5 activations',
    () => {
      const x = uniform([8, 5], 15, -3, 3);
      const dy = uniform([8, 5], 16);
      const { value, grads } = tf.valueAndGrads((input: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => trainingNorm(input, gamma, beta))([x, uniform([5], 17, 0.5, 1.5), uniform([5], 18)], dy);
      return [value, ...grads];
    },
  ],
  [
    'a BatchNormalization layer in training: its gamma and beta gradients',
    () => {
      const layer = tf.layers.batchNormalization({ epsilon: EPSILON, gammaInitializer: tf.initializers.randomUniform({ minval: 0.5, maxval: 1.5, seed: 19 }), betaInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 20 }) });
      const x = uniform([4, 3, 3, 5], 21, -2, 2);
      layer.build(x.shape);
      const dy = uniform([4, 3, 3, 5], 22);
      const { grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x, { training: true }) as tf.Tensor, dy)), layer.trainableWeights.map((weight) => weight.read() as tf.Variable));
      const gradients = Object.values(grads);
      // The layer was never part of a model, so it cannot be disposed; its variables can.
      for (const weight of layer.weights) weight.dispose();
      return gradients;
    },
  ],
];

describe.each(['cpu', 'wasm'] as const)('the FusedBatchNorm gradient on %s', (backend) => {
  test.each(CASES)('equals tfjs’s own: %s', async (name, compute) => {
    const expected = await withGradient('stock', backend, compute);
    const actual = await withGradient('ours', backend, compute);
    expect(actual.length).toBeGreaterThan(1);
    expectClose(actual, expected, name, 1e-5);
  });

  test('equals central differences through the batch statistics (2×3×3×2)', async () => {
    tf.registerGradient(batchNormGradient);
    if (backend === 'wasm') await runOn('wasm', () => []);
    else await tf.setBackend('cpu');
    const gamma = tf.tensor1d([0.8, 1.3]);
    const beta = tf.tensor1d([0.1, -0.4]);
    const x = uniform([2, 3, 3, 2], 23, -2, 2);
    const weights = Float32Array.from({ length: x.size }, (_, index) => Math.sin(index * 1.7) + 0.3);
    const f = (input: tf.Tensor): tf.Tensor => trainingNorm(input, gamma, beta);
    const numeric = await numericalGradient(f, x, weights);
    const autograd = await autogradGradient(f, x, weights);
    expect(largestDifference(autograd, numeric)).toBeLessThan(5e-3);
    tf.dispose([gamma, beta, x]);
  });
});

describe('registering it', () => {
  test('puts ours in tfjs’s registry, once', () => {
    // The stock gradient the comparisons above use is tfjs's own, not ours.
    expect(stock).not.toBe(batchNormGradient);
    expect(stock.kernelName).toBe(tf.FusedBatchNorm);
    tf.registerGradient(stock);
    registerBatchNormGradient();
    registerBatchNormGradient();
    expect(tf.getGradient(tf.FusedBatchNorm)).toBe(batchNormGradient);
  });
});
