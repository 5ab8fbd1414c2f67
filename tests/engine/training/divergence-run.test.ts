import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { Trainer } from '../../../src/engine/training/trainer';
import type { StepOutcome, TrainingData } from '../../../src/engine/training/trainer-types';
import { makeBandSplit, TINY_SPEC, tinySettings } from './fixtures';

const data: TrainingData = { train: makeBandSplit(256, 1), test: makeBandSplit(200, 2) };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Step until the run diverges or ends; the outcomes in order. */
async function runUntilEnd(trainer: Trainer): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  while (!trainer.done) {
    const outcome = await trainer.step();
    outcomes.push(outcome);
    if (outcome.kind === 'diverged') break;
  }
  return outcomes;
}

describe('a diverged run is detected (issue 16, case 3; real tfjs, cpu backend)', () => {
  test.each([
    ['sgd', 10],
    ['adam', 10],
  ] as const)('%s at learning rate %d: stopped as diverged, with what to change, before it hands anyone a model', async (optimizer, learningRate) => {
    const before = tf.memory().numTensors;
    const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: tinySettings({ optimizer, learningRate, decay: 0, epochs: 4, batchSize: 16 }), data, backend: 'cpu' });
    const outcomes = await runUntilEnd(trainer);
    const last = outcomes.at(-1);
    expect(last?.kind).toBe('diverged');
    if (last?.kind !== 'diverged') return;
    expect(last.message).toMatch(/the run diverged, so training stopped and the weights were put back to (their initial values|their values after epoch \d)/);
    expect(last.message).toMatch(/Lower the learning rate: (SGD|Adam) at 10 overshoots; try (0\.01|0\.001)/);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('a batch can be dropped between its micro-batches (issue 16, case 2)', () => {
  test('interrupted, the trainer stays where it was and the next step takes the same batch', async () => {
    // The cpu backend trains in micro-batches of 64: a batch of 128 has two.
    const trainer = await Trainer.create({ spec: TINY_SPEC, hyperparameters: tinySettings({ batchSize: 128, epochs: 1 }), data, backend: 'cpu' });
    const tensors = tf.memory().numTensors;
    const outcome = await trainer.step(() => true);
    expect(outcome.kind).toBe('interrupted');
    expect(trainer.position).toMatchObject({ epoch: 0, batch: 0, iteration: 0 });
    expect(trainer.history.batches).toEqual([]);
    expect(tf.memory().numTensors).toBe(tensors);
    const next = await trainer.step(() => false);
    expect(next.kind).toBe('batch');
    expect(trainer.position).toMatchObject({ batch: 1, iteration: 1 });
    trainer.dispose();
  });
});
