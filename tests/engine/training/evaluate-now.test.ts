import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { validationPool } from '../../../src/core/training/run-pools';
import type { EvaluateCommand, EvaluateEvent, EvaluationNowResult } from '../../../src/engine/protocol-evaluate';
import type { TrainCommand, TrainEvent } from '../../../src/engine/protocol-train';
import { buildModel } from '../../../src/engine/training/build-model';
import { createMemoryRunRepository } from '../../../src/engine/runs/run-repository';
import { createTrainingController } from '../../../src/engine/training/controller';
import type { TrainingController } from '../../../src/engine/training/controller-types';
import { evaluate } from '../../../src/engine/training/evaluate';
import { createEvaluateNowHandler, type EvaluateNowHandler } from '../../../src/engine/training/evaluate-now';
import type { TrainingData } from '../../../src/engine/training/trainer-types';
import { makeBandSplit, TINY_SPEC, tinySettings } from './fixtures';

const data: TrainingData = { train: makeBandSplit(64, 1), test: makeBandSplit(40, 2) };
const URL = 'http://school.example/models/cifar10-tutorial/model.json';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Setup {
  readonly controller: TrainingController;
  readonly handler: EvaluateNowHandler;
  readonly trainEvents: TrainEvent[];
  readonly events: EvaluateEvent[];
  /** Called with every evaluate event as it is emitted (to act in the middle of an evaluation). */
  onEvent: (event: EvaluateEvent) => void;
  train(command: DistributiveOmit<TrainCommand, 'id'>): Promise<void>;
  evaluateNow(changes?: Partial<Extract<EvaluateCommand, { type: 'evaluate-now' }>>): Promise<number>;
  untilTrain(predicate: (event: TrainEvent) => boolean): Promise<void>;
}

function setup(options: { withData?: boolean; pretrained?: () => Promise<tf.LayersModel> } = {}): Setup {
  const trainEvents: TrainEvent[] = [];
  const events: EvaluateEvent[] = [];
  let nextId = 1;
  const getData = () => (options.withData === false ? null : data);
  const controller = createTrainingController({ emit: (event) => trainEvents.push(event), getData, runs: createMemoryRunRepository(), backend: () => 'cpu' });
  const self: Setup = {
    controller,
    trainEvents,
    events,
    onEvent: () => undefined,
    handler: createEvaluateNowHandler({
      emit: (event) => {
        events.push(event);
        self.onEvent(event);
      },
      getData,
      lendRunModel: () => controller.lendModel(),
      loadPretrained: options.pretrained ?? (() => Promise.reject(new Error('404 Not Found'))),
    }),
    train: (command) => controller.handle({ ...command, id: nextId++ } as TrainCommand),
    async evaluateNow(changes = {}) {
      const id = nextId++;
      await self.handler.handle({ type: 'evaluate-now', id, target: 'run', validationSubset: 20, seed: 3, batchSize: 8, pretrainedModelUrl: URL, ...changes });
      return id;
    },
    async untilTrain(predicate) {
      for (let wait = 0; wait < 3000 && !trainEvents.some(predicate); wait++) await new Promise((resolve) => setTimeout(resolve, 5));
      if (!trainEvents.some(predicate)) throw new Error(`no such event; got ${trainEvents.map((event) => event.type).join(', ')}`);
    },
  };
  return self;
}

const startCommand = (runId: string, pauseAfterBatches: number | null, epochs = 3) =>
  ({ type: 'train-start', runId, name: 'run', spec: TINY_SPEC, hyperparameters: tinySettings({ epochs, validationSubset: 20 }), pauseAfterBatches }) as const;
const isStatus = (runId: string, status: string) => (event: TrainEvent) => event.type === 'train-status' && event.runId === runId && event.status === status;
const resultOf = (events: EvaluateEvent[], id: number): EvaluationNowResult | undefined =>
  events.flatMap((event) => (event.type === 'evaluate-result' && event.result.evaluationId === id ? [event.result] : []))[0];
const failureOf = (events: EvaluateEvent[], id: number) => events.find((event) => event.type === 'evaluate-failed' && event.evaluationId === id);

/** The losses of the batches trained after the pause, when a run pauses after 2 batches and is then resumed to its end. */
async function lossesAfterResume(s: Setup, runId: string, between: () => Promise<void>): Promise<number[]> {
  await s.train(startCommand(runId, 2, 2));
  await s.untilTrain(isStatus(runId, 'paused'));
  await between();
  await s.train({ type: 'train-resume', runId });
  await s.untilTrain(isStatus(runId, 'finished'));
  return s.trainEvents.flatMap((event) => (event.type === 'train-progress' && event.runId === runId ? event.batches.filter((point) => point.iteration >= 2).map((point) => point.loss) : []));
}

