import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { CIFAR_IMAGE_BYTES } from '../../../src/core/data/cifar-format';
import type { FilterBank } from '../../../src/core/lessons/conv2d';
import { convStepAt } from '../../../src/core/lessons/conv-steps';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { scaledImageVolume } from '../../../src/core/model/network-internals';
import { readInternals } from '../../../src/engine/inspect/read-internals';
import { buildModel } from '../../../src/engine/training/build-model';
import { SERVED_DIR } from '../../../scripts/data/served-files';

/**
 * Lesson 9's promise, checked on the tutorial's own model: replaying one output cell of the first conv
 * layer with the core step record (27 products, plus bias, then ReLU) gives the activation tfjs
 * computed, for every cell of every filter.
 */
beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The first `count` real CIFAR-10 test images (`npm test` prepares the served files first). */
function realTestImages(count: number): Uint8Array {
  const bytes = new Uint8Array(count * CIFAR_IMAGE_BYTES);
  const file = openSync(join(SERVED_DIR, 'test-images.bin'), 'r');
  try {
    expect(readSync(file, bytes, 0, bytes.length, 0)).toBe(bytes.length);
  } finally {
    closeSync(file);
  }
  return bytes;
}

describe('lesson 9: core replay of the first conv layer equals the tfjs activation', () => {
  test('every cell of all 32 filters of the tutorial model, on two real test images, within 1e-5', async () => {
    const model = buildModel(DEFAULT_MODEL_SPEC, 2024);
    // Biases spread around 0, so some sums end below 0 and ReLU clips them, others pass through.
    const conv = model.layers[0];
    const [kernel, bias] = conv?.getWeights() ?? [];
    const freshBias = tf.randomUniform([32], -0.3, 0.3, 'float32', 9);
    conv?.setWeights([kernel as tf.Tensor, freshBias]);
    freshBias.dispose();
    expect(bias).toBeDefined();

    const images = realTestImages(2);
    let clipped = 0;
    let passed = 0;
    let worst = 0;
    for (let image = 0; image < 2; image += 1) {
      const pixels = images.slice(image * CIFAR_IMAGE_BYTES, (image + 1) * CIFAR_IMAGE_BYTES);
      const internals = await readInternals(model, pixels, { kind: 'pretrained' });
      const first = internals.firstConv;
      const activations = internals.layers[0];
      if (!first || !activations) throw new Error('no first conv layer');
      const [height, width, inChannels, outChannels] = first.kernelShape;
      const bank: FilterBank = { height, width, inChannels, outChannels, data: Float64Array.from(first.kernel) };
      const input = scaledImageVolume(pixels, 32, 32, 3);
      const [rows, cols, channels] = activations.shape as [number, number, number];
      for (let row = 0; row < rows; row += 1) {
        for (let col = 0; col < cols; col += 1) {
          for (let channel = 0; channel < channels; channel += 1) {
            const step = convStepAt(input, bank, { strides: first.strides, padding: first.padding, bias: first.bias ?? 0, activation: 'relu' }, row, col, channel);
            const tfjs = activations.values[(row * cols + col) * channels + channel] ?? Number.NaN;
            worst = Math.max(worst, Math.abs(step.output - tfjs));
            expect(step.terms).toHaveLength(27);
            if (step.preActivation < 0) clipped += 1;
            else passed += 1;
          }
        }
      }
    }
    expect(worst).toBeLessThan(1e-5);
    expect(clipped).toBeGreaterThan(1000);
    expect(passed).toBeGreaterThan(1000);
    model.dispose();
  });

  test('a border cell of the "same"-padded layer: the padding cells count as zeros', async () => {
    const model = buildModel(DEFAULT_MODEL_SPEC, 7);
    const pixels = realTestImages(1);
    const internals = await readInternals(model, pixels, { kind: 'pretrained' });
    const first = internals.firstConv;
    if (!first) throw new Error('no first conv layer');
    const bank: FilterBank = { height: 3, width: 3, inChannels: 3, outChannels: 32, data: Float64Array.from(first.kernel) };
    const step = convStepAt(scaledImageVolume(pixels, 32, 32, 3), bank, { padding: 'same', bias: first.bias ?? 0, activation: 'relu' }, 0, 0, 4);
    // The top-left window hangs over the top row and the left column: 5 of its 9 cells × 3 channels are padding.
    expect(step.terms.filter((term) => term.isPadding)).toHaveLength(15);
    expect(step.output).toBeCloseTo(internals.layers[0]?.values[4] ?? Number.NaN, 5);
    model.dispose();
  });
});
