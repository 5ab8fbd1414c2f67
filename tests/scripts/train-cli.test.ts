import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Trainer } from '../../src/engine/training/trainer';
import type { TrainingData } from '../../src/engine/training/trainer-types';
import { CliUsageError, parseTrainArgs } from '../../scripts/train/args';
import { BETTER_RECIPE, QUICK_DEMO_RECIPE } from '../../src/core/training/recipes';
import { createFolderCheckpointStore } from '../../scripts/train/folder-checkpoint-store';
import { tableHeader, tableRow } from '../../scripts/train/table';
import { makeBandSplit, TINY_SPEC, tinySettings } from '../engine/training/fixtures';

const data: TrainingData = { train: makeBandSplit(48, 1), test: makeBandSplit(20, 2) };
const dir = mkdtempSync(join(tmpdir(), 'train-cli-test-'));

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run train: arguments', () => {
  test('the documented options, with the tutorial defaults', () => {
    const options = parseTrainArgs(['--epochs', '3', '--subset', '1000', '--seed', '7', '--out', 'runs/a', '--backend', 'wasm', '--resume']);
    expect(options).toMatchObject({ outDir: 'runs/a', backend: 'wasm', resume: true, dataDir: 'public/data/cifar10' });
    expect(options?.hyperparameters).toMatchObject({ epochs: 3, trainSubset: 1000, seed: 7, batchSize: 512, learningRate: 0.01, momentum: 0.5, decay: 0.0004, validationSubset: null });
    expect(parseTrainArgs(['--out', 'x', '--optimizer', 'adam'])?.hyperparameters).toMatchObject({ optimizer: 'adam', learningRate: 0.001 });
    expect(parseTrainArgs(['--help'])).toBeNull();
  });

  test('--recipe starts from a recipe of the app; options change it; --spec trains a network from a file', () => {
    const better = parseTrainArgs(['--out', 'x', '--recipe', 'better']);
    expect(better?.recipe).toBe('better');
    expect(better?.spec).toBe(BETTER_RECIPE.spec);
    expect(better?.hyperparameters).toEqual(BETTER_RECIPE.hyperparameters);
    expect(parseTrainArgs(['--out', 'x', '--recipe', 'quick-demo', '--epochs', '2', '--subset', '500'])?.hyperparameters).toMatchObject({ ...QUICK_DEMO_RECIPE.hyperparameters, epochs: 2, trainSubset: 500 });
    expect(parseTrainArgs(['--out', 'x', '--recipe', 'better', '--no-augment', '--label-smoothing', '0', '--schedule', 'decay'])?.hyperparameters).toMatchObject({ augment: false, labelSmoothing: 0, learningRateSchedule: 'decay' });
    expect(() => parseTrainArgs(['--out', 'x', '--recipe', 'fast'])).toThrow('--recipe: no recipe called fast; choose tutorial, quick-demo, better');
    expect(() => parseTrainArgs(['--out', 'x', '--schedule', 'cosine'])).toThrow('--schedule must be decay or one-cycle, got cosine');
    expect(() => parseTrainArgs(['--out', 'x', '--label-smoothing', '1'])).toThrow('--label-smoothing: labelSmoothing must be < 1, got 1');
    const specDir = mkdtempSync(join(tmpdir(), 'train-cli-spec-'));
    const file = join(specDir, 'spec.json');
    writeFileSync(file, JSON.stringify(TINY_SPEC));
    expect(parseTrainArgs(['--out', 'x', '--spec', file])?.spec).toEqual(TINY_SPEC);
    writeFileSync(file, JSON.stringify({ layers: [{ type: 'Flatten' }] }));
    expect(() => parseTrainArgs(['--out', 'x', '--spec', file])).toThrow(/--spec: .*the last layer must be Dense with 10 units and softmax/);
    rmSync(specDir, { recursive: true, force: true });
  });

  test('each optimiser brings its own learning rate and decay: Adam does not keep SGD’s decay', () => {
    expect(parseTrainArgs(['--out', 'x'])?.hyperparameters).toMatchObject({ optimizer: 'sgd', learningRate: 0.01, decay: 0.0004 });
    expect(parseTrainArgs(['--out', 'x', '--optimizer', 'adam'])?.hyperparameters).toMatchObject({ optimizer: 'adam', learningRate: 0.001, decay: 0 });
    expect(parseTrainArgs(['--out', 'x', '--optimizer', 'adam', '--decay', '0.0004'])?.hyperparameters.decay).toBe(0.0004);
    expect(parseTrainArgs(['--out', 'x', '--recipe', 'better', '--optimizer', 'sgd'])?.hyperparameters).toMatchObject({ optimizer: 'sgd', learningRate: 0.01, decay: 0.0004 });
  });

  test('--augment turns augmentation on; without it the run is the tutorial’s, unaugmented', () => {
    expect(parseTrainArgs(['--out', 'x'])?.hyperparameters.augment).toBe(false);
    expect(parseTrainArgs(['--out', 'x', '--augment', '--epochs', '2'])?.hyperparameters).toMatchObject({ augment: true, epochs: 2 });
    expect(() => parseTrainArgs(['--out', 'x', '--augment', 'yes'])).toThrow('unknown option yes');
  });

  test('--workers: auto (measure) by default, or a fixed count, on wasm only', () => {
    expect(parseTrainArgs(['--out', 'x', '--backend', 'wasm'])?.workers).toBe('auto');
    expect(parseTrainArgs(['--out', 'x', '--backend', 'wasm', '--workers', '2'])?.workers).toBe(2);
    expect(parseTrainArgs(['--out', 'x', '--backend', 'wasm', '--workers', 'auto'])?.workers).toBe('auto');
    expect(() => parseTrainArgs(['--out', 'x', '--backend', 'wasm', '--workers', '0'])).toThrow('--workers must be auto or a whole number ≥ 1, got 0');
    expect(() => parseTrainArgs(['--out', 'x', '--workers', '2'])).toThrow('--workers needs --backend wasm');
  });

  test('mistakes are refused, naming the option', () => {
    expect(() => parseTrainArgs(['--epochs', '3'])).toThrow(new CliUsageError('--out DIR is required'));
    expect(() => parseTrainArgs(['--out', 'x', '--epochs'])).toThrow('--epochs needs a value');
    expect(() => parseTrainArgs(['--out', 'x', '--epochs', 'many'])).toThrow('--epochs must be a number, got many');
    expect(() => parseTrainArgs(['--out', 'x', '--epochs', '0'])).toThrow('--epochs: epochs must be ≥ 1, got 0');
    expect(() => parseTrainArgs(['--out', 'x', '--subset', '-5'])).toThrow('--subset: trainSubset must be ≥ 1, got -5');
    expect(() => parseTrainArgs(['--out', 'x', '--backend', 'webgl'])).toThrow('--backend must be cpu or wasm, got webgl');
    expect(() => parseTrainArgs(['--out', 'x', '--fast'])).toThrow('unknown option --fast');
  });

  test('the table has one aligned row per epoch', () => {
    const row = tableRow({ epoch: 2, loss: 1.23456, accuracy: 0.5, valLoss: 1.5, valAccuracy: 0.4567, seconds: 12.34, imagesPerSecond: 41.25 }, 25);
    expect(tableHeader()).toBe('  epoch    loss accuracy val_loss val_accuracy  seconds images/s');
    expect(row).toBe('   3/25  1.2346   0.5000   1.5000       0.4567     12.3     41.3');
    expect(row.length).toBe(tableHeader().length);
  });
});

