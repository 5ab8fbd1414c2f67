import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildModel } from '../../../src/engine/training/build-model';
import { GpuDropout, gpuDropout } from '../../../src/engine/training/gpu-dropout-layer';
import { createOptimizer } from '../../../src/engine/training/optimizer';
import { trainableVariables, trainStep } from '../../../src/engine/training/train-step';
import { Trainer } from '../../../src/engine/training/trainer';
import type { TrainingData } from '../../../src/engine/training/trainer-types';
import { registerWasmTrainingKernels, restoreStockWasmKernels } from '../../../src/engine/wasm/register-wasm-kernels';
import { referenceDropoutMask } from '../../../src/engine/webgl/dropout-hash';
import { dropoutMaskKernelAvailable, gpuDropoutMask } from '../../../src/engine/webgl/dropout-op';
import { makeBandSplit, TINY_SPEC_WITH_DROPOUT, tinySettings } from '../training/fixtures';
import { useWasmWithKernels } from './backend-parity';

beforeAll(async () => {
  await useWasmWithKernels();
});

describe('dropout masks on wasm (our CnnpDropoutMask kernel, drawn in the heap)', () => {
  test('equal, element for element, the masks the webgl shader draws (its CPU reference), and nothing leaks', async () => {
    expect(tf.getBackend()).toBe('wasm');
    expect(dropoutMaskKernelAvailable()).toBe(true);
    const before = tf.memory().numTensors;
    for (const [shape, rate, seed] of [[[7], 0.5, 1], [[3, 5, 7], 0.2, 99], [[2, 9, 11, 13], 0.9, 2 ** 32 - 1], [[1031], 0.1, 12345]] as const) {
      const mask = gpuDropoutMask(shape, rate, seed);
      expect(mask.shape).toEqual(shape);
      expect(Array.from(await mask.data())).toEqual(Array.from(referenceDropoutMask(tf.util.sizeFromShape([...shape]), rate, seed)));
      mask.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  test('an offset draws that piece of the larger mask, as the webgl shader does', async () => {
    const whole = referenceDropoutMask(8 * 5 * 5 * 3, 0.4, 17);
    const piece = gpuDropoutMask([3, 5, 5, 3], 0.4, 17, 4 * 75);
    expect(Array.from(await piece.data())).toEqual(Array.from(whole.subarray(4 * 75, 7 * 75)));
    piece.dispose();
    expect(() => gpuDropoutMask([3], 0.4, 17, -1)).toThrow(/offset must be a whole number ≥ 0, got -1/);
  });

  test('with a mask position, a layer draws the step’s mask for its images’ places in the batch; noiseShape [N, 1, 1, C] pieces too', async () => {
    for (const noiseShape of [undefined, [null, 1, 1, 3]] as const) {
      const layer = gpuDropout({ rate: 0.5, maskSeed: 11, noiseShape: noiseShape ? [...noiseShape] : undefined });
      const x = tf.ones([6, 4, 4, 3]);
      const apply = (images: tf.Tensor, firstImage: number): Promise<Float32Array> => {
        layer.setMaskPosition({ step: 7, firstImage });
        const out = layer.apply(images, { training: true }) as tf.Tensor;
        return out.data().then((values) => (out.dispose(), values as Float32Array));
      };
      const whole = await apply(x, 0);
      const [head, tail] = tf.split(x, [2, 4]);
      const pieces = [...(await apply(head as tf.Tensor, 0)), ...(await apply(tail as tf.Tensor, 2))];
      expect(pieces).toEqual(Array.from(whole));
      // The step picks the mask: another step, another mask.
      layer.setMaskPosition({ step: 8, firstImage: 0 });
      const next = layer.apply(x, { training: true }) as tf.Tensor;
      expect(Array.from(await next.data())).not.toEqual(Array.from(whole));
      layer.setMaskPosition(null);
      tf.dispose([x, head as tf.Tensor, tail as tf.Tensor, next]);
    }
  });

  test('micro-batches draw the masks of one pass over the batch: with dropout, a micro-batched step equals the whole-batch step', async () => {
    const data = makeBandSplit(20, 4);
    const run = () => {
      const model = buildModel(TINY_SPEC_WITH_DROPOUT, 5);
      const optimizer = createOptimizer({ optimizer: 'sgd', learningRate: 0.1, momentum: 0.5 });
      return { model, optimizer: optimizer.optimizer, variables: trainableVariables(model) };
    };
    const whole = run();
    const micro = run();
    for (let step = 0; step < 3; step++) {
      const a = await trainStep(whole.model, whole.optimizer, whole.variables, data.images, data.labels, { microBatchSize: Number.POSITIVE_INFINITY, step });
      const b = await trainStep(micro.model, micro.optimizer, micro.variables, data.images, data.labels, { microBatchSize: 6, step });
      expect(b.loss).toBeCloseTo(a.loss, 5);
      expect(b.accuracy).toBe(a.accuracy);
    }
    const weights = (model: tf.LayersModel) => model.getWeights().map((w) => Array.from(w.dataSync()));
    const wholeWeights = weights(whole.model);
    weights(micro.model).forEach((values, index) => values.forEach((value, i) => expect(Math.abs(value - (wholeWeights[index]?.[i] ?? Number.NaN))).toBeLessThan(1e-5)));
    for (const r of [whole, micro]) {
      r.optimizer.dispose();
      r.model.dispose();
    }
  });

  test('the layer multiplies by the mask of its next seed; its gradient is that mask; inference is the identity', async () => {
    const layer = gpuDropout({ rate: 0.3, maskSeed: 5 });
    const x = tf.randomNormal([4, 6, 6, 3], 0, 1, 'float32', 8);
    const seed = layer.nextMaskSeed;
    const mask = gpuDropoutMask(x.shape, 0.3, seed);
    const [output, gradient] = tf.tidy(() => {
      const out = layer.apply(x, { training: true }) as tf.Tensor;
      return [out, tf.grad((input: tf.Tensor) => tf.sum(layer.apply(input, { training: true }) as tf.Tensor))(x)];
    });
    expect(Array.from(await output.data())).toEqual(Array.from(await tf.mul(x, mask).data()));
    // The gradient came from the layer's second call: the mask of the seed after.
    expect(Array.from(await gradient.data())).toEqual(Array.from(await gpuDropoutMask(x.shape, 0.3, seed + 1).data()));
    expect(Array.from(await (layer.apply(x, { training: false }) as tf.Tensor).data())).toEqual(Array.from(await x.data()));
    expect(layer).toBeInstanceOf(GpuDropout);
    tf.dispose([x, mask, output, gradient]);
  });

  test('the same run seed trains the same network on wasm (weights and dropout masks), another seed does not', async () => {
    const data: TrainingData = { train: makeBandSplit(80, 1), test: makeBandSplit(20, 2) };
    const losses = async (seed: number): Promise<number[]> => {
      const trainer = await Trainer.create({ spec: TINY_SPEC_WITH_DROPOUT, hyperparameters: tinySettings({ seed, epochs: 1 }), data, backend: 'wasm' });
      const values: number[] = [];
      for (let step = 0; step < 3; step++) {
        const outcome = await trainer.step();
        if (outcome.kind === 'batch') values.push(outcome.point.loss);
      }
      trainer.dispose();
      return values;
    };
    const first = await losses(3);
    expect(first).toHaveLength(3);
    expect(await losses(3)).toEqual(first);
    expect(await losses(4)).not.toEqual(first);
  });

  test("a model's dropout layers get distinct mask sequences from the run seed", () => {
    const model = buildModel(TINY_SPEC_WITH_DROPOUT, 3);
    const again = buildModel(TINY_SPEC_WITH_DROPOUT, 3);
    const other = buildModel(TINY_SPEC_WITH_DROPOUT, 4);
    const seedOf = (m: tf.LayersModel): number => (m.layers.find((layer) => layer instanceof GpuDropout) as GpuDropout).nextMaskSeed;
    expect(seedOf(again)).toBe(seedOf(model));
    expect(seedOf(other)).not.toBe(seedOf(model));
    // Nothing of it is saved: the layer's config is stock Dropout's.
    expect(JSON.stringify(model.layers.find((layer) => layer instanceof GpuDropout)?.getConfig())).not.toContain('maskSeed');
    for (const m of [model, again, other]) m.dispose();
  });

  test('with the stock wasm kernels put back (a benchmark of stock tfjs), dropout is stock tf.dropout again', () => {
    restoreStockWasmKernels();
    try {
      expect(dropoutMaskKernelAvailable()).toBe(false);
    } finally {
      registerWasmTrainingKernels();
    }
    expect(dropoutMaskKernelAvailable()).toBe(true);
  });
});
