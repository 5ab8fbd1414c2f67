import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { readInternals } from '../../../src/engine/inspect/read-internals';
import { buildModel } from '../../../src/engine/training/build-model';
import { makeBandSplit, TINY_SPEC } from '../training/fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** One fixture image (a bright band over noise), 32 × 32 × 3 bytes. */
const image = makeBandSplit(4, 7).images.subarray(3 * 3072, 4 * 3072).slice();

/** Give every layer non-zero biases, so a replay that forgot the bias would fail. */
function randomiseBiases(model: tf.LayersModel, seed: number): void {
  for (const layer of model.layers) {
    const weights = layer.getWeights();
    if (weights.length !== 2) continue;
    const [kernel, bias] = weights as [tf.Tensor, tf.Tensor];
    const fresh = tf.randomUniform(bias.shape, -0.1, 0.1, 'float32', seed);
    layer.setWeights([kernel, fresh]);
    fresh.dispose();
  }
}

describe('readInternals (real tfjs, cpu)', () => {
  test("the tutorial model: every conv, pooling and dense output, shaped as model.summary() says; the last layer is the model's own prediction", async () => {
    const model = buildModel(DEFAULT_MODEL_SPEC, 11);
    randomiseBiases(model, 5);
    const internals = await readInternals(model, image, { kind: 'pretrained' });
    expect(internals.model).toEqual({ kind: 'pretrained' });
    expect(internals.layers.map((layer) => [layer.name, layer.className, layer.shape])).toEqual([
      ['conv2d', 'Conv2D', [32, 32, 32]],
      ['conv2d_1', 'Conv2D', [30, 30, 32]],
      ['max_pooling2d', 'MaxPooling2D', [15, 15, 32]],
      ['dense', 'Dense', [512]],
      ['dense_1', 'Dense', [10]],
    ]);
    for (const layer of internals.layers) expect(layer.values.length).toBe(layer.shape.reduce((a, b) => a * b, 1));
    // Every array owns its whole buffer, so it can be transferred.
    for (const layer of internals.layers) expect(layer.values.buffer.byteLength).toBe(layer.values.byteLength);

    const expected = tf.tidy(() => model.predict(tf.div(tf.tensor4d(Float32Array.from(image), [1, 32, 32, 3]), 255)) as tf.Tensor);
    const probabilities = Array.from(await expected.data());
    expected.dispose();
    const last = Array.from(internals.layers.at(-1)?.values ?? []);
    last.forEach((value, index) => expect(value).toBeCloseTo(probabilities[index] ?? Number.NaN, 6));
    expect(last.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);

    const conv = internals.firstConv;
    expect(conv).toMatchObject({ layerIndex: 0, name: 'conv2d', kernelShape: [3, 3, 3, 32], strides: [1, 1], padding: 'same', activation: 'relu', seesImage: true });
    const [kernel, bias] = model.layers[0]?.getWeights() ?? [];
    expect(Array.from(conv?.kernel ?? [])).toEqual(Array.from(await (kernel as tf.Tensor).data()));
    expect(Array.from(conv?.bias ?? [])).toEqual(Array.from(await (bias as tf.Tensor).data()));
    expect(conv?.bias?.some((value) => value !== 0)).toBe(true);
    model.dispose();
  });

  test('frees every tensor it makes, and leaves the model usable', async () => {
    const model = buildModel(DEFAULT_MODEL_SPEC, 3);
    const before = tf.memory().numTensors;
    for (let repeat = 0; repeat < 3; repeat += 1) await readInternals(model, image, { kind: 'trained', epochsDone: 1, batch: 0 });
    expect(tf.memory().numTensors).toBe(before);
    const again = await readInternals(model, image, { kind: 'trained', epochsDone: 1, batch: 0 });
    expect(again.layers).toHaveLength(5);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  test('a model whose first conv layer has stride 2 and no dropout before it; a bad image size is refused', async () => {
    const model = buildModel(TINY_SPEC, 1);
    const internals = await readInternals(model, image, { kind: 'pretrained' });
    expect(internals.firstConv).toMatchObject({ kernelShape: [3, 3, 3, 4], strides: [2, 2], padding: 'same', seesImage: true });
    expect(internals.layers.map((layer) => layer.shape)).toEqual([[16, 16, 4], [8, 8, 4], [10]]);
    await expect(readInternals(model, new Uint8Array(100), { kind: 'pretrained' })).rejects.toThrow('an image to inspect is 3072 bytes (32 × 32 × 3), got 100');
    model.dispose();
  });

  test('a conv layer after a pooling layer does not see the image itself', async () => {
    const model = buildModel({ layers: [{ type: 'MaxPooling2D', poolSize: 2, strides: null, padding: 'valid' }, ...TINY_SPEC.layers] }, 1);
    const internals = await readInternals(model, image, { kind: 'pretrained' });
    expect(internals.firstConv).toMatchObject({ layerIndex: 1, seesImage: false });
    model.dispose();
  });
});
