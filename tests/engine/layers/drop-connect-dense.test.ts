import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { mulberry32 } from '../../../src/core/common/seeded-random';
import { DropConnectDense } from '../../../src/engine/layers/drop-connect-dense';
import { dropoutOnBackend } from '../../../src/engine/webgl/dropout-op';
import { useWasmWithKernels } from '../wasm/backend-parity';
import { autogradGradient, largestDifference, numericalGradient } from './gradient-check';

/**
 * DropConnectDense on cpu and on wasm (with the engine's mask kernel); webgl is checked against cpu in
 * tests/gpu/regularisation-layers.test.ts.
 */

async function use(backend: 'cpu' | 'wasm'): Promise<void> {
  if (backend === 'wasm') await useWasmWithKernels();
  else await tf.setBackend('cpu');
  expect(tf.getBackend()).toBe(backend);
}

/** A built layer with the given kernel [inputs, units] and bias. */
function layerWith(kernel: number[][], bias: number[], rate: number, maskSeed: number, activation: 'linear' | 'relu' = 'linear'): DropConnectDense {
  const layer = new DropConnectDense({ units: bias.length, rate, maskSeed, activation });
  layer.build([null, kernel.length]);
  layer.setWeights([tf.tensor2d(kernel), tf.tensor1d(bias)]);
  return layer;
}

/** The mask the layer's next training call multiplies its kernel by (0 or 1 / (1 − rate) per weight). */
async function nextMask(layer: DropConnectDense, shape: [number, number]): Promise<Float32Array> {
  const mask = tf.tidy(() => dropoutOnBackend(tf.ones(shape), layer.rate, layer.nextMaskSeed, { stockSeed: layer.nextMaskSeed }));
  const values = Float32Array.from(await mask.data());
  mask.dispose();
  return values;
}

/** x · (K ⊙ M) + b by loops. */
function byHand(x: number[][], kernel: number[][], mask: ArrayLike<number>, bias: number[]): number[] {
  const units = bias.length;
  return x.flatMap((row) => bias.map((b, unit) => row.reduce((sum, value, input) => sum + value * (kernel[input]?.[unit] ?? 0) * (mask[input * units + unit] ?? 0), b)));
}

describe.each(['cpu', 'wasm'] as const)('DropConnectDense on %s', (backend) => {
  const kernel = [[1, 2, 3], [4, 5, 6]];
  const bias = [0.5, 0, -1];
  const x = [[1, 2], [-1, 0.5]];

  test('by hand: inference is x · K + b whatever the rate, and the same at every call', async () => {
    await use(backend);
    const layer = layerWith(kernel, bias, 0.5, 1);
    const input = tf.tensor2d(x);
    const first = layer.apply(input) as tf.Tensor;
    const second = layer.apply(input, { training: false }) as tf.Tensor;
    // [1, 2] · K = [9, 12, 15] + b; [−1, 0.5] · K = [1, 0.5, 0] + b
    expect(Array.from(await first.data())).toEqual([9.5, 12, 14, 1.5, 0.5, -1]);
    expect(Array.from(await second.data())).toEqual(Array.from(await first.data()));
    tf.dispose([input, first, second]);
  });

  test('by hand: training multiplies the kernel by a fresh 0 or 1/(1 − rate) mask per call; its gradients carry the same mask', async () => {
    await use(backend);
    const layer = layerWith(kernel, bias, 0.5, 7);
    const input = tf.tensor2d(x);
    const mask = await nextMask(layer, [2, 3]);
    expect(new Set(mask)).toEqual(new Set(Array.from(mask).filter((value) => value === 0 || value === 2)));
    const output = layer.apply(input, { training: true }) as tf.Tensor;
    expect(largestDifference(await output.data(), byHand(x, kernel, mask, bias))).toBeLessThan(1e-5);
    // The next call draws another mask (seed + 1).
    const nextMaskValues = await nextMask(layer, [2, 3]);
    const again = layer.apply(input, { training: true }) as tf.Tensor;
    expect(largestDifference(await again.data(), byHand(x, kernel, nextMaskValues, bias))).toBeLessThan(1e-5);
    // Gradients with dy = 1: ∂/∂K[i][u] = Σ_n x[n][i] · M[i][u]; ∂/∂b[u] = N; ∂/∂x[n][i] = Σ_u K[i][u] · M[i][u].
    const gradMask = await nextMask(layer, [2, 3]);
    const { value, grads } = tf.variableGrads(() => tf.sum(layer.apply(input, { training: true }) as tf.Tensor) as tf.Scalar, layer.trainableWeights.map((weight) => weight.read() as tf.Variable));
    const [kernelName, biasName] = layer.trainableWeights.map((weight) => (weight.read() as tf.Variable).name);
    const columnSums = [x.reduce((sum, row) => sum + (row[0] ?? 0), 0), x.reduce((sum, row) => sum + (row[1] ?? 0), 0)];
    const expectedKernel = kernel.flatMap((row, i) => row.map((_, u) => (columnSums[i] ?? 0) * (gradMask[i * 3 + u] ?? 0)));
    expect(largestDifference(await (grads[kernelName ?? ''] as tf.Tensor).data(), expectedKernel)).toBeLessThan(1e-5);
    expect(Array.from(await (grads[biasName ?? ''] as tf.Tensor).data())).toEqual([2, 2, 2]);
    tf.dispose([input, output, again, value, ...Object.values(grads)]);
  });

  test('the input gradient equals the numerical one (the same mask at each evaluation: a fresh layer with the same seed)', async () => {
    await use(backend);
    const random = mulberry32(4);
    const kernelValues = Array.from({ length: 6 }, () => Array.from({ length: 5 }, () => random() * 2 - 1));
    const biasValues = Array.from({ length: 5 }, () => random() - 0.5);
    const input = tf.tensor2d(Array.from({ length: 3 }, () => Array.from({ length: 6 }, () => random() * 2 - 1)));
    const f = (value: tf.Tensor): tf.Tensor => layerWith(kernelValues, biasValues, 0.3, 21, 'relu').apply(value, { training: true }) as tf.Tensor;
    const dy = Float32Array.from({ length: 15 }, () => random() * 2 - 1);
    const analytic = await autogradGradient(f, input, dy);
    const numerical = await numericalGradient(f, input, dy, 1e-3);
    expect(largestDifference(analytic, numerical)).toBeLessThan(2e-3);
    input.dispose();
  });

  test('rate 0 trains exactly as a Dense layer; the kept share is 1 − rate (within 5 σ)', async () => {
    await use(backend);
    const dense = tf.layers.dense({ units: 3, inputShape: [2] });
    dense.build([null, 2]);
    dense.setWeights([tf.tensor2d(kernel), tf.tensor1d(bias)]);
    const ours = layerWith(kernel, bias, 0, 3);
    const input = tf.tensor2d(x);
    const a = ours.apply(input, { training: true }) as tf.Tensor;
    const b = dense.apply(input, { training: true }) as tf.Tensor;
    expect(Array.from(await a.data())).toEqual(Array.from(await b.data()));
    const big = new DropConnectDense({ units: 100, rate: 0.3, maskSeed: 2 });
    big.build([null, 200]);
    const mask = await nextMask(big, [200, 100]);
    const kept = mask.filter((value) => value !== 0).length / mask.length;
    expect(Math.abs(kept - 0.7)).toBeLessThan(5 * Math.sqrt((0.7 * 0.3) / mask.length));
    tf.dispose([input, a, b]);
  });
});
