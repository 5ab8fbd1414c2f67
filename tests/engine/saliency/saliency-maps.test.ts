import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import type { ClassifierInfo } from '../../../src/core/model/classifier-model';
import { occlusionWindows } from '../../../src/core/model/saliency-map';
import { occlusionDrops } from '../../../src/engine/saliency/occlusion';
import { planSaliency, saliencyMaps, saliencyTensors } from '../../../src/engine/saliency/saliency-maps';
import { buildModel } from '../../../src/engine/training/build-model';
import type { ModelSpec } from '../../../src/core/model/model-spec';
import { useWasmWithKernels } from '../wasm/backend-parity';
import { meanWhere, quadrantNetwork, randomPicture, SIZE, topLeftPicture } from './saliency-fixtures';

/** Our custom layers and BatchNormalization in one small network (as in regularised-model.test.ts). */
const REGULARISED_SPEC: ModelSpec = {
  layers: [
    { type: 'Conv2D', filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
    { type: 'BatchNormalization' },
    { type: 'Dropout', rate: 0.2 },
    { type: 'Conv2D', filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'StochasticPooling2D', poolSize: 2, padding: 'valid' },
    { type: 'Flatten' },
    { type: 'DropConnectDense', units: 12, activation: 'relu', rate: 0.5 },
    { type: 'Dense', units: 10, activation: 'softmax' },
  ],
};

const INFO: ClassifierInfo = { kind: 'trained', label: 'a test network', name: null };

async function useBackend(backend: 'cpu' | 'wasm'): Promise<void> {
  if (backend === 'wasm') await useWasmWithKernels();
  else await tf.setBackend('cpu');
  expect(tf.getBackend()).toBe(backend);
}

/** A small random network with every kind of layer the tutorial has: two convs (the second valid), max pooling, a hidden dense layer. */
function randomNetwork(seed: number): tf.LayersModel {
  const init = (offset: number) => tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: seed + offset });
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [SIZE, SIZE, 3], filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init(1), biasInitializer: init(2) }),
      tf.layers.dropout({ rate: 0.3 }),
      tf.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'valid', activation: 'relu', kernelInitializer: init(3), biasInitializer: init(4) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: init(5), biasInitializer: init(6) }),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(7), biasInitializer: init(8) }),
    ],
  });
}

