/**
 * The exported Keras script in real Keras: Keras 3.15 on the JAX CPU backend, in the virtual
 * environment `scripts/keras/ensure-venv.ts` makes (`.cache/keras-venv`, pinned; made here when
 * missing, and by `.ci/run` before `npm test`).
 *
 * - train.py for the tutorial's lab trains on 300 real CIFAR-10 images for one epoch, data-parallel
 *   on two devices (XLA's host platform split in two, as `--devices 2` would split two GPUs), and prints
 *   the tutorial's accuracy line;
 * - "Download for Keras" of the shipped pretrained model, loaded by its train.py, predicts what tfjs
 *   predicts on 100 test images (same top class, probabilities within 1e-4);
 * - the script's ports of the app's subset, shuffle and augmentation give the app's very numbers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CIFAR_IMAGE_BYTES } from '../../src/core/data/cifar-format';
import { stratifiedSubset } from '../../src/core/data/dataset-indices';
import { DEFAULT_HYPERPARAMETERS } from '../../src/core/training/hyperparameters';
import { augmentationSeed, augmentBatchInPlace, TRAINING_AUGMENTATION } from '../../src/core/data/image-augment';
import { kerasScript } from '../../src/core/keras/keras-script';
import { DEFAULT_MODEL_SPEC } from '../../src/core/model/model-spec';
import { mulberry32 } from '../../src/core/common/seeded-random';
import { allIndices, epochOrder } from '../../src/core/training/training-batches';
import { artifactsFromFiles, modelFromArtifacts } from '../../src/engine/classify/model-artifacts';
import { kerasBundle } from '../../src/engine/classify/keras-bundle';
import { ensureKerasVenv, KERAS_VENV_PYTHON } from '../../scripts/keras/keras-venv';

const DATA_DIR = 'public/data/cifar10';
const MODEL_DIR = 'public/models/cifar10-tutorial';
let work: string;

/** Run the venv's Python; fails the test with its output when it exits non-zero. */
function python(args: readonly string[], env: Record<string, string> = {}): string {
  const run = spawnSync(KERAS_VENV_PYTHON, args, { encoding: 'utf8', env: { ...process.env, KERAS_BACKEND: 'jax', JAX_PLATFORMS: 'cpu', ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python ${args.join(' ')} exited ${String(run.status)}:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

beforeAll(() => {
  ensureKerasVenv((line) => process.stdout.write(`[keras-venv] ${line}\n`));
  work = mkdtempSync(join(tmpdir(), 'keras-script-'));
}, 900_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('train.py in real Keras 3 (JAX, CPU)', () => {
  test("trains the tutorial's lab on 300 images for one epoch on two devices, and prints the accuracy line", () => {
    const script = join(work, 'train.py');
    writeFileSync(script, kerasScript({ modelSpec: DEFAULT_MODEL_SPEC, settings: DEFAULT_HYPERPARAMETERS }, { title: 'the tutorial', weightsFile: null }));
    const out = python([script, '--data', DATA_DIR, '--train-images', '300', '--validation-images', '100', '--epochs', '1', '--devices', '2'], {
      XLA_FLAGS: '--xla_force_host_platform_device_count=2',
    });
    expect(out).toContain('Data parallel on 2 devices');
    expect(out).toContain('300 training images, 100 to validate on');
    expect(out).toContain('Total params: 3,702,186');
    expect(out).toMatch(/^Accuracy: \d{1,3}\.\d\d%$/m);
  }, 900_000);

  test('Download for Keras of the pretrained model predicts as tfjs does on 100 test images (within 1e-4)', async () => {
    const files = ['model.json', 'weights.bin'].map((name) => ({ name, data: new Blob([readFileSync(join(MODEL_DIR, name))]) }));
    const zip = await kerasBundle(files, { title: 'the pretrained tutorial model', settings: null, baseName: 'cifar10-tutorial' });
    expect(zip.name).toBe('cifar10-tutorial-keras.zip');
    const entries = unzipSync(new Uint8Array(await zip.data.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual(['cifar10-tutorial-keras/model.json', 'cifar10-tutorial-keras/train.py', 'cifar10-tutorial-keras/weights.bin']);
    for (const [path, bytes] of Object.entries(entries)) {
      mkdirSync(join(work, dirname(path)), { recursive: true });
      writeFileSync(join(work, path), bytes);
    }
    const folder = join(work, 'cifar10-tutorial-keras');

    const count = 100;
    const pixels = readFileSync(join(DATA_DIR, 'test-images.bin')).subarray(0, count * CIFAR_IMAGE_BYTES);
    const { artifacts } = await artifactsFromFiles(files);
    const model = await modelFromArtifacts(artifacts);
    const expected = tf.tidy(() => (model.predict(tf.tensor4d(Float32Array.from(pixels, (value) => value / 255), [count, 32, 32, 3])) as tf.Tensor).dataSync());
    model.dispose();

    const probabilitiesFile = join(work, 'keras-probabilities.bin');
    python([
      '-c',
      [
        'import sys, numpy as np',
        `sys.path.insert(0, ${JSON.stringify(folder)})`,
        'import train',
        'model = train.build_model()',
        `train.load_tfjs_weights(model, ${JSON.stringify(join(folder, 'model.json'))})`,
        `images = np.fromfile(${JSON.stringify(join(DATA_DIR, 'test-images.bin'))}, dtype=np.uint8, count=${count * CIFAR_IMAGE_BYTES}).reshape(${count}, 32, 32, 3)`,
        `model.predict(images.astype("float32") / 255.0, verbose=0).astype("<f4").tofile(${JSON.stringify(probabilitiesFile)})`,
      ].join('\n'),
    ]);
    const bytes = readFileSync(probabilitiesFile);
    const actual = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    expect(actual.length).toBe(count * 10);
    let largest = 0;
    for (let image = 0; image < count; image++) {
      const row = (values: ArrayLike<number>): number[] => Array.from({ length: 10 }, (_, index) => values[image * 10 + index] ?? Number.NaN);
      const keras = row(actual);
      const tfjs = row(expected);
      expect(keras.indexOf(Math.max(...keras)), `top class of test image ${image}`).toBe(tfjs.indexOf(Math.max(...tfjs)));
      for (let index = 0; index < 10; index++) largest = Math.max(largest, Math.abs((keras[index] ?? 0) - (tfjs[index] ?? 0)));
    }
    expect(largest).toBeLessThanOrEqual(1e-4);
  }, 600_000);

  test("the script's subset, shuffle and augmentation are the app's", () => {
    const script = join(work, 'pipeline', 'train.py');
    mkdirSync(dirname(script), { recursive: true });
    writeFileSync(script, kerasScript({ modelSpec: DEFAULT_MODEL_SPEC, settings: DEFAULT_HYPERPARAMETERS }, { title: 'the tutorial', weightsFile: null }));
    const trainLabels = new Uint8Array(readFileSync(join(DATA_DIR, 'train-labels.bin')));
    const testLabels = new Uint8Array(readFileSync(join(DATA_DIR, 'test-labels.bin')));
    const images = new Uint8Array(readFileSync(join(DATA_DIR, 'train-images.bin')).subarray(0, 8 * CIFAR_IMAGE_BYTES));
    const out = python([
      '-c',
      [
        'import json, sys, numpy as np',
        `sys.path.insert(0, ${JSON.stringify(dirname(script))})`,
        'import train',
        `labels = np.fromfile(${JSON.stringify(join(DATA_DIR, 'train-labels.bin'))}, dtype=np.uint8).astype(np.int64)`,
        `test_labels = np.fromfile(${JSON.stringify(join(DATA_DIR, 'test-labels.bin'))}, dtype=np.uint8).astype(np.int64)`,
        `images = np.fromfile(${JSON.stringify(join(DATA_DIR, 'train-images.bin'))}, dtype=np.uint8, count=${8 * CIFAR_IMAGE_BYTES}).reshape(8, 32, 32, 3)`,
        'subset = train.stratified_subset(labels, 1000, 3)',
        'print(json.dumps({',
        '  "subset": subset.tolist(),',
        '  "validation": train.stratified_subset(test_labels, 250, 4).tolist(),',
        '  "epoch2": subset[train.epoch_order(1000, 3, 2)].tolist(),',
        '  "augmented": train.augment_batch(images, 3, 17).reshape(-1).tolist(),',
        '}))',
      ].join('\n'),
    ]);
    const python_ = JSON.parse(out) as { subset: number[]; validation: number[]; epoch2: number[]; augmented: number[] };
    const subset = stratifiedSubset(trainLabels, 1000, 3, 10);
    expect(python_.subset).toEqual(Array.from(subset));
    expect(python_.validation).toEqual(Array.from(stratifiedSubset(testLabels, 250, 4, 10)));
    expect(python_.epoch2).toEqual(Array.from(epochOrder(subset, 3, 2)));
    expect(Array.from(epochOrder(allIndices(5), 3, 0)).sort()).toEqual([0, 1, 2, 3, 4]);
    augmentBatchInPlace(images, TRAINING_AUGMENTATION, mulberry32(augmentationSeed(3, 17)));
    expect(python_.augmented).toEqual(Array.from(images));
  }, 300_000);
});
