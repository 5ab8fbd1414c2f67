import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ModelSpec } from '../../../src/core/model/model-spec';
import { BETTER_RECIPE } from '../../../src/core/training/recipes';
import { captureArtifacts, modelFromArtifacts } from '../../../src/engine/classify/model-artifacts';
import { CUSTOM_LAYER_CLASS_NAMES } from '../../../src/engine/layers/custom-layers';
import { buildModel } from '../../../src/engine/training/build-model';
import { regularisationPenalty } from '../../../src/engine/training/regularisation';
import { trainableVariables, trainStep } from '../../../src/engine/training/train-step';
import { makeBandSplit } from '../training/fixtures';

/** Every regulariser of the tutorial in one small network. */
const REGULARISED_SPEC: ModelSpec = {
  layers: [
    { type: 'Conv2D', filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelRegularizer: { l2: 0.01 }, kernelConstraint: { maxNorm: 0.5 } },
    { type: 'BatchNormalization' },
    { type: 'Dropout', rate: 0.2 },
    { type: 'Conv2D', filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'StochasticPooling2D', poolSize: 2, padding: 'valid' },
    { type: 'Flatten' },
    { type: 'DropConnectDense', units: 12, activation: 'relu', rate: 0.5, kernelRegularizer: { l2: 0.001 } },
    { type: 'Dense', units: 10, activation: 'softmax', kernelConstraint: { maxNorm: 1 } },
  ],
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Layer `index`'s weight `weight` (0: kernel), failing the test when it has none. */
function weightOf(model: tf.LayersModel, index: number, weight = 0): tf.Tensor {
  const tensor = model.layers[index]?.getWeights()[weight];
  if (!tensor) throw new Error(`layer ${index} has no weight ${weight}`);
  return tensor;
}

/** The first value of a tensor. */
async function scalarOf(tensor: tf.Tensor): Promise<number> {
  return (await tensor.data())[0] ?? Number.NaN;
}

/** The L2 norm of each output unit's (filter's) incoming weights: over all axes but the last. */
async function unitNorms(kernel: tf.Tensor): Promise<number[]> {
  const norms = tf.tidy(() => tf.sqrt(tf.sum(tf.square(tf.reshape(kernel, [-1, kernel.shape.at(-1) ?? 1])), 0)));
  const values = Array.from(await norms.data());
  norms.dispose();
  return values;
}

describe('a network with every regulariser', () => {
  test('builds with our layers, Keras names and the tutorial-style summary', () => {
    const model = buildModel(REGULARISED_SPEC, 1);
    expect(model.layers.map((layer) => layer.getClassName())).toEqual([
      'Conv2D', 'BatchNormalization', 'Dropout', 'Conv2D', 'StochasticPooling2D', 'Flatten', 'DropConnectDense', 'Dense',
    ]);
    expect(model.layers.map((layer) => layer.name)).toEqual(['conv2d', 'batch_normalization', 'dropout', 'conv2d_1', 'stochastic_pooling2d', 'flatten', 'drop_connect_dense', 'dense']);
    expect(model.outputs[0]?.shape).toEqual([null, 10]);
    expect(CUSTOM_LAYER_CLASS_NAMES).toEqual(['DropConnectDense', 'StochasticPooling2D']);
    model.dispose();
  });

  test('weight decay: the penalty is Σ λ · Σ w² over the regularised kernels', async () => {
    const model = buildModel(REGULARISED_SPEC, 2);
    const squares = async (tensor: tf.Tensor): Promise<number> => scalarOf(tf.sum(tf.square(tensor)));
    const expected = 0.01 * (await squares(weightOf(model, 0))) + 0.001 * (await squares(weightOf(model, 6)));
    const penalty = regularisationPenalty(model);
    if (!penalty) throw new Error('no penalty');
    expect(await scalarOf(penalty)).toBeCloseTo(expected, 5);
    // No regulariser, no penalty.
    const plain = buildModel({ layers: [{ type: 'Flatten' }, { type: 'Dense', units: 10, activation: 'softmax' }] }, 1);
    expect(regularisationPenalty(plain)).toBeNull();
    tf.dispose(penalty);
    plain.dispose();
    model.dispose();
  });

  test('max-norm: after every training step no unit’s incoming weights are longer than the cap; the loss includes the penalty', async () => {
    const model = buildModel(REGULARISED_SPEC, 3);
    const optimizer = tf.train.sgd(5); // a huge step, so the weights would outgrow the cap without it
    const variables = trainableVariables(model);
    const data = makeBandSplit(16, 4);
    for (let step = 0; step < 3; step++) {
      const measured = await trainStep(model, optimizer, variables, data.images, data.labels, { microBatchSize: 8, labelSmoothing: 0.1 });
      expect(Number.isFinite(measured.loss)).toBe(true);
      for (const norm of await unitNorms(weightOf(model, 0))) expect(norm).toBeLessThanOrEqual(0.5 + 1e-5);
      for (const norm of await unitNorms(weightOf(model, 7))) expect(norm).toBeLessThanOrEqual(1 + 1e-5);
    }
    // The unconstrained conv2d_1 kernel did grow beyond what the cap would allow.
    expect(Math.max(...(await unitNorms(weightOf(model, 3))))).toBeGreaterThan(0.5);
    optimizer.dispose();
    model.dispose();
  });

  test('saved and loaded back: the same layers, settings and weights, and the same (deterministic) predictions', async () => {
    const model = buildModel(REGULARISED_SPEC, 5);
    // Train a little so the batch-norm statistics and weights are not their initial values.
    const optimizer = tf.train.adam(0.01);
    const data = makeBandSplit(16, 6);
    await trainStep(model, optimizer, trainableVariables(model), data.images, data.labels);
    const artifacts = await captureArtifacts(model, {});
    // Through JSON, as a file or IndexedDB keeps the topology.
    const loaded = await modelFromArtifacts({ ...artifacts, modelTopology: JSON.parse(JSON.stringify(artifacts.modelTopology)) as Record<string, unknown> });
    expect(loaded.layers.map((layer) => layer.getClassName())).toEqual(model.layers.map((layer) => layer.getClassName()));
    const configOf = (m: tf.LayersModel, index: number): tf.serialization.ConfigDict => m.layers[index]?.getConfig() ?? {};
    expect(configOf(loaded, 4)).toMatchObject({ poolSize: [2, 2], strides: [2, 2], padding: 'valid' });
    expect(configOf(loaded, 6)).toMatchObject({ units: 12, rate: 0.5, activation: 'relu', kernelRegularizer: { className: 'L1L2', config: { l1: 0, l2: 0.001 } } });
    expect(configOf(loaded, 0)).toMatchObject({ kernelConstraint: { className: 'MaxNorm', config: { maxValue: 0.5, axis: [0, 1, 2] } } });
    expect(configOf(loaded, 7)).toMatchObject({ kernelConstraint: { className: 'MaxNorm', config: { maxValue: 1, axis: 0 } } });
    const images = tf.randomUniform([5, 32, 32, 3], 0, 1, 'float32', 9);
    const before = model.predict(images) as tf.Tensor;
    const again = model.predict(images) as tf.Tensor;
    const after = loaded.predict(images) as tf.Tensor;
    const reference = Array.from(await before.data());
    expect(Array.from(await again.data())).toEqual(reference);
    // The weights come back within float rounding: tfjs applies a layer's constraint again when it
    // writes loaded weights, and max-norm rescales by n / (n + 1e-7) even within the cap.
    const flat = async (m: tf.LayersModel): Promise<number[]> => (await Promise.all(m.getWeights().map(async (weight) => Array.from(await weight.data())))).flat();
    const [savedWeights, loadedWeights] = [await flat(model), await flat(loaded)];
    expect(loadedWeights).toHaveLength(savedWeights.length);
    expect(Math.max(...loadedWeights.map((value, index) => Math.abs(value - (savedWeights[index] ?? 0))))).toBeLessThan(1e-6);
    const loadedValues = Array.from(await after.data());
    expect(Math.max(...loadedValues.map((value, index) => Math.abs(value - (reference[index] ?? 0))))).toBeLessThan(1e-6);
    tf.dispose([images, before, again, after]);
    optimizer.dispose();
    model.dispose();
    loaded.dispose();
  });

  test('the Better recipe’s network (batch normalisation) builds, and its parameters match the summary', () => {
    const model = buildModel(BETTER_RECIPE.spec, 1);
    expect(model.countParams()).toBe(3_702_442);
    model.dispose();
  });
});
