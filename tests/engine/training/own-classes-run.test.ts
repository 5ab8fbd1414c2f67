import type * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClassSet } from '../../../src/core/data/class-set';
import { ownClassesHyperparameters, specForClasses, transferSpec, type OwnClassesSource } from '../../../src/core/lab/own-classes-lab';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { bestValAccuracy } from '../../../src/core/training/run-record';
import { startBackend } from '../../../src/engine/backend';
import { createMemoryClassSetStore } from '../../../src/engine/classes/class-set-store';
import type { TrainEvent } from '../../../src/engine/protocol-train';
import { createMemoryRunRepository } from '../../../src/engine/runs/run-repository';
import { createTransferSources } from '../../../src/engine/training/transfer-source';
import { harness, isStatus } from './controller-harness';
import { TINY_SPEC } from './fixtures';
import { colourSet, loadShippedModel, makeClassSet, plainColour, shapeSet } from './own-classes-fixtures';

/**
 * Runs on your own classes through the engine's training controller, as the app starts them: a class
 * set generated here (3 classes × 20 pictures, 4 of each held out), real tfjs on wasm.
 */
let pretrained: tf.LayersModel;

const source = (set: ClassSet): OwnClassesSource => ({ setId: set.id, setName: set.name, classNames: set.classes.map((own) => own.name), heldOutShare: 0.2 });
const failure = (events: readonly { event: TrainEvent }[], runId: string): string | null =>
  events.flatMap(({ event }) => (event.type === 'train-status' && event.runId === runId && event.status === 'failed' ? [event.message ?? ''] : [])).at(-1) ?? null;

beforeAll(async () => {
  // wasm with the project's kernels: the cpu backend takes minutes for these few hundred steps.
  await startBackend('wasm', 'main-thread', 'own-classes run test');
  pretrained = await loadShippedModel();
});

afterAll(() => {
  pretrained.dispose();
});

