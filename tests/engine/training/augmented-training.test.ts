import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { TrainingHyperparameters } from '../../../src/core/training/hyperparameters';
import { augmentationSeed, augmentBatchInPlace, TRAINING_AUGMENTATION } from '../../../src/core/data/image-augment';
import { gatherImages, gatherLabels } from '../../../src/core/data/image-batch';
import { mulberry32 } from '../../../src/core/common/seeded-random';
import { allIndices, batchSlice, epochOrder } from '../../../src/core/training/training-batches';
import type { TrainCommand, TrainEvent } from '../../../src/engine/protocol-train';
import type { TrainingCheckpoint } from '../../../src/engine/training/checkpoint';
import { recordFromLegacyCheckpoint } from '../../../src/engine/runs/legacy-checkpoint';
import { createMemoryRunRepository } from '../../../src/engine/runs/run-repository';
import { createTrainingController } from '../../../src/engine/training/controller';
import type * as TrainStepModule from '../../../src/engine/training/train-step';
import { Trainer } from '../../../src/engine/training/trainer';
import type { TrainingData } from '../../../src/engine/training/trainer-types';
import { makeBandSplit, TINY_SPEC, tinySettings } from './fixtures';

// Record what every training step is given, then train on it as usual.
const seen = vi.hoisted(() => ({ batches: [] as { images: Uint8Array; labels: Uint8Array }[] }));
vi.mock('../../../src/engine/training/train-step', async (importOriginal) => {
  const real = await importOriginal<typeof TrainStepModule>();
  return {
    ...real,
    trainStep: (...args: Parameters<typeof real.trainStep>) => {
      const [, , , images, labels] = args;
      seen.batches.push({ images: images.slice(), labels: labels.slice() });
      return real.trainStep(...args);
    },
  };
});

const data: TrainingData = { train: makeBandSplit(64, 1), test: makeBandSplit(20, 2) };
const BATCH = 16;

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterEach(() => {
  seen.batches.length = 0;
});

/** The images and labels of batch `batch` of epoch `epoch` as the data set holds them (no subset). */
function rawBatch(seed: number, epoch: number, batch: number): { images: Uint8Array; labels: Uint8Array } {
  const chosen = batchSlice(epochOrder(allIndices(data.train.count), seed, epoch), batch, BATCH);
  return { images: gatherImages(data.train.images, chosen), labels: gatherLabels(data.train.labels, chosen) };
}

async function lossesOf(augment: boolean, steps: number, seed = 3): Promise<number[]> {
  const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: tinySettings({ batchSize: BATCH, seed, augment }), data, backend: 'cpu' });
  for (let step = 0; step < steps; step++) await trainer.step();
  const losses = trainer.history.batches.map((point) => point.loss);
  trainer.dispose();
  return losses;
}