describe.each(['cpu', 'wasm'] as const)('Why this class on %s', (backend) => {
  test('Grad-CAM and the gradient light the one region the class score reads (a hand-built network), and leave no tensor behind', async () => {
    await useBackend(backend);
    const model = quadrantNetwork();
    const before = tf.memory().numTensors;
    const maps = await saliencyMaps(model, topLeftPicture(), 0, INFO);
    expect(tf.memory().numTensors).toBe(before);

    expect(maps.score).toBe('logit');
    const camMap = maps.gradCam;
    if (!camMap) throw new Error('expected a Grad-CAM map');
    expect([camMap.layerName, camMap.height, camMap.width, camMap.channels]).toEqual([model.layers[0]?.name, SIZE, SIZE, 1]);
    const inQuadrant = (row: number, col: number): boolean => row < 16 && col < 16;
    // Past the 3 × 3 filter's reach of the quadrant (one cell), both maps are exactly 0.
    const beyondReach = (row: number, col: number): boolean => row > 16 || col > 16;
    for (const map of [camMap, maps.gradient]) {
      expect(meanWhere(map.values, SIZE, beyondReach)).toBe(0);
      expect(meanWhere(map.values, SIZE, (row, col) => row > 0 && row < 15 && col > 0 && col < 15 && inQuadrant(row, col))).toBeGreaterThan(0);
    }
    // Grad-CAM: α = mean of the dense weights over the grid = 256 / 1024; A = 230/255 − 0.3 inside.
    expect(camMap.values[5 * SIZE + 5]).toBeCloseTo(0.25 * (230 / 255 - 0.3), 5);
    // The logit is the sum of A over the quadrant.
    expect(maps.scoreValue).toBeGreaterThan(100);

    // Occlusion: a grey square on the quadrant lowers the score; one that stays beyond the filter's reach of it (all squares over row or column ≥ 24 do) changes nothing.
    expect(maps.occlusion).toMatchObject({ height: SIZE, width: SIZE, patch: 8, stride: 4 });
    expect(Math.max(...maps.occlusion.values.filter((_, index) => Math.floor(index / SIZE) >= 24 || index % SIZE >= 24).map(Math.abs))).toBeLessThan(1e-4);
    expect(meanWhere(maps.occlusion.values, SIZE, (row, col) => row < 12 && col < 12)).toBeGreaterThan(1);

    // Class 1 reads nothing: both maps are flat zero.
    const flat = await saliencyMaps(model, topLeftPicture(), 1, INFO);
    expect(Math.max(...(flat.gradCam?.values ?? [1]))).toBe(0);
    expect(Math.max(...flat.gradient.values)).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  test("Grad-CAM's channel weights and the pixel gradient equal finite differences of the score", async () => {
    await useBackend(backend);
    const model = randomNetwork(40);
    const plan = planSaliency(model);
    expect(plan.lastConv).toBe(2);
    expect(plan.score).toBe('logit');
    const classIndex = 3;
    const input = tf.tidy(() => tf.div(tf.tensor4d(randomPicture(9), [1, SIZE, SIZE, 3], 'int32').toFloat(), 255) as tf.Tensor4D);
    const before = tf.memory().numTensors;
    const kept = tf.tidy(() => {
      const maps = saliencyTensors(plan, input, classIndex);
      if (!maps.features || !maps.channelWeights || !maps.gradCam) throw new Error('expected Grad-CAM tensors');
      return [maps.score, maps.features, maps.channelWeights, maps.gradCam, maps.gradient];
    });
    const [, features, weights, cam, gradient] = kept as [tf.Scalar, tf.Tensor3D, tf.Tensor1D, tf.Tensor2D, tf.Tensor2D];
    const [height = 0, width = 0, channels = 0] = features.shape;
    expect([height, width, channels]).toEqual([14, 14, 3]);

    // The score from A as the test writes it: the layers after the last conv, and the last layer's logits from its weights.
    const [kernel, bias] = model.layers[6]?.getWeights() ?? [];
    const logitFromFeatures = (a: tf.Tensor): tf.Tensor => {
      let x = a;
      for (const layer of model.layers.slice(3, 6)) x = layer.apply(x) as tf.Tensor;
      return tf.add(tf.matMul(x as tf.Tensor2D, kernel as tf.Tensor2D), bias as tf.Tensor);
    };
    // Central differences of the score for every cell of A, in one batch: α_k is their mean over the grid.
    const eps = 1e-2;
    const cells = height * width * channels;
    const differences = tf.tidy(() => {
      const base = tf.tile(tf.reshape(features, [1, -1]), [cells, 1]);
      const step = tf.mul(tf.eye(cells), eps);
      const batchOf = (values: tf.Tensor): tf.Tensor => tf.reshape(values, [cells, height, width, channels]);
      const scores = (values: tf.Tensor): tf.Tensor => tf.slice(logitFromFeatures(batchOf(values)), [0, classIndex], [cells, 1]);
      return tf.div(tf.sub(scores(tf.add(base, step)), scores(tf.sub(base, step))), 2 * eps).dataSync();
    });
    const expectedWeights = Array.from({ length: channels }, (_, k) => {
      let sum = 0;
      for (let cell = k; cell < cells; cell += channels) sum += differences[cell] ?? 0;
      return sum / (height * width);
    });
    const actualWeights = Array.from(weights.dataSync());
    const scale = Math.max(1e-3, ...expectedWeights.map(Math.abs));
    actualWeights.forEach((value, k) => expect(Math.abs(value - (expectedWeights[k] ?? 0)) / scale).toBeLessThan(2e-3));
    // And the map from those weights: ReLU(Σ_k α_k A_k).
    const featureValues = features.dataSync();
    const camValues = cam.dataSync();
    for (let cell = 0; cell < height * width; cell += 1) {
      let sum = 0;
      for (let k = 0; k < channels; k += 1) sum += (expectedWeights[k] ?? 0) * (featureValues[cell * channels + k] ?? 0);
      expect(Math.abs((camValues[cell] ?? 0) - Math.max(0, sum))).toBeLessThan(2e-3 * scale * 10);
    }

    // The pixel gradient, at a few pixels: max over R, G, B of |central difference| of the whole network's logit.
    const logitOf = (x: tf.Tensor): tf.Tensor => logitFromFeatures(model.layers.slice(0, 3).reduce<tf.Tensor>((current, layer) => layer.apply(current, { training: false }) as tf.Tensor, x));
    const gradientValues = gradient.dataSync();
    const gradientScale = Math.max(...gradientValues);
    for (const pixel of [0, 37, 200, 513, 777, 1023]) {
      const slopes = tf.tidy(() => {
        const step = tf.mul(tf.oneHot(tf.tensor1d([0, 1, 2].map((c) => pixel * 3 + c), 'int32'), SIZE * SIZE * 3).toFloat(), eps);
        const base = tf.tile(tf.reshape(input, [1, -1]), [3, 1]);
        const at = (values: tf.Tensor): tf.Tensor => tf.slice(logitOf(tf.reshape(values, [3, SIZE, SIZE, 3])), [0, classIndex], [3, 1]);
        return tf.div(tf.sub(at(tf.add(base, step)), at(tf.sub(base, step))), 2 * eps).dataSync();
      });
      const expected = Math.max(...Array.from(slopes, (slope) => Math.abs(Number(slope))));
      expect(Math.abs((gradientValues[pixel] ?? 0) - expected) / gradientScale, `pixel ${pixel}`).toBeLessThan(5e-3);
    }
    // Occlusion: each square's drop equals the logit of the picture minus the logit of the picture with that square grey.
    const windows = occlusionWindows(SIZE, 8, 4);
    const drops = tf.tidy(() => occlusionDrops(plan, input, classIndex, windows).dataSync());
    for (const square of [0, 24, 48]) {
      const expected = tf.tidy(() => {
        const mask = tf.buffer([1, SIZE, SIZE, 1]);
        const top = windows.rows[square] ?? 0;
        const left = windows.cols[square] ?? 0;
        for (let row = top; row < top + 8; row += 1) for (let col = left; col < left + 8; col += 1) mask.set(1, 0, row, col, 0);
        const covered = mask.toTensor();
        const occluded = tf.add(tf.mul(input, tf.sub(1, covered)), tf.mul(covered, 0.5));
        return tf.sub(tf.slice(logitOf(input), [0, classIndex], [1, 1]), tf.slice(logitOf(occluded), [0, classIndex], [1, 1])).dataSync()[0] ?? Number.NaN;
      });
      expect(drops[square], `square ${square}`).toBeCloseTo(expected, 4);
    }

    tf.dispose(kept);
    expect(tf.memory().numTensors).toBe(before);
    input.dispose();
    model.dispose();
  });

  test('the tutorial network: Grad-CAM on conv2d_1 (30 × 30 × 32), gradient 32 × 32, no tensor left behind', async () => {
    await useBackend(backend);
    const model = buildModel(DEFAULT_MODEL_SPEC, 3);
    const before = tf.memory().numTensors;
    const maps = await saliencyMaps(model, randomPicture(4), 7, INFO);
    expect(tf.memory().numTensors).toBe(before);
    expect([maps.gradCam?.layerName, maps.gradCam?.height, maps.gradCam?.width, maps.gradCam?.channels]).toEqual(['conv2d_1', 30, 30, 32]);
    expect(maps.gradient.values.length).toBe(SIZE * SIZE);
    expect(maps.gradient.values.every(Number.isFinite)).toBe(true);
    expect(maps.ms).toBeGreaterThanOrEqual(0);
    model.dispose();
  });
});

describe('Why this class on networks it cannot fully explain (cpu)', () => {
  test('our custom layers (BatchNormalization, StochasticPooling2D, DropConnectDense) give both maps', async () => {
    await useBackend('cpu');
    const model = buildModel(REGULARISED_SPEC, 5);
    const before = tf.memory().numTensors;
    const maps = await saliencyMaps(model, randomPicture(6), 2, INFO);
    expect(tf.memory().numTensors).toBe(before);
    expect(maps.gradCam?.layerName).toBe('conv2d_1');
    expect(maps.gradient.values.every(Number.isFinite)).toBe(true);
    model.dispose();
  });

  test('a network without a convolution layer gets the gradient map and a sentence saying why there is no Grad-CAM', async () => {
    await useBackend('cpu');
    const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [SIZE, SIZE, 3] }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
    const maps = await saliencyMaps(model, randomPicture(7), 0, INFO);
    expect(maps.gradCam).toBeNull();
    expect(maps.gradCamNote).toMatch(/no convolution layer/);
    expect(Math.max(...maps.gradient.values)).toBeGreaterThan(0);
    model.dispose();
  });

  test('a class the model does not have, and a network that is not one chain, are refused with a sentence', async () => {
    await useBackend('cpu');
    const model = quadrantNetwork();
    await expect(saliencyMaps(model, topLeftPicture(), 2, INFO)).rejects.toThrow("class 2 is not one of this model's 2 classes");
    model.dispose();
    const input = tf.input({ shape: [SIZE, SIZE, 3] });
    const left = tf.layers.conv2d({ filters: 2, kernelSize: 3 }).apply(input) as tf.SymbolicTensor;
    const right = tf.layers.conv2d({ filters: 2, kernelSize: 3 }).apply(input) as tf.SymbolicTensor;
    const joined = tf.layers.concatenate().apply([left, right]) as tf.SymbolicTensor;
    const output = tf.layers.dense({ units: 10, activation: 'softmax' }).apply(tf.layers.flatten().apply(joined)) as tf.SymbolicTensor;
    const branched = tf.model({ inputs: input, outputs: output });
    await expect(saliencyMaps(branched, topLeftPicture(), 0, INFO)).rejects.toThrow(/one chain of layers/);
    branched.dispose();
  });
});
