import type * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClassSet } from '../../../src/core/data/class-set';
import { ownClassesHyperparameters, specForClasses, transferSpec, type OwnClassesSource } from '../../../src/core/lab/own-classes-lab';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { startBackend } from '../../../src/engine/backend';
import { createMemoryClassSetStore } from '../../../src/engine/classes/class-set-store';
import { createClassifyHandler } from '../../../src/engine/classify/classify-commands';
import { createMemoryModelLibrary } from '../../../src/engine/classify/model-library';
import type { ClassifyEvent } from '../../../src/engine/protocol-classify';
import { readRunRecord } from '../../../src/engine/runs/read-run-record';
import { createMemoryRunRepository, type RunRepository } from '../../../src/engine/runs/run-repository';
import { createTransferSources } from '../../../src/engine/training/transfer-source';
import { harness, isStatus } from './controller-harness';
import { TINY_SPEC } from './fixtures';
import { colourSet, loadShippedModel, shapeSet } from './own-classes-fixtures';

/**
 * A reload, at the engine's level: a new controller (a new page's engine) on the same saved runs and
 * class sets, whose records come back through a structured clone and the lab schema, as IndexedDB's do.
 */
let pretrained: tf.LayersModel;

const source = (set: ClassSet): OwnClassesSource => ({ setId: set.id, setName: set.name, classNames: set.classes.map((own) => own.name), heldOutShare: 0.2 });

/** `runs` as a new page reads them from IndexedDB: cloned, and checked by the lab schema. */
function asReadBack(runs: RunRepository): RunRepository {
  return {
    ...runs,
    list: async () => (await runs.list()).map((record) => readRunRecord(structuredClone(record))),
    get: async (id) => {
      const record = await runs.get(id);
      return record ? readRunRecord(structuredClone(record)) : null;
    },
  };
}

beforeAll(async () => {
  await startBackend('wasm', 'main-thread', 'own-classes reload test');
  pretrained = await loadShippedModel();
});

afterAll(() => {
  pretrained.dispose();
});

describe('runs on your own classes after a reload (real tfjs, wasm)', () => {
  test('the run comes back with its class names, opens without CIFAR-10 or its class set, and its model answers in them', async () => {
    const runs = createMemoryRunRepository();
    const classSets = createMemoryClassSetStore();
    const set = colourSet('colours');
    await classSets.put(set);
    const before = harness({ withData: false, runs, classSets });
    await before.send({ type: 'train-start', runId: 'own', name: 'Run 1 · Set colours, from scratch', spec: specForClasses(TINY_SPEC, 3), hyperparameters: { ...ownClassesHyperparameters(48), epochs: 2, learningRate: 0.01 }, pauseAfterBatches: null, classes: source(set) });
    await before.until(isStatus('own', 'finished'));
    await before.send({ type: 'train-reset' });
    // The set is deleted meanwhile: the run keeps the split it trained on.
    await classSets.delete(set.id);

    const after = harness({ withData: false, runs: asReadBack(runs), classSets });
    await after.controller.ready;
    await after.send({ type: 'runs-list' });
    const listed = await after.until((event) => event.type === 'runs-listed');
    const run = listed.type === 'runs-listed' ? listed.runs.find((each) => each.id === 'own') : undefined;
    expect(run?.lab.classes).toEqual(source(set));
    expect(run?.epochsDone).toBe(2);

    await after.send({ type: 'train-continue', runId: 'own', epochs: null, pauseAfterBatches: 0 });
    await after.until(isStatus('own', 'finished'));
    expect(after.controller.currentModel()?.classNames).toEqual(['red', 'green', 'blue']);
    const events: ClassifyEvent[] = [];
    const classify = createClassifyHandler({ emit: (event) => events.push(event), trainedModel: () => after.controller.currentModel(), library: createMemoryModelLibrary() });
    await classify.handle({ type: 'classify-pixels', id: 1, pixels: colourSet('again').classes[2]?.pictures[0]?.pixels ?? new Uint8Array(3072), model: 'trained' });
    const answer = events.find((event) => event.type === 'classify-answer');
    expect(answer?.type === 'classify-answer' && answer.answer.model.classNames).toEqual(['red', 'green', 'blue']);
    expect(answer?.type === 'classify-answer' && answer.answer.probabilities).toHaveLength(3);
  }, 120_000);

  test('a frozen transfer run resumed after a reload keeps its copied layers frozen', async () => {
    const runs = createMemoryRunRepository();
    const classSets = createMemoryClassSetStore();
    const set = shapeSet('shapes');
    await classSets.put(set);
    const transferSource = createTransferSources({ runs, pretrained: async () => pretrained });
    const before = harness({ withData: false, runs, classSets, transferSource });
    const { spec, keptLayers } = transferSpec(DEFAULT_MODEL_SPEC, 3);
    const transfer = { from: { kind: 'pretrained' as const }, freeze: true, keptLayers };
    await before.send({ type: 'train-start', runId: 'tl', name: 'Transfer', spec, hyperparameters: { ...ownClassesHyperparameters(48), epochs: 1 }, pauseAfterBatches: null, classes: source(set), transfer });
    await before.until(isStatus('tl', 'finished'));
    await before.send({ type: 'train-reset' });

    // No source network after the reload: the checkpoint holds the copied weights.
    const after = harness({ withData: false, runs: asReadBack(runs), classSets });
    await after.send({ type: 'train-continue', runId: 'tl', epochs: 2, pauseAfterBatches: null });
    await after.until((event) => event.type === 'train-status' && event.runId === 'tl' && event.status === 'finished' && event.position?.epoch === 2);
    const model = after.controller.currentModel()?.model;
    expect(model?.layers.slice(0, keptLayers).map((layer) => layer.trainable)).toEqual([false, false, false, false]);
    const [trainedKernel, sourceKernel] = [model?.layers[2]?.getWeights()[0], pretrained.layers[2]?.getWeights()[0]];
    expect(trainedKernel && Array.from(await trainedKernel.data())).toEqual(sourceKernel && Array.from(await sourceKernel.data()));
    expect((await runs.get('tl'))?.lab.transfer).toEqual(transfer);
    await after.send({ type: 'train-reset' });
  }, 180_000);
});
