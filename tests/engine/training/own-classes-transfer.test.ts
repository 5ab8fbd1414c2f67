import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CIFAR_IMAGE_BYTES } from '../../../src/core/data/cifar-format';
import { splitClassSet } from '../../../src/core/data/class-set-split';
import type { ClassPicture } from '../../../src/core/data/class-set';
import { mulberry32, type Random } from '../../../src/core/common/seeded-random';
import { centreSquareToRgb } from '../../../src/core/data/picture-input';
import { transferSpec } from '../../../src/core/lab/own-classes-lab';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { buildModel } from '../../../src/engine/training/build-model';
import { startFromSource } from '../../../src/engine/training/transfer';
import { startBackend } from '../../../src/engine/backend';

/**
 * Transfer learning on a small class set made here: three shapes (a disc,
 * a square, horizontal stripes) in random colours on random backgrounds, 20 pictures a class, 4 of
 * each held out. Colour says nothing about the class, so the network must see the shape. Trained with
 * tfjs' own `fit` (the engine's trainer does not take class sets yet); the held-out accuracy must be
 * clearly above chance (1/3). From scratch, the same 15 epochs reached 6 of 12 in 23 s here, so that
 * case is left to the end-to-end test that is still to come.
 */
const MODEL_DIR = 'public/models/cifar10-tutorial';
const SHAPES = ['disc', 'square', 'stripes'] as const;
let pretrained: tf.LayersModel;

/** One 64 × 48 RGBA picture of `shape` (shrunk by Classify's rule, as a dropped file would be). */
function drawn(shape: (typeof SHAPES)[number], random: Random): Uint8Array {
  const width = 64;
  const height = 48;
  const colour = (): number[] => [0, 1, 2].map(() => Math.floor(random() * 256));
  const [background, ink] = [colour(), colour()];
  const cx = 32 + (random() - 0.5) * 10;
  const cy = 24 + (random() - 0.5) * 10;
  const size = 10 + random() * 6;
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = shape === 'disc' ? (x - cx) ** 2 + (y - cy) ** 2 < size ** 2 : shape === 'square' ? Math.abs(x - cx) < size && Math.abs(y - cy) < size : Math.floor(y / 4) % 2 === 0;
      rgba.set([...(inside ? (ink ?? []) : (background ?? [])), 255], (y * width + x) * 4);
    }
  }
  return centreSquareToRgb(rgba, width, height);
}

function classes(seed: number): { name: string; pictures: ClassPicture[] }[] {
  const random = mulberry32(seed);
  return SHAPES.map((shape) => ({ name: shape, pictures: Array.from({ length: 20 }, (_, index) => ({ id: `${shape}-${index}`, pixels: drawn(shape, random) })) }));
}

/** Held-out accuracy after `epochs` of Adam (batches of 16) on the split's training pictures. */
async function trainAndCheck(model: tf.LayersModel, epochs: number): Promise<number> {
  const data = splitClassSet(classes(3), 0.2, 1);
  const tensors = (split: typeof data.train) => tf.tidy(() => [tf.tensor4d(split.images, [split.count, 32, 32, 3], 'int32').toFloat().div(255), tf.oneHot(tf.tensor1d(split.labels, 'int32'), 3)]);
  const [trainX, trainY] = tensors(data.train);
  const [testX, testY] = tensors(data.test);
  if (!trainX || !trainY || !testX || !testY) throw new Error('no tensors');
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  await model.fit(trainX, trainY, { epochs, batchSize: 16, shuffle: true, verbose: 0 });
  const accuracy = tf.tidy(() => model.predict(testX) instanceof tf.Tensor ? (model.predict(testX) as tf.Tensor).argMax(-1).equal(testY.argMax(-1)).mean().dataSync()[0] ?? 0 : 0);
  tf.dispose([trainX, trainY, testX, testY]);
  expect(data.test.count).toBe(12);
  expect(data.train.images.length).toBe(48 * CIFAR_IMAGE_BYTES);
  return accuracy;
}

beforeAll(async () => {
  // wasm with the project's kernels: the cpu backend takes minutes for these few hundred steps.
  await startBackend('wasm', 'main-thread', 'own-classes transfer test');
  const modelJson = JSON.parse(readFileSync(join(MODEL_DIR, 'model.json'), 'utf8')) as tf.io.ModelJSON;
  const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const buffers = modelJson.weightsManifest.flatMap((group) => group.paths.map((path) => readFileSync(join(MODEL_DIR, path))));
  pretrained = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData: new Uint8Array(Buffer.concat(buffers)).buffer }));
});

afterAll(() => {
  pretrained.dispose();
});

describe('a small class set of shapes', () => {
  test('transfer from the pretrained CIFAR-10 model, frozen, learns it', async () => {
    const { spec, keptLayers } = transferSpec(DEFAULT_MODEL_SPEC, 3);
    const model = buildModel(spec, 1, 3);
    startFromSource(model, pretrained, keptLayers, true);
    const accuracy = await trainAndCheck(model, 15);
    // Chance is 4 of 12; measured 9 of 12 here. fit's shuffle and the kept Dropout's masks are not
    // seeded, so the bound leaves room: at least 7 of 12.
    expect(accuracy).toBeGreaterThan(0.55);
    model.dispose();
  }, 120_000);
});
