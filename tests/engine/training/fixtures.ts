import type { CifarArrays } from '../../../src/core/data/cifar-format';
import { DEFAULT_HYPERPARAMETERS, type TrainingHyperparameters } from '../../../src/core/training/hyperparameters';
import type { ModelSpec } from '../../../src/core/model/model-spec';
import { mulberry32 } from '../../../src/core/common/seeded-random';

/**
 * A small, learnable split in the served CIFAR format (NHWC uint8, labels 0..9): each class is a
 * bright band at its own rows, in a colour channel that depends on the class, over random noise.
 * A tiny CNN separates the classes within a few epochs, so "the loss goes down" can be tested fast.
 */
export function makeBandSplit(count: number, seed: number): CifarArrays {
  const random = mulberry32(seed);
  const images = new Uint8Array(count * 3072);
  const labels = new Uint8Array(count);
  for (let image = 0; image < count; image++) {
    const label = image % 10;
    labels[image] = label;
    for (let row = 0; row < 32; row++) {
      for (let col = 0; col < 32; col++) {
        for (let channel = 0; channel < 3; channel++) {
          const inBand = row >= label * 3 && row < label * 3 + 3 && channel === label % 3;
          images[((image * 32 + row) * 32 + col) * 3 + channel] = inBand ? 200 + Math.floor(random() * 55) : Math.floor(random() * 60);
        }
      }
    }
  }
  return { count, images, labels };
}

/** A tiny CNN in the app's spec format: about 2 700 parameters, fast on tfjs' cpu backend. */
export const TINY_SPEC: ModelSpec = {
  layers: [
    { type: 'Conv2D', filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
    { type: 'MaxPooling2D', poolSize: 2, strides: null, padding: 'valid' },
    { type: 'Flatten' },
    { type: 'Dense', units: 10, activation: 'softmax' },
  ],
};

/** The same with dropout, for tests that need it. */
export const TINY_SPEC_WITH_DROPOUT: ModelSpec = {
  layers: [...TINY_SPEC.layers.slice(0, 1), { type: 'Dropout', rate: 0.2 }, ...TINY_SPEC.layers.slice(1)],
};

/** Settings for the tiny runs: SGD with momentum and decay like the tutorial, small batches. */
export function tinySettings(changes: Partial<TrainingHyperparameters> = {}): TrainingHyperparameters {
  return { ...DEFAULT_HYPERPARAMETERS, learningRate: 0.05, momentum: 0.5, decay: 0.01, batchSize: 16, epochs: 3, seed: 3, ...changes };
}