describe('npm run train: folder checkpoints', () => {
  test('save → load gives back the checkpoint, and model.json is a tfjs layers model of the trained weights', async () => {
    const earlyStopping = { enabled: true, monitor: 'val_loss' as const, minDelta: 0, patience: 5, restoreBestWeights: true };
    const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: tinySettings({ epochs: 2, earlyStopping }), data, backend: 'cpu' });
    const store = createFolderCheckpointStore(dir);
    while (!trainer.done) {
      const outcome = await trainer.step();
      if (outcome.kind === 'epoch') await store.save(await trainer.checkpoint());
    }
    const saved = await trainer.checkpoint();
    const loaded = await store.load();
    // Non-finite numbers (early stopping's starting best is +∞) survive JSON.
    expect(loaded).toEqual({ ...saved, savedAt: loaded?.savedAt });
    expect(readdirSync(dir).sort()).toEqual(['best-weights-e002.bin', 'model.json', 'optimizer-e002.bin', 'training-state.json', 'weights-e002.bin']);

    const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
    const weightBytes = readFileSync(join(dir, 'weights-e002.bin'));
    const artifacts: tf.io.ModelArtifacts = {
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
      weightData: new Uint8Array(weightBytes).buffer,
    };
    const reloaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
    const input = tf.randomUniform([3, 32, 32, 3]);
    const expected = await (trainer.model.predict(input) as tf.Tensor).data();
    const actual = await (reloaded.predict(input) as tf.Tensor).data();
    expect(Array.from(actual)).toEqual(Array.from(expected));
    tf.dispose(input);
    reloaded.dispose();
    trainer.dispose();

    await store.clear();
    expect(readdirSync(dir)).toEqual([]);
    expect(await store.load()).toBeNull();
  });

  test('training-state.json is read by the lab schema: an older one without augment loads, a bad field is named', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'train-cli-state-'));
    try {
      const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: tinySettings({ epochs: 1, augment: true }), data, backend: 'cpu' });
      while (!trainer.done) await trainer.step();
      const store = createFolderCheckpointStore(folder);
      await store.save(await trainer.checkpoint());
      trainer.dispose();
      const statePath = join(folder, 'training-state.json');
      const state = JSON.parse(readFileSync(statePath, 'utf8')) as { hyperparameters: Record<string, unknown>; spec: { layers: Record<string, unknown>[] }; iteration: unknown };

      // Saved before augmentation existed: no `augment`, trained without it.
      delete state.hyperparameters.augment;
      writeFileSync(statePath, JSON.stringify(state));
      expect((await store.load())?.hyperparameters.augment).toBe(false);

      state.hyperparameters.batchSize = 'abc';
      state.iteration = -1;
      const [first] = state.spec.layers;
      if (first) first.filters = 0;
      writeFileSync(statePath, JSON.stringify(state));
      const refused = store.load();
      await expect(refused).rejects.toThrow(`${statePath} is not a checkpoint this version can read`);
      await expect(refused).rejects.toThrow("hyperparameters.batchSize must be a whole number ≥ 1, got 'abc'");
      await expect(refused).rejects.toThrow('spec: layer 1 (Conv2D): filters must be ≥ 1, got 0');
      await expect(refused).rejects.toThrow('iteration must be a whole number ≥ 0, got -1');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