describe('evaluate now (real tfjs, cpu backend)', () => {
  test('a paused run: scored on the chosen test images with the same predictions as evaluate(); weights, optimiser, history and the rest of the run unchanged', async () => {
    const s = setup();
    let trainEventsBefore = -1;
    let trainEventsAfter = -2;
    let id = 0;
    const evaluatedLosses = await lossesAfterResume(s, 'r1', async () => {
      const model = s.controller.currentModel()?.model;
      if (!model) throw new Error('no model');
      const tensorsBefore = tf.memory().numTensors;
      const weightsBefore = await Promise.all(model.getWeights().map((weight) => weight.data()));
      trainEventsBefore = s.trainEvents.length;
      id = await s.evaluateNow();
      expect(tf.memory().numTensors).toBe(tensorsBefore);
      expect(await Promise.all(model.getWeights().map((weight) => weight.data()))).toEqual(weightsBefore);
      trainEventsAfter = s.trainEvents.length;
      const indices = validationPool(data.test, { validationSubset: 20, seed: 3 });
      const expected = await evaluate(model, data.test, indices, 16);
      const result = resultOf(s.events, id);
      expect(result).toMatchObject({ model: { kind: 'trained', runId: 'r1', epochsDone: 0, batch: 2, iteration: 2 }, loss: expected.loss, accuracy: expected.accuracy });
      expect(result?.indices).toEqual(indices);
      expect(result?.labels).toEqual(Uint8Array.from(indices, (index) => data.test.labels[index] ?? 255));
      expect(result?.predictions).toEqual(expected.predictions);
      expect(Date.parse(result?.evaluatedAt ?? '')).not.toBeNaN();
    });
    // The training side said nothing about it.
    expect(trainEventsAfter).toBe(trainEventsBefore);
    // Progress: 0 first, then after each batch (the run's own batch size, 16: 20 images in 2 batches).
    expect(s.events.filter((event) => event.type === 'evaluate-progress').map((event) => event.type === 'evaluate-progress' && event.imagesDone)).toEqual([0, 16, 20]);

    // Momentum and decay carry the optimiser's state into every later step: equal losses mean it was untouched.
    const plain = setup();
    const plainLosses = await lossesAfterResume(plain, 'r1', async () => undefined);
    expect(evaluatedLosses.length).toBeGreaterThan(3);
    expect(evaluatedLosses).toEqual(plainLosses);
    await s.train({ type: 'train-reset' });
    await plain.train({ type: 'train-reset' });
  });

  test('refused while the run trains, without a run, and without data; bad numbers are named', async () => {
    const s = setup();
    const none = await s.evaluateNow();
    expect(failureOf(s.events, none)).toMatchObject({ cancelled: false, message: expect.stringMatching(/^The evaluation failed: there is no resting training run to evaluate: pause or stop the run/) });
    await s.train(startCommand('r1', null, 200));
    await s.untilTrain(isStatus('r1', 'running'));
    const running = await s.evaluateNow();
    expect(failureOf(s.events, running)).toMatchObject({ message: expect.stringContaining('there is no resting training run to evaluate') });
    await s.train({ type: 'train-stop', runId: 'r1' });
    await s.untilTrain(isStatus('r1', 'stopped'));
    const tooMany = await s.evaluateNow({ validationSubset: 41 });
    expect(failureOf(s.events, tooMany)).toMatchObject({ message: 'The evaluation failed: the number of test images must be a whole number from 1 to 40, got 41' });
    const stopped = await s.evaluateNow({ validationSubset: null });
    expect(resultOf(s.events, stopped)?.indices).toHaveLength(40);
    await s.train({ type: 'train-reset' });

    const noData = setup({ withData: false });
    const id = await noData.evaluateNow({ target: 'pretrained' });
    expect(failureOf(noData.events, id)).toMatchObject({ message: 'The evaluation failed: CIFAR-10 is not loaded yet: wait for the data set to finish loading, then evaluate again' });
  });

  test('cancel stops before the next batch; Resume takes the model back and the run goes on', async () => {
    const s = setup();
    await s.train(startCommand('r1', 1));
    await s.untilTrain(isStatus('r1', 'paused'));
    let cancelId = 0;
    s.onEvent = (event) => {
      if (event.type === 'evaluate-progress' && event.imagesDone === 16) void s.handler.handle({ type: 'evaluate-cancel', id: 99, evaluationId: cancelId });
    };
    cancelId = 50;
    await s.handler.handle({ type: 'evaluate-now', id: 50, target: 'run', validationSubset: 40, seed: 3, batchSize: 8, pretrainedModelUrl: URL });
    expect(failureOf(s.events, 50)).toEqual({ type: 'evaluate-failed', evaluationId: 50, message: 'The evaluation stopped: you cancelled it.', cancelled: true });
    expect(s.events.filter((event) => event.type === 'evaluate-progress').map((event) => event.type === 'evaluate-progress' && event.imagesDone)).toEqual([0, 16]);

    // Resume during an evaluation: the evaluation ends after its batch in flight, then the run resumes.
    let resumed: Promise<void> | null = null;
    s.onEvent = (event) => {
      if (event.type === 'evaluate-progress' && event.imagesDone === 16) resumed = s.train({ type: 'train-resume', runId: 'r1' });
    };
    const id = await s.evaluateNow({ validationSubset: 40 });
    expect(failureOf(s.events, id)).toMatchObject({ message: 'The evaluation stopped: training resumed.', cancelled: true });
    await resumed;
    await s.untilTrain(isStatus('r1', 'running'));
    s.onEvent = () => undefined;
    await s.train({ type: 'train-reset' });
  });

  test('the pretrained model is evaluated with or without a run; one that cannot load is reported', async () => {
    const pretrained = buildModel(TINY_SPEC, 11);
    const s = setup({ pretrained: async () => pretrained });
    const id = await s.evaluateNow({ target: 'pretrained', validationSubset: 30, batchSize: 7 });
    const result = resultOf(s.events, id);
    const indices = validationPool(data.test, { validationSubset: 30, seed: 3 });
    const expected = await evaluate(pretrained, data.test, indices, 7);
    expect(result).toMatchObject({ model: { kind: 'pretrained' }, accuracy: expected.accuracy });
    expect(result?.predictions).toEqual(expected.predictions);
    expect(s.events.filter((event) => event.type === 'evaluate-progress').map((event) => event.type === 'evaluate-progress' && event.imagesDone)).toEqual([0, 7, 14, 21, 28, 30]);
    pretrained.dispose();

    const missing = setup();
    const failed = await missing.evaluateNow({ target: 'pretrained' });
    expect(failureOf(missing.events, failed)).toMatchObject({ message: 'The evaluation failed: the pretrained model could not be loaded: 404 Not Found', cancelled: false });
  });
});
