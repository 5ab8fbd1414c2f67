import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CIFAR_IMAGE_BYTES, CIFAR10_CLASSES } from '../../src/core/data/cifar-format';
import { parseModelCard } from '../../src/core/lab/model-card';
import { analyseModelSpec } from '../../src/core/model/model-spec-validate';
import { startBackend } from '../../src/engine/backend';
import { readServedCifar } from '../../scripts/data/served-files';

/**
 * The model the app ships (public/models/cifar10-tutorial), checked against its contract and its
 * model card on the real CIFAR-10 test set: input [N, 32, 32, 3] float32 in [0, 1], ten softmax
 * outputs in class order, at least 65 % on all 10 000 test images.
 */
const MODEL_DIR = 'public/models/cifar10-tutorial';
const EVAL_BATCH = 500;

let model: tf.LayersModel;
const cardRead = parseModelCard(JSON.parse(readFileSync(join(MODEL_DIR, 'model-card.json'), 'utf8')));
if (!cardRead.ok) throw new Error(`model-card.json: ${cardRead.problems.map((problem) => problem.message).join('; ')}`);
const card = cardRead.card;

beforeAll(async () => {
  // wasm with the project's training kernels: inference on 10 000 images takes seconds, not minutes.
  await startBackend('wasm', 'main-thread', 'pretrained-model test');
  const modelJson = JSON.parse(readFileSync(join(MODEL_DIR, 'model.json'), 'utf8')) as tf.io.ModelJSON;
  const manifest = modelJson.weightsManifest;
  const weightSpecs = manifest.flatMap((group) => group.weights);
  const buffers = manifest.flatMap((group) => group.paths.map((path) => readFileSync(join(MODEL_DIR, path))));
  const weightData = new Uint8Array(Buffer.concat(buffers)).buffer;
  model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData }));
});

afterAll(() => {
  model.dispose();
});

describe('the shipped pretrained model', () => {
  test('keeps the contract: [N, 32, 32, 3] in, ten probabilities out, weights under 16 MB', () => {
    expect(model.inputs[0]?.shape).toEqual([null, 32, 32, 3]);
    expect(model.outputs[0]?.shape).toEqual([null, CIFAR10_CLASSES.length]);
    expect(model.countParams()).toBe(3_702_186);
    // The card's own network (lab schema) is the one shipped.
    expect(analyseModelSpec(card.lab.architecture)).toMatchObject({ ok: true, totalParams: model.countParams() });
    const weightBytes = readFileSync(join(MODEL_DIR, 'weights.bin')).byteLength;
    expect(weightBytes).toBeLessThan(16 * 1024 * 1024);
    const probabilities = tf.tidy(() => model.predict(tf.randomUniform([2, 32, 32, 3])) as tf.Tensor).arraySync() as number[][];
    for (const row of probabilities) expect(row.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 4);
  });

  test('reaches at least 65 % on all 10 000 test images, as its model card says', async () => {
    const { test: testSplit } = readServedCifar('public/data/cifar10', { verifyChecksums: false });
    expect(testSplit.count).toBe(10_000);
    const before = tf.memory().numTensors;
    let correct = 0;
    for (let start = 0; start < testSplit.count; start += EVAL_BATCH) {
      const size = Math.min(EVAL_BATCH, testSplit.count - start);
      const pixels = testSplit.images.subarray(start * CIFAR_IMAGE_BYTES, (start + size) * CIFAR_IMAGE_BYTES);
      const predicted = tf.tidy(() => {
        const input = tf.tensor4d(pixels, [size, 32, 32, 3], 'int32').toFloat().div(255);
        return (model.predict(input) as tf.Tensor).argMax(-1);
      });
      const classes = await predicted.data();
      predicted.dispose();
      classes.forEach((predictedClass, offset) => {
        if (predictedClass === testSplit.labels[start + offset]) correct++;
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    const accuracy = correct / testSplit.count;
    expect(accuracy).toBeGreaterThanOrEqual(0.65);
    expect(accuracy).toBeCloseTo(card.testAccuracy, 3);
  }, 300_000); // 10 000 images through the tutorial network on tfjs cpu: 20 s alone, a minute beside other tests.
});
