import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { captureArtifacts, modelFromArtifacts } from '../../../src/engine/classify/model-artifacts';
import { buildModel } from '../../../src/engine/training/build-model';
import { GpuDropout, gpuDropout } from '../../../src/engine/training/gpu-dropout-layer';
import { dropoutOnBackend, gpuDropoutAvailable, resolveNoiseShape } from '../../../src/engine/webgl/dropout-op';

/**
 * GpuDropout off the GPU (Node, tfjs cpu): it must be stock tf.layers.dropout in every way a user or
 * a saved file can see. Its GPU path is tested in tests/gpu/dropout.test.ts.
 */

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function input(seed: number): tf.Tensor4D {
  return tf.randomUniform([2, 4, 4, 3], -1, 1, 'float32', seed) as tf.Tensor4D;
}

describe('GpuDropout on cpu falls back to stock dropout', () => {
  test('the GPU path is not taken here', () => {
    expect(tf.getBackend()).toBe('cpu');
    expect(gpuDropoutAvailable()).toBe(false);
  });

  test('training: the same output and gradient as tf.layers.dropout with the same seed', async () => {
    const x = input(1);
    const ours = gpuDropout({ rate: 0.4, seed: 11 });
    const stock = tf.layers.dropout({ rate: 0.4, seed: 11 });
    const run = (layer: tf.layers.Layer) => tf.tidy(() => tf.keep(layer.apply(x, { training: true }) as tf.Tensor));
    const [oursOut, stockOut] = [run(ours), run(stock)];
    const oursValues = await oursOut.data();
    expect(Array.from(oursValues)).toEqual(Array.from(await stockOut.data()));
    // A real mask was applied: some elements dropped, the kept ones scaled by 1 / 0.6.
    const xValues = await x.data();
    expect(oursValues.filter((value) => value === 0).length).toBeGreaterThan(0);
    oursValues.forEach((value, index) => {
      if (value !== 0) expect(value).toBeCloseTo((xValues[index] ?? Number.NaN) / 0.6, 5);
    });
    const gradient = (layer: tf.layers.Layer) => tf.grad((t: tf.Tensor) => tf.sum(layer.apply(t, { training: true }) as tf.Tensor))(x);
    const [oursGrad, stockGrad] = [gradient(ours), gradient(stock)];
    expect(Array.from(await oursGrad.data())).toEqual(Array.from(await stockGrad.data()));
    tf.dispose([x, oursOut, stockOut, oursGrad, stockGrad]);
  });

  test('inference is the identity, and nothing leaks', async () => {
    const x = input(2);
    const layer = gpuDropout({ rate: 0.5 });
    const before = tf.memory().numTensors;
    const out = layer.apply(x) as tf.Tensor;
    const trainingOut = layer.apply(x, { training: true }) as tf.Tensor;
    expect(Array.from(await out.data())).toEqual(Array.from(await x.data()));
    tf.dispose([out, trainingOut]);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  test('noiseShape drops whole feature maps, as stock does', async () => {
    const x = tf.ones([2, 4, 4, 3]);
    const layer = gpuDropout({ rate: 0.5, noiseShape: [2, 1, 1, 3], seed: 3 });
    const out = layer.apply(x, { training: true }) as tf.Tensor4D;
    const values = await out.array();
    for (const image of values) {
      const firstPixel = image[0]?.[0] ?? [];
      for (const row of image) for (const pixel of row) expect(pixel).toEqual(firstPixel);
    }
    tf.dispose([x, out]);
  });

  test('dropoutOnBackend is stock tf.dropout here; bad rates and noise shapes are named', async () => {
    const x = input(3);
    const ours = dropoutOnBackend(x, 0.3, 99, { stockSeed: 5 });
    const stock = tf.dropout(x, 0.3, undefined, 5);
    expect(Array.from(await ours.data())).toEqual(Array.from(await stock.data()));
    expect(() => dropoutOnBackend(x, 1, 0)).toThrow('dropout rate must be in [0, 1), got 1');
    expect(() => dropoutOnBackend(x, -0.1, 0)).toThrow('dropout rate must be in [0, 1), got -0.1');
    expect(() => resolveNoiseShape([2, 4], [2])).toThrow('dropout noiseShape must have the rank of its input (2), got [2]');
    expect(() => resolveNoiseShape([2, 4], [2, 3])).toThrow("does not broadcast to the input's [2, 4] (axis 1)");
    expect(resolveNoiseShape([2, 4, 4, 3], [null, 1, 1, null])).toEqual([2, 1, 1, 3]);
    tf.dispose([x, ours, stock]);
  });
});

describe('GpuDropout saves as stock Dropout', () => {
  test('class name and config are those of tf.layers.dropout, key for key', () => {
    for (const args of [{ rate: 0.2, name: 'dropout' }, { rate: 0.3, noiseShape: [1, 1, 1, 8], seed: 4, name: 'd2', inputShape: [4, 4, 8] }]) {
      const ours = gpuDropout(args);
      const stock = tf.layers.dropout(args);
      expect(ours.getClassName()).toBe('Dropout');
      expect(ours.getConfig()).toStrictEqual(stock.getConfig());
      expect(JSON.stringify(ours.getConfig())).toBe(JSON.stringify(stock.getConfig()));
    }
  });

  test('it is not registered for loading: stock Dropout stays the class tfjs deserialises', () => {
    const registered = tf.serialization.SerializationMap.getMap().classNameMap['Dropout'];
    expect(registered).toBeDefined();
    expect(registered?.[0]).not.toBe(GpuDropout);
  });

  test("the tutorial model's JSON is identical to the same model with stock Dropout layers, and loads with stock tfjs", async () => {
    const model = buildModel(DEFAULT_MODEL_SPEC, 1);
    expect(model.layers.filter((layer) => layer instanceof GpuDropout).map((layer) => layer.name)).toEqual(['dropout', 'dropout_1']);
    const stockModel = tf.sequential({
      name: model.name,
      layers: model.layers.map((layer) => (layer instanceof GpuDropout ? tf.layers.dropout({ name: layer.name, rate: layer.rate }) : layer)),
    });
    expect(JSON.stringify(model.toJSON(null, false))).toBe(JSON.stringify(stockModel.toJSON(null, false)));
    const summary = (m: tf.LayersModel) => {
      const lines: string[] = [];
      m.summary(100, undefined, (line: string) => lines.push(line));
      return lines;
    };
    expect(summary(model).filter((line) => line.includes('(Dropout)'))).toHaveLength(2);
    expect(summary(model)).toEqual(summary(stockModel));

    const loaded = await modelFromArtifacts(await captureArtifacts(model, {}));
    expect(loaded.layers.some((layer) => layer instanceof GpuDropout)).toBe(false);
    expect(loaded.layers.map((layer) => layer.getClassName())).toEqual(model.layers.map((layer) => layer.getClassName()));
    expect(JSON.stringify(loaded.toJSON(null, false))).toBe(JSON.stringify(model.toJSON(null, false)));
    const x = input(4).pad([[0, 0], [14, 14], [14, 14], [0, 0]]);
    const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(Array.from(await a.data())).toEqual(Array.from(await b.data()));
    tf.dispose([x, a, b]);
    loaded.dispose();
    model.dispose();
  });
});
