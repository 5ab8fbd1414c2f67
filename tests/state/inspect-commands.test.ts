import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { runningFakeEngineFor } from './fake-engine-client';
import type { NetworkInternals } from '../../src/engine/protocol-inspect';
import { selectEvaluation, selectInspectModelKey } from '../../src/state/selectors';
import { getInitialState, useAppStore, type CurrentImage } from '../../src/state/store';
import { requestRun } from './run-requests';


const image = (index: number): CurrentImage => ({ pixels: new Uint8Array(3072).fill(index), label: 3, source: { kind: 'cifar', split: 'test', index } });
const internals = (epochsDone: number): NetworkInternals => ({ model: { kind: 'trained', epochsDone, batch: 0 }, layers: [], firstConv: null });

beforeAll(() => {
  Object.assign(globalThis, { document: { baseURI: 'http://school.example/playground/index.html' } });
});

beforeEach(() => {
  useAppStore.setState(getInitialState());
});

const requestInternals = (image: CurrentImage, modelKey: string, again?: boolean) => useAppStore.getState().requestInternals(image, modelKey, again);
const engine = () => runningFakeEngineFor('inspect-');

describe('inspect commands and slice', () => {
  test('asks once per image and model state, with the pretrained model’s URL next to the app; only the latest answer is shown', async () => {
    const fake = await engine();
    const first = image(1);
    requestInternals(first, 'pretrained');
    requestInternals(first, 'pretrained');
    expect(fake.sent).toHaveLength(1);
    const command = fake.sent[0];
    expect(command).toMatchObject({ type: 'inspect-image', id: 101, pretrainedModelUrl: 'http://school.example/playground/models/cifar10-tutorial/model.json' });
    // The message carries a copy: the store's image keeps its bytes whatever happens to the buffer.
    expect(command?.type === 'inspect-image' && command.pixels !== first.pixels).toBe(true);
    expect(useAppStore.getState().internalsStatus).toBe('loading');

    const second = image(2);
    requestInternals(second, 'pretrained');
    fake.emit({ type: 'inspect-result', id: 101, internals: internals(0) });
    expect(useAppStore.getState().internals).toBeNull();
    fake.emit({ type: 'inspect-result', id: 102, internals: internals(1) });
    expect(useAppStore.getState()).toMatchObject({ internalsStatus: 'ready', internals: { request: { image: second, modelKey: 'pretrained' }, result: internals(1) } });

    // While the next answer is on its way, the last one stays on screen.
    requestInternals(second, 'run 1, 1 epochs');
    expect(useAppStore.getState()).toMatchObject({ internalsStatus: 'loading', internals: { result: internals(1) } });
    fake.emit({ type: 'inspect-unavailable', id: 103, message: 'There is no model to look into yet' });
    expect(useAppStore.getState()).toMatchObject({ internalsStatus: 'unavailable', internals: null, internalsMessage: 'There is no model to look into yet' });
    requestInternals(second, 'run 1, 1 epochs');
    expect(fake.sent).toHaveLength(3);
    requestInternals(second, 'run 1, 1 epochs', true);
    fake.emit({ type: 'inspect-error', id: 104, message: 'The network could not be inspected: boom' });
    expect(useAppStore.getState()).toMatchObject({ internalsStatus: 'failed', internalsMessage: 'The network could not be inspected: boom' });
  });

  test('a restarted engine forgets the request in flight and asks again', async () => {
    const fake = await engine();
    requestInternals(image(1), 'pretrained');
    fake.session.suspend();
    expect(useAppStore.getState().internalsStatus).toBe('idle');
    await fake.session.start('cpu');
    requestInternals(image(1), 'pretrained');
    expect(fake.engine().sent.filter((command) => command.type === 'inspect-image')).toHaveLength(1);
  });

  test('epoch predictions are shown for the shown run only', async () => {
    const fake = await engine();
    useAppStore.getState().trainingRunRequested(requestRun('r4'), null);
    const evaluation = { runId: 'r3', epoch: 0, indices: Uint32Array.of(5), labels: Uint8Array.of(1), predictions: Uint8Array.of(1) };
    fake.emit({ type: 'inspect-epoch-predictions', evaluation });
    expect(selectEvaluation(useAppStore.getState())).toBeNull();
    fake.emit({ type: 'inspect-epoch-predictions', evaluation: { ...evaluation, runId: 'r4' } });
    expect(selectEvaluation(useAppStore.getState())?.runId).toBe('r4');
  });

  test('the model key: pretrained without a run, none while preparing, epochs while running, the exact update at rest', () => {
    const state = () => useAppStore.getState();
    expect(selectInspectModelKey(state())).toBe('pretrained');
    state().trainingRunRequested(requestRun('r2'), null);
    expect(selectInspectModelKey(state())).toBeNull();
    const position = { epoch: 1, batch: 2, iteration: 6, batchesPerEpoch: 4, epochs: 3 };
    state().trainingEventReceived({ type: 'train-status', runId: 'r2', status: 'running', message: null, position, sizes: null, lab: null });
    const summary = { epoch: 0, loss: 2, accuracy: 0.2, valLoss: 2.1, valAccuracy: 0.2, seconds: 1, imagesPerSecond: 10 };
    state().trainingEventReceived({ type: 'train-progress', runId: 'r2', batches: [], epochs: [summary], position });
    expect(selectInspectModelKey(state())).toBe('run r2, 1 epochs');
    state().trainingEventReceived({ type: 'train-status', runId: 'r2', status: 'paused', message: null, position, sizes: null, lab: null });
    expect(selectInspectModelKey(state())).toBe('run r2, 1 epochs, update 6');
  });
});
