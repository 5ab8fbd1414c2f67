import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { confusionMatrix, matrixAccuracy } from '../../../src/core/training/confusion-matrix';
import { createMemoryRunRepository } from '../../../src/engine/runs/run-repository';
import { createTrainingController } from '../../../src/engine/training/controller';
import { evaluate } from '../../../src/engine/training/evaluate';
import { buildModel } from '../../../src/engine/training/build-model';
import type { TrainingData, ValidationPredictions } from '../../../src/engine/training/trainer-types';
import { makeBandSplit, TINY_SPEC, tinySettings } from '../training/fixtures';

const data: TrainingData = { train: makeBandSplit(96, 1), test: makeBandSplit(50, 2) };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('predictions of each validation', () => {
  test("evaluate keeps each image's argmax: the confusion matrix built from them agrees with the accuracy; no tensor is left behind", async () => {
    const model = buildModel(TINY_SPEC, 4);
    const indices = Uint32Array.from([49, 3, 17, 8, 0, 22, 31, 40, 12, 5, 6]);
    const before = tf.memory().numTensors;
    // Batches of 4: the last one is short, and its predictions land at the end.
    const result = await evaluate(model, data.test, indices, 4);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.predictions).toHaveLength(indices.length);
    const images = tf.tidy(() => {
      const bytes = Float32Array.from(Array.from(indices).flatMap((index) => Array.from(data.test.images.subarray(index * 3072, (index + 1) * 3072))));
      return tf.argMax(model.predict(tf.div(tf.tensor4d(bytes, [indices.length, 32, 32, 3]), 255)) as tf.Tensor, -1);
    });
    expect(Array.from(result.predictions)).toEqual(Array.from(await images.data()));
    images.dispose();
    const labels = Array.from(indices, (index) => data.test.labels[index] ?? -1);
    const matrix = confusionMatrix(labels, result.predictions, 10);
    expect(matrix.total).toBe(indices.length);
    expect(matrixAccuracy(matrix)).toBeCloseTo(result.accuracy, 12);
    model.dispose();
  });

  test('the controller reports every epoch’s predictions for the whole validation subset, with its indices and labels', async () => {
    const reported: { runId: string; epoch: number; validation: ValidationPredictions }[] = [];
    const statuses: string[] = [];
    const controller = createTrainingController({
      emit: (event) => {
        if (event.type === 'train-status') statuses.push(event.status);
      },
      getData: () => data,
      runs: createMemoryRunRepository(),
      backend: () => 'cpu',
      onEpochPredictions: (runId, epoch, validation) => reported.push({ runId, epoch, validation }),
    });
    await controller.handle({ type: 'train-start', id: 1, runId: 'r7', name: 'run', spec: TINY_SPEC, hyperparameters: tinySettings({ epochs: 2, validationSubset: 30 }), pauseAfterBatches: null });
    const deadline = performance.now() + 60_000;
    while (!statuses.includes('finished') && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(statuses).toContain('finished');
    expect(reported.map(({ runId, epoch }) => [runId, epoch])).toEqual([
      ['r7', 0],
      ['r7', 1],
    ]);
    for (const { validation } of reported) {
      expect(validation.indices).toHaveLength(30);
      expect(validation.predictions).toHaveLength(30);
      expect(Array.from(validation.labels)).toEqual(Array.from(validation.indices, (index) => data.test.labels[index]));
      // A stratified subset: 3 images of each class.
      expect(Array.from(confusionMatrix(validation.labels, validation.predictions, 10).rowTotals)).toEqual(new Array(10).fill(3));
    }
    await controller.handle({ type: 'train-reset', id: 2 });
  });
});
