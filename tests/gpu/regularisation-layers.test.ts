/**
 * The regularisation layers on real WebGL 2 (SwiftShader here): stochastic pooling (training with fixed
 * draws, inference) and DropConnect give the same outputs and gradients as on tfjs's cpu backend, and a
 * network holding both takes a training step with the engine's own step on webgl.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src/core/model/model-spec';
import { DropConnectDense } from '../../src/engine/layers/drop-connect-dense';
import { stochasticPoolInference, stochasticPoolTraining, type StochasticPoolShape } from '../../src/engine/layers/stochastic-pool-op';
import { buildModel } from '../../src/engine/training/build-model';
import { trainableVariables, trainStep } from '../../src/engine/training/train-step';
import { referenceDropoutMask } from '../../src/engine/webgl/dropout-hash';
import { gpuDropoutAvailable } from '../../src/engine/webgl/dropout-op';
import { registerWebGLTrainingKernels } from '../../src/engine/webgl/register-webgl-kernels';

beforeAll(async () => {
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  registerWebGLTrainingKernels();
  expect(await tf.setBackend('webgl')).toBe(true);
});

/** Run `compute` on `backend` and read its outputs back (then free them). */
async function on(backend: 'webgl' | 'cpu', compute: () => tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  expect(tf.getBackend()).toBe(backend);
  const outputs = tf.tidy(compute);
  const values = await Promise.all(outputs.map(async (tensor) => Float32Array.from(await tensor.data())));
  tf.dispose(outputs);
  return values;
}

function largestDifference(a: Float32Array | undefined, b: Float32Array | undefined): number {
  expect(a?.length).toBe(b?.length);
  let largest = 0;
  for (let index = 0; index < (a?.length ?? 0); index++) largest = Math.max(largest, Math.abs((a?.[index] ?? 0) - (b?.[index] ?? 0)));
  return largest;
}

/** Deterministic numbers (a sine hash), so both backends get the same inputs. */
function values(count: number, seed: number, low = 0, high = 1): number[] {
  return Array.from({ length: count }, (_, index) => {
    const fraction = (((Math.sin((index + 1) * 12.9898 + seed * 78.233) * 43758.5453) % 1) + 1) % 1;
    return low + (high - low) * fraction;
  });
}

describe('stochastic pooling on webgl equals cpu', () => {
  const cases: [string, number[], StochasticPoolShape][] = [
    ['2×2 valid over 7×6 (a row and column cut off)', [2, 7, 6, 3], { poolSize: [2, 2], padding: 'valid' }],
    ['3×3 same over 8×8', [1, 8, 8, 4], { poolSize: [3, 3], padding: 'same' }],
  ];
  it.each(cases)('training with fixed draws and inference, values and gradients: %s', async (_name, shape, pool) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const input = values(size, 1, 0, 2).map((value, index) => (index % 7 === 0 ? 0 : value));
    const [batch = 1, rows = 1, cols = 1, channels = 1] = shape;
    const outRows = pool.padding === 'same' ? Math.ceil(rows / pool.poolSize[0]) : Math.floor(rows / pool.poolSize[0]);
    const outCols = pool.padding === 'same' ? Math.ceil(cols / pool.poolSize[1]) : Math.floor(cols / pool.poolSize[1]);
    const drawCount = batch * outRows * outCols * channels;
    const draws = values(drawCount, 2);
    const dy = values(drawCount, 3, -1, 1);
    const compute = (): tf.Tensor[] => {
      const x = tf.tensor4d(input, [batch, rows, cols, channels]);
      const uniform = tf.tensor(draws, [batch, outRows, outCols, channels, 1]);
      const weights = tf.tensor(dy, [batch, outRows, outCols, channels]);
      const train = (value: tf.Tensor): tf.Tensor => stochasticPoolTraining(value as tf.Tensor4D, pool, uniform);
      const infer = (value: tf.Tensor): tf.Tensor => stochasticPoolInference(value as tf.Tensor4D, pool);
      return [
        train(x),
        tf.grad((value: tf.Tensor) => tf.sum(tf.mul(train(value), weights)))(x),
        infer(x),
        tf.grad((value: tf.Tensor) => tf.sum(tf.mul(infer(value), weights)))(x),
      ];
    };
    const gpu = await on('webgl', compute);
    const cpu = await on('cpu', compute);
    await tf.setBackend('webgl');
    cpu.forEach((reference, index) => expect(largestDifference(gpu[index], reference), `output ${index}`).toBeLessThan(1e-4));
  });
});

