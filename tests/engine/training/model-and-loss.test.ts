import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { analyseModelSpec } from '../../../src/core/model/model-spec-validate';
import { batchTensors } from '../../../src/engine/training/batch-tensors';
import { buildModel } from '../../../src/engine/training/build-model';
import { countCorrect, crossEntropyPerImage } from '../../../src/engine/training/loss';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('spec → tfjs model', () => {
  test("the tutorial's model has Keras' layer names, shapes and 3 702 186 parameters, as the core analysis says", () => {
    const model = buildModel(DEFAULT_MODEL_SPEC, 1);
    const analysis = analyseModelSpec(DEFAULT_MODEL_SPEC);
    if (!analysis.ok) throw new Error('default spec must be valid');
    expect(model.layers.map((layer) => layer.name)).toEqual(['conv2d', 'dropout', 'conv2d_1', 'max_pooling2d', 'flatten', 'dense', 'dropout_1', 'dense_1']);
    expect(model.layers.map((layer) => (layer.outputShape as number[]).slice(1))).toEqual(analysis.layers.map((layer) => layer.outputShape));
    expect(model.layers.map((layer) => layer.countParams())).toEqual(analysis.layers.map((layer) => layer.params));
    expect(model.countParams()).toBe(3_702_186);
    model.dispose();
  });

  test('the same seed builds the same weights; another seed does not', async () => {
    const [a, b, c] = [1, 1, 2].map((seed) => buildModel(DEFAULT_MODEL_SPEC, seed));
    const first = async (model: tf.LayersModel | undefined) => Array.from((await model?.getWeights()[0]?.data()) ?? []).slice(0, 20);
    expect(await first(a)).toEqual(await first(b));
    expect(await first(a)).not.toEqual(await first(c));
    for (const model of [a, b, c]) model?.dispose();
  });

  test('an invalid spec is refused with the layer named', () => {
    expect(() => buildModel({ layers: [{ type: 'Dense', units: 10, activation: 'softmax' }] }, 1)).toThrow('layer 1 (Dense): needs a flat input');
  });
});

describe('batches and loss', () => {
  test('a uint8 batch becomes [N, 32, 32, 3] floats in [0, 1] and one-hot targets, and nothing leaks', async () => {
    const before = tf.memory().numTensors;
    const images = new Uint8Array(2 * 3072);
    images[0] = 255;
    images[3072 + 5] = 51;
    const batch = batchTensors(images, Uint8Array.from([3, 9]));
    expect(batch.images.shape).toEqual([2, 32, 32, 3]);
    const values = await batch.images.data();
    expect(values[0]).toBe(1);
    expect(values[3072 + 5]).toBeCloseTo(0.2, 7);
    expect(await batch.oneHot.array()).toEqual([[0, 0, 0, 1, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]]);
    tf.dispose([batch.images, batch.labels, batch.oneHot]);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => batchTensors(new Uint8Array(10), Uint8Array.from([1]))).toThrow('a batch of 1 labels needs 3072 image bytes, got 10');
  });

  test("cross-entropy is Keras': −log of the true class's probability, clipped at 1e-7", async () => {
    const probabilities = tf.tensor2d([[0.7, 0.2, 0.1], [0, 1, 0]]);
    const oneHot = tf.tensor2d([[1, 0, 0], [1, 0, 0]]);
    const losses = await crossEntropyPerImage(oneHot, probabilities).data();
    expect(losses[0]).toBeCloseTo(-Math.log(0.7), 5);
    expect(losses[1]).toBeCloseTo(-Math.log(1e-7), 3);
    expect((await countCorrect(tf.tensor1d([0, 0], 'int32'), probabilities).data())[0]).toBe(1);
  });
});
