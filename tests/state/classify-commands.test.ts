import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fakeEngineSession, runningFakeEngine } from './fake-engine-client';
import type { ClassifyAnswer } from '../../src/engine/protocol-classify';
import { isModelFile } from '../../src/state/slices/classify-commands';
import { selectTrainedModelAvailable, selectTrainedModelLabel } from '../../src/state/selectors';
import { getInitialState, useAppStore } from '../../src/state/store';
import { requestRun } from './run-requests';


const PRETRAINED = { kind: 'pretrained', label: 'pretrained tutorial model, 65.2 % on the test set', name: null } as const;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function answerFor(model: ClassifyAnswer['model']): ClassifyAnswer {
  return { input: new Uint8Array(3072), probabilities: [0.9, 0.1, 0, 0, 0, 0, 0, 0, 0, 0], model, picture: null, predictMs: 3, totalMs: 9 };
}

beforeAll(() => {
  Object.assign(globalThis, { document: { baseURI: 'http://school.example/playground/index.html' } });
});

beforeEach(() => {
  useAppStore.setState(getInitialState());
});

const store = () => useAppStore.getState();
const classifyCommands = (sent: readonly { readonly type: string }[]) => sent.filter((command) => command.type.startsWith('classify-'));

describe('classify commands', () => {
  test('asked before the engine runs, it prepares the pretrained model from the app-relative URL and lists the library', async () => {
    const fake = fakeEngineSession();
    store().prepareClassifier();
    await fake.session.start('cpu');
    const { sent, emit } = fake.engine();
    expect(classifyCommands(sent).map((command) => command.type)).toEqual(['classify-prepare', 'classify-library-list']);
    expect(classifyCommands(sent)[0]).toMatchObject({ id: 101, modelUrl: 'http://school.example/playground/models/cifar10-tutorial/model.json' });
    expect(useAppStore.getState().classifyPretrainedStatus).toBe('loading');
    emit({ type: 'classify-models', id: 101, models: { pretrained: PRETRAINED, pretrainedError: null, loaded: null } });
    emit({ type: 'classify-library', id: 102, entries: [] });
    await settle();
    expect(useAppStore.getState()).toMatchObject({ classifyPretrainedStatus: 'ready', classifyPretrained: PRETRAINED, classifyLibrary: [] });
  });

  test('pictures are sent one at a time, each with the model chosen when its turn comes; model files load as a model', async () => {
    const { sent, emit } = await runningFakeEngine();
    const work = () => sent.filter((command) => command.type === 'classify-image' || command.type === 'classify-load-files');
    const picture = (name: string): File => new File([new Uint8Array([1, 2, 3])], name, { type: 'image/png' });
    store().classifyFiles([picture('a.png'), new File(['{}'], 'model.json', { type: 'application/json' }), picture('b.png')], 'file');
    await settle();
    const items = useAppStore.getState().classifyItems;
    expect(items.map((item) => [item.name, item.status])).toEqual([
      ['b.png', 'working'],
      ['a.png', 'working'],
    ]);
    expect(work().map((command) => command.type)).toEqual(['classify-load-files', 'classify-image']);
    const [modelFiles, first] = work();
    emit({ type: 'classify-error', id: modelFiles?.id ?? -1, message: 'model.json is not a TensorFlow.js layers model: it has no modelTopology.' });
    useAppStore.getState().classifyChoose('loaded');
    emit({ type: 'classify-answer', id: first?.id ?? -1, answer: answerFor(PRETRAINED) });
    await settle();
    expect(useAppStore.getState().classifyModelError).toBe('model.json is not a TensorFlow.js layers model: it has no modelTopology.');
    expect(work().map((command) => command.type)).toEqual(['classify-load-files', 'classify-image', 'classify-image']);
    const second = work()[2];
    expect(second).toMatchObject({ model: 'loaded', file: { name: 'b.png' } });
    emit({ type: 'classify-error', id: second?.id ?? -1, message: 'no model has been loaded' });
    await settle();
    expect(useAppStore.getState().classifyItems.map((item) => [item.name, item.status, item.error])).toEqual([
      ['b.png', 'failed', 'no model has been loaded'],
      ['a.png', 'done', null],
    ]);
  });

  test('a training run’s first epoch makes its model answer, and a reset hands back to the model before', () => {
    const store = useAppStore.getState();
    store.trainingRunRequested(requestRun('r7'), null);
    const position = { epoch: 0, batch: 3, iteration: 3, batchesPerEpoch: 16, epochs: 5 };
    store.trainingEventReceived({ type: 'train-status', runId: 'r7', status: 'running', message: null, position, sizes: { trainImages: 1000, validationImages: 500 }, lab: null });
    expect(selectTrainedModelAvailable(useAppStore.getState())).toBe(true);
    expect(useAppStore.getState().classifyChoice).toBe('pretrained');
    const epoch = { epoch: 0, loss: 2, accuracy: 0.2, valLoss: 2.1, valAccuracy: 0.254, seconds: 5, imagesPerSecond: 200 };
    store.trainingEventReceived({ type: 'train-progress', runId: 'r7', batches: [], epochs: [epoch], position: { ...position, epoch: 1, batch: 0, iteration: 16 } });
    expect(useAppStore.getState().classifyChoice).toBe('trained');
    expect(useAppStore.getState().classifyNotice).toBe('Your model finished epoch 1 in Train, so it answers from now on (choose another model below at any time).');
    expect(selectTrainedModelLabel(useAppStore.getState())).toBe('your model, trained here, epoch 1 (25.4 % on 500 validation images)');
    store.trainingCleared();
    expect(useAppStore.getState().classifyChoice).toBe('pretrained');
    expect(useAppStore.getState().classifyNotice).toBe('The training run was reset, so the pretrained tutorial model answers again.');
  });

  test('a picture chosen while the engine restarts (backends measured) keeps waiting and is answered by the new engine', async () => {
    const fake = await runningFakeEngine();
    store().classifyModelsReceived({ pretrained: PRETRAINED, pretrainedError: null, loaded: { kind: 'loaded', label: '“x” from your library', name: 'x' } });
    store().classifyChoose('loaded');
    store().classifyFiles([new File([new Uint8Array([1])], 'c.png')], 'paste');
    fake.session.suspend();
    store().classifyFiles([new File([new Uint8Array([2])], 'd.png')], 'file');
    await settle();
    // The loaded model lived in the old engine: the pretrained one answers again, and the page says why.
    expect(store()).toMatchObject({ classifyLoaded: null, classifyChoice: 'pretrained' });
    expect(store().classifyNotice).toMatch(/^The engine restarted, so the pretrained model answers again/);
    expect(store().classifyItems.map((item) => [item.name, item.status])).toEqual([
      ['d.png', 'working'],
      ['c.png', 'working'],
    ]);
    await fake.session.start('wasm');
    const next = fake.engine();
    const resent = next.sent.filter((command) => command.type === 'classify-image');
    expect(resent).toMatchObject([{ file: { name: 'c.png' } }]);
    next.emit({ type: 'classify-answer', id: resent[0]?.id ?? -1, answer: answerFor(PRETRAINED) });
    await settle();
    const second = next.sent.filter((command) => command.type === 'classify-image')[1];
    expect(second).toMatchObject({ file: { name: 'd.png' }, model: 'pretrained' });
    next.emit({ type: 'classify-answer', id: second?.id ?? -1, answer: answerFor(PRETRAINED) });
    await settle();
    expect(store().classifyItems.map((item) => [item.name, item.status])).toEqual([
      ['d.png', 'done'],
      ['c.png', 'done'],
    ]);
  });

  test('when the engine cannot start, every waiting picture fails with the reason', async () => {
    const fake = fakeEngineSession({ failStart: () => 'No compute backend could start: no WebGL' });
    store().classifyFiles([new File([new Uint8Array([1])], 'c.png'), new File([new Uint8Array([2])], 'd.png')], 'file');
    await fake.session.start('webgl');
    await settle();
    expect(store().classifyItems.map((item) => [item.name, item.status, item.error])).toEqual([
      ['d.png', 'failed', 'the engine could not start: No compute backend could start: no WebGL'],
      ['c.png', 'failed', 'the engine could not start: No compute backend could start: no WebGL'],
    ]);
  });

  test('isModelFile: model.json and .bin weights, whatever the case', () => {
    expect(isModelFile({ name: 'Model.JSON', type: '' })).toBe(true);
    expect(isModelFile({ name: 'group1-shard1of1.bin', type: '' })).toBe(true);
    expect(isModelFile({ name: 'cat.jpg', type: 'image/jpeg' })).toBe(false);
  });
});