describe('a run on your own classes (real tfjs, wasm)', () => {
  test('from scratch: trains on the set’s split, validates on the held-out pictures above chance, keeps the split for a resume, forgets it when deleted', async () => {
    const classSets = createMemoryClassSetStore();
    const set = colourSet('colours');
    await classSets.put(set);
    const validations: { epoch: number; classNames: readonly string[] | undefined; pictures: number | undefined; labels: number[] }[] = [];
    const h = harness({
      withData: false,
      classSets,
      onEpochPredictions: (_runId, epoch, validation, own) => validations.push({ epoch, classNames: own?.classNames, pictures: own?.pictures.length, labels: Array.from(validation.labels) }),
    });
    const hyperparameters = { ...ownClassesHyperparameters(48), epochs: 4, learningRate: 0.01 };
    await h.send({ type: 'train-start', runId: 'own', name: 'Own', spec: specForClasses(TINY_SPEC, 3), hyperparameters, pauseAfterBatches: null, classes: source(set) });
    await h.until(isStatus('own', 'finished'));
    expect(failure(h.events, 'own')).toBeNull();
    const status = h.events.flatMap(({ event }) => (event.type === 'train-status' && event.runId === 'own' && event.status === 'running' ? [event] : []))[0];
    expect(status?.sizes).toEqual({ trainImages: 48, validationImages: 12 });
    expect(status?.lab?.classes?.classNames).toEqual(['red', 'green', 'blue']);
    const record = await h.runs.get('own');
    expect(record?.lab.classes).toEqual(source(set));
    // Chance is 1/3 on 12 held-out pictures.
    expect(bestValAccuracy(record ?? { epochs: [] })).toBeGreaterThanOrEqual(0.75);
    expect(h.controller.currentModel()?.classNames).toEqual(['red', 'green', 'blue']);

    const kept = await classSets.runData('own');
    expect(kept?.test.count).toBe(12);
    expect(kept?.train.count).toBe(48);
    // Each epoch's confusion matrix comes with the class names and the held-out pictures (they live only in the engine).
    expect(validations.map((each) => each.epoch)).toEqual([0, 1, 2, 3]);
    expect(validations[0]).toMatchObject({ classNames: ['red', 'green', 'blue'], pictures: 12 * 3072, labels: Array.from(kept?.test.labels ?? []) });
    // The set goes; the run goes on from its checkpoint on the split kept with it.
    await classSets.delete(set.id);
    await h.send({ type: 'train-continue', runId: 'own', epochs: 5, pauseAfterBatches: null });
    await h.until((event) => event.type === 'train-status' && event.runId === 'own' && event.status === 'finished' && event.position?.epoch === 5);
    expect(failure(h.events, 'own')).toBeNull();
    expect((await classSets.runData('own'))?.test.images).toEqual(kept?.test.images);

    await h.send({ type: 'runs-delete', runIds: ['own'] });
    await h.until((event) => event.type === 'runs-deleted');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await classSets.runData('own')).toBeNull();
  }, 120_000);

  test('transfer from the pretrained CIFAR-10 model, frozen: the kept layers keep their weights and the held-out shapes are recognised above chance', async () => {
    const classSets = createMemoryClassSetStore();
    const set = shapeSet('shapes');
    await classSets.put(set);
    const runs = createMemoryRunRepository();
    const h = harness({ withData: false, classSets, runs, transferSource: createTransferSources({ runs, pretrained: async () => pretrained }) });
    const { spec, keptLayers } = transferSpec(DEFAULT_MODEL_SPEC, 3);
    const transfer = { from: { kind: 'pretrained' as const }, freeze: true, keptLayers };
    await h.send({ type: 'train-start', runId: 'tl', name: 'Transfer', spec, hyperparameters: ownClassesHyperparameters(48), pauseAfterBatches: null, classes: source(set), transfer });
    await h.until(isStatus('tl', 'finished'));
    expect(failure(h.events, 'tl')).toBeNull();
    const record = await h.runs.get('tl');
    expect(record?.lab.transfer).toEqual(transfer);
    // Chance is 4 of 12; the earlier fit-based measurement gave 9 of 12. At least 7 of 12.
    expect(bestValAccuracy(record ?? { epochs: [] })).toBeGreaterThan(0.55);
    const model = h.controller.currentModel()?.model;
    const [trainedKernel, sourceKernel] = [model?.layers[0]?.getWeights()[0], pretrained.layers[0]?.getWeights()[0]];
    expect(trainedKernel && Array.from(await trainedKernel.data())).toEqual(sourceKernel && Array.from(await sourceKernel.data()));
    await h.send({ type: 'train-reset' });
  }, 180_000);

  test('bad cases fail with a sentence that says what to do: no such set, a class with too few pictures, no network to start from', async () => {
    const classSets = createMemoryClassSetStore();
    const small = makeClassSet('small', ['red', 'green'], 3, plainColour);
    await classSets.put(small);
    const runs = createMemoryRunRepository();
    const h = harness({ withData: false, classSets, runs, transferSource: createTransferSources({ runs, pretrained: async () => pretrained }) });
    const spec = specForClasses(TINY_SPEC, 2);
    const hyperparameters = ownClassesHyperparameters(4);
    await h.send({ type: 'train-start', runId: 'gone', name: 'Gone', spec, hyperparameters, pauseAfterBatches: null, classes: { ...source(small), setId: 'missing', setName: 'Fruit' } });
    await h.until(isStatus('gone', 'failed'));
    expect(failure(h.events, 'gone')).toBe('The class set “Fruit” is not in this browser any more (it may have been deleted, or this run was made in another browser): make or import it again and start a new run.');

    await h.send({ type: 'train-start', runId: 'few', name: 'Few', spec, hyperparameters, pauseAfterBatches: null, classes: source(small) });
    await h.until(isStatus('few', 'failed'));
    expect(failure(h.events, 'few')).toMatch(/^The class set “Set small” cannot train yet: “red” has 3 pictures; give it at least 5/);

    await classSets.put(colourSet('colours'));
    const { spec: transferred, keptLayers } = transferSpec(DEFAULT_MODEL_SPEC, 3);
    const transfer = { from: { kind: 'run' as const, runId: 'deleted', name: 'Run 1' }, freeze: true, keptLayers };
    await h.send({ type: 'train-start', runId: 'nosource', name: 'No source', spec: transferred, hyperparameters, pauseAfterBatches: null, classes: source(colourSet('colours')), transfer });
    await h.until(isStatus('nosource', 'failed'));
    expect(failure(h.events, 'nosource')).toBe('The run “Run 1” to start from is not in this browser any more (it may have been deleted): choose another network to start from.');

    await h.send({ type: 'train-classes-check', setId: 'small' });
    const checked = await h.until((event) => event.type === 'train-classes-checked');
    expect(checked).toMatchObject({ set: { id: 'small', classes: [{ name: 'red', pictures: 3 }, { name: 'green', pictures: 3 }] } });
    expect(checked.type === 'train-classes-checked' && checked.problems).toHaveLength(2);
  }, 60_000);
});