describe('DropConnect on webgl', () => {
  it('masks the kernel with the GPU mask of its seed; output and kernel gradient equal the hand computation', async () => {
    expect(gpuDropoutAvailable()).toBe(true);
    const [inputs, units, batch, rate] = [6, 5, 3, 0.4];
    const kernel = values(inputs * units, 4, -1, 1);
    const bias = values(units, 5, -0.5, 0.5);
    const x = values(batch * inputs, 6, -1, 1);
    const layer = new DropConnectDense({ units, rate, maskSeed: 11 });
    layer.build([null, inputs]);
    layer.setWeights([tf.tensor2d(kernel, [inputs, units]), tf.tensor1d(bias)]);
    const mask = referenceDropoutMask(inputs * units, rate, layer.nextMaskSeed);
    const input = tf.tensor2d(x, [batch, inputs]);
    const { value, grads } = tf.variableGrads(() => tf.sum(layer.apply(input, { training: true }) as tf.Tensor) as tf.Scalar, layer.trainableWeights.map((weight) => weight.read() as tf.Variable));
    const kernelName = (layer.trainableWeights[0]?.read() as tf.Variable).name;
    // Σ over the batch and units of (x · (K ⊙ M) + b), and ∂/∂K = (Σ_n x_n) ⊗ 1 ⊙ M.
    let expectedSum = 0;
    const expectedGradient = new Float32Array(inputs * units);
    for (let i = 0; i < inputs; i++) {
      let column = 0;
      for (let n = 0; n < batch; n++) column += x[n * inputs + i] ?? 0;
      for (let u = 0; u < units; u++) {
        const masked = (mask[i * units + u] ?? 0);
        expectedSum += column * (kernel[i * units + u] ?? 0) * masked;
        expectedGradient[i * units + u] = column * masked;
      }
    }
    expectedSum += batch * bias.reduce((a, b) => a + b, 0);
    expect((await value.data())[0]).toBeCloseTo(expectedSum, 3);
    expect(largestDifference(Float32Array.from(await (grads[kernelName] as tf.Tensor).data()), expectedGradient)).toBeLessThan(1e-4);
    const inference = layer.apply(input) as tf.Tensor;
    const again = layer.apply(input) as tf.Tensor;
    expect(Array.from(await inference.data())).toEqual(Array.from(await again.data()));
    tf.dispose([input, value, inference, again, ...Object.values(grads)]);
  });
});

describe('a network with every regulariser trains on webgl', () => {
  it('takes the engine’s training step: finite loss, weights move, max-norm holds, nothing leaks', async () => {
    const spec: ModelSpec = {
      layers: [
        { type: 'Conv2D', filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelRegularizer: { l2: 0.001 }, kernelConstraint: { maxNorm: 1 } },
        { type: 'BatchNormalization' },
        { type: 'Conv2D', filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
        { type: 'StochasticPooling2D', poolSize: 2, padding: 'valid' },
        { type: 'Flatten' },
        { type: 'DropConnectDense', units: 8, activation: 'relu', rate: 0.5 },
        { type: 'Dense', units: 10, activation: 'softmax' },
      ],
    };
    const model = buildModel(spec, 1);
    const optimizer = tf.train.adam(0.01);
    const variables = trainableVariables(model);
    const images = Uint8Array.from(values(8 * 3072, 7, 0, 255).map(Math.floor));
    const labels = Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
    const before = Float32Array.from(await (model.layers[5]?.getWeights()[0] as tf.Tensor).data());
    await trainStep(model, optimizer, variables, images, labels, { labelSmoothing: 0.1 });
    const tensors = tf.memory().numTensors;
    const measured = await trainStep(model, optimizer, variables, images, labels, { labelSmoothing: 0.1 });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(Number.isFinite(measured.loss)).toBe(true);
    const after = Float32Array.from(await (model.layers[5]?.getWeights()[0] as tf.Tensor).data());
    expect(largestDifference(before, after)).toBeGreaterThan(0);
    const norms = tf.tidy(() => tf.sqrt(tf.sum(tf.square(tf.reshape(model.layers[0]?.getWeights()[0] as tf.Tensor, [-1, 4])), 0)));
    for (const norm of await norms.data()) expect(norm).toBeLessThanOrEqual(1 + 1e-4);
    norms.dispose();
    optimizer.dispose();
    model.dispose();
  });
});