describe('training with augmentation (real tfjs, cpu backend)', () => {
  test('off: every step trains on the data set’s own pixels, as before the setting existed', async () => {
    const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: tinySettings({ batchSize: BATCH }), data, backend: 'cpu' });
    expect(trainer.settings.augment).toBe(false);
    for (let step = 0; step < 5; step++) await trainer.step();
    trainer.dispose();
    // Five steps: the four of epoch 0, then the first of epoch 1.
    const expected = [0, 1, 2, 3].map((batch) => rawBatch(3, 0, batch)).concat([rawBatch(3, 1, 0)]);
    expect(seen.batches).toEqual(expected);
  });

  test('on: each step sees its images mirrored and shifted, drawn from the seed and the iteration; labels and the data set stay as they were', async () => {
    const pixelsBefore = data.train.images.slice();
    const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: tinySettings({ batchSize: BATCH, augment: true }), data, backend: 'cpu' });
    for (let step = 0; step < 5; step++) await trainer.step();
    trainer.dispose();
    const raw = [0, 1, 2, 3].map((batch) => rawBatch(3, 0, batch)).concat([rawBatch(3, 1, 0)]);
    expect(seen.batches).toHaveLength(5);
    seen.batches.forEach((batch, iteration) => {
      const original = raw[iteration];
      if (!original) throw new Error(`no raw batch ${iteration}`);
      expect(batch.labels).toEqual(original.labels);
      expect(batch.images).not.toEqual(original.images);
      const expected = original.images.slice();
      augmentBatchInPlace(expected, TRAINING_AUGMENTATION, mulberry32(augmentationSeed(3, iteration)));
      expect(batch.images).toEqual(expected);
    });
    expect(data.train.images).toEqual(pixelsBefore);
  });

  test('the same seed gives the same losses; augmentation changes them', async () => {
    const first = await lossesOf(true, 6);
    const again = await lossesOf(true, 6);
    const plain = await lossesOf(false, 6);
    expect(first).toHaveLength(6);
    expect(again).toEqual(first);
    // The first step's weights are the same seeded ones: only the pictures differ.
    expect(first[0]).not.toBe(plain[0]);
    expect(await lossesOf(true, 6, 4)).not.toEqual(first);
  });

  test('a run resumed from a checkpoint sees the very batches an uninterrupted run sees', async () => {
    const settings = tinySettings({ batchSize: BATCH, augment: true, epochs: 2 });
    const straight = await Trainer.create({ spec: TINY_SPEC, hyperparameters: settings, data, backend: 'cpu' });
    while (!straight.done) await straight.step();
    const expected = straight.history.batches.map((point) => point.loss);
    straight.dispose();
    const uninterrupted = seen.batches.splice(0);

    const first = await Trainer.create({ spec: TINY_SPEC, hyperparameters: { ...settings, epochs: 1 }, data, backend: 'cpu' });
    while (!first.done) await first.step();
    const saved = structuredClone(await first.checkpoint());
    first.dispose();
    expect(saved.hyperparameters.augment).toBe(true);
    const resumed = await Trainer.create({ spec: TINY_SPEC, hyperparameters: settings, data, backend: 'cpu', checkpoint: saved });
    while (!resumed.done) await resumed.step();
    expect(resumed.history.batches.map((point) => point.loss)).toEqual(expected);
    resumed.dispose();
    expect(seen.batches).toEqual(uninterrupted);
  });

  test('a checkpoint saved before the setting existed (no `augment`) loads as augmentation off', async () => {
    const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: tinySettings({ batchSize: BATCH, epochs: 1 }), data, backend: 'cpu' });
    while (!trainer.done) await trainer.step();
    const current = await trainer.checkpoint();
    trainer.dispose();
    const olderSettings: { -readonly [K in keyof TrainingHyperparameters]?: TrainingHyperparameters[K] } = { ...current.hyperparameters };
    delete olderSettings.augment;
    const older = { ...current, hyperparameters: olderSettings } as TrainingCheckpoint;
    expect('augment' in older.hyperparameters).toBe(false);

    const adopted = recordFromLegacyCheckpoint(older, new Date());
    expect(adopted?.record.lab.hyperparameters.augment).toBe(false);
    const resumed = await Trainer.create({ spec: TINY_SPEC, hyperparameters: tinySettings({ epochs: 2 }), data, backend: 'cpu', checkpoint: older });
    expect(resumed.settings.augment).toBe(false);
    seen.batches.length = 0;
    await resumed.step();
    expect(seen.batches[0]?.images).toEqual(rawBatch(3, 1, 0).images);
    resumed.dispose();

    // The worker's controller validates the resumed settings: the older checkpoint passes.
    const runs = createMemoryRunRepository();
    if (!adopted) throw new Error('the older checkpoint was not adopted as a run');
    await runs.put(adopted.record);
    await runs.saveCheckpoint(adopted.record.id, adopted.checkpoint, (record) => record);
    const events: TrainEvent[] = [];
    const controller = createTrainingController({ emit: (event) => events.push(event), getData: () => data, runs, backend: () => 'cpu' });
    const command: TrainCommand = { type: 'train-continue', id: 1, runId: adopted.record.id, epochs: 2, pauseAfterBatches: 1 };
    await controller.handle(command);
    for (let wait = 0; wait < 400 && !events.some((event) => event.type === 'train-status' && (event.status === 'paused' || event.status === 'failed')); wait++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const statuses = events.flatMap((event) => (event.type === 'train-status' ? [event.status] : []));
    expect(statuses).toContain('paused');
    expect(statuses).not.toContain('failed');
    await controller.handle({ type: 'train-reset', id: 2 });
  });
});
