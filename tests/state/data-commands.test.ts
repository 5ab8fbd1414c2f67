import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fakeEngineSession, runningFakeEngine } from './fake-engine-client';
import type { DatasetSummary } from '../../src/engine/protocol-data';
import type { EngineCommand } from '../../src/engine/protocol';
import { selectDataReady } from '../../src/state/selectors';
import { getInitialState, useAppStore } from '../../src/state/store';


const SUMMARY: DatasetSummary = {
  source: 'test',
  classes: ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'],
  splits: { train: { count: 50_000, perClass: new Array(10).fill(5000) }, test: { count: 10_000, perClass: new Array(10).fill(1000) } },
  totalBytes: 184_380_000,
  fromCache: false,
  cacheNote: null,
  loadMs: 1234,
};

beforeAll(() => {
  // The data commands resolve the data folder against the page's base URL.
  Object.assign(globalThis, { document: { baseURI: 'http://school.example/playground/index.html' } });
});

beforeEach(() => {
  useAppStore.setState(getInitialState());
});

const store = () => useAppStore.getState();
/** The data domain's commands among those sent (a new engine is also asked for its checkpoint). */
const dataCommands = (sent: readonly EngineCommand[]) => sent.filter((command) => command.type.startsWith('data-'));

describe('data commands', () => {
  test('a load asked for before the engine runs starts when it does, at the app-relative data URL', async () => {
    const fake = fakeEngineSession();
    store().loadDataset();
    expect(store().dataStatus).toBe('idle');
    await fake.session.start('cpu');
    expect(dataCommands(fake.engine().sent)).toEqual([{ type: 'data-load', id: 100, baseUrl: 'http://school.example/playground/data/cifar10/' }]);
    expect(store().dataStatus).toBe('loading');
    store().loadDataset();
    expect(dataCommands(fake.engine().sent)).toHaveLength(1);
  });

  test('progress, then ready with counts; the first test image becomes the current image', async () => {
    const { sent, emit } = await runningFakeEngine();
    store().loadDataset();
    emit({ type: 'data-progress', id: 101, loadedBytes: 1000, totalBytes: 184_380_000, file: 'test-labels.bin', fromCache: false, stage: 'receiving' });
    expect(useAppStore.getState().dataProgress).toEqual({ loadedBytes: 1000, totalBytes: 184_380_000, file: 'test-labels.bin', fromCache: false, stage: 'receiving' });
    expect(selectDataReady(useAppStore.getState())).toBe(false);
    emit({ type: 'data-loaded', id: 101, summary: SUMMARY });
    expect(selectDataReady(useAppStore.getState())).toBe(true);
    expect(useAppStore.getState().dataset).toEqual(SUMMARY);
    expect(sent.at(-1)).toEqual({ type: 'data-page', id: 102, split: 'test', selection: { kind: 'indices', indices: [0] }, baseUrl: 'http://school.example/playground/data/cifar10/' });
    const pixels = new Uint8Array(3072).fill(7);
    emit({ type: 'data-page-result', id: 102, split: 'test', indices: Uint32Array.of(0), labels: Uint8Array.of(3), pixels });
    await Promise.resolve();
    await Promise.resolve();
    expect(useAppStore.getState().currentImage).toEqual({ pixels, label: 3, source: { kind: 'cifar', split: 'test', index: 0 } });
  });

  test('a failed load names the file, is not ready, and Retry loads again', async () => {
    const { sent, emit } = await runningFakeEngine();
    store().loadDataset();
    emit({ type: 'data-error', id: 101, command: 'load', message: 'train-images.bin is truncated: 5 of 9 bytes arrived', file: 'train-images.bin' });
    expect(useAppStore.getState()).toMatchObject({ dataStatus: 'failed', dataError: { file: 'train-images.bin' }, dataset: null });
    expect(selectDataReady(useAppStore.getState())).toBe(false);
    store().loadDataset();
    expect(dataCommands(sent).map((command) => command.type)).toEqual(['data-load', 'data-load']);
    expect(useAppStore.getState()).toMatchObject({ dataStatus: 'loading', dataError: null });
  });

  test('when the engine stops, its data is gone: not ready any more, and a new engine loads again', async () => {
    const fake = await runningFakeEngine();
    store().loadDataset();
    fake.emit({ type: 'data-loaded', id: 101, summary: SUMMARY });
    fake.session.suspend();
    expect(useAppStore.getState()).toMatchObject({ dataStatus: 'failed', dataError: { message: 'the engine stopped, and the data set with it' } });
    await fake.session.start('cpu');
    // The first test image's page, never answered by the old engine, is asked of the new one.
    expect(dataCommands(fake.engine().sent).map((command) => command.type)).toEqual(['data-load', 'data-page']);
  });

  test('an engine that dies while loading fails the load with its reason', async () => {
    const { emit } = await runningFakeEngine();
    store().loadDataset();
    emit({ type: 'fatal', message: 'worker failed: out of memory' });
    expect(store()).toMatchObject({ engineStatus: 'failed', dataStatus: 'failed', dataError: { message: 'the engine stopped while loading: worker failed: out of memory' } });
  });

  test('page requests resolve by id, and reject with the engine’s message', async () => {
    const { sent, emit } = await runningFakeEngine();
    const good = store().requestDataPage('train', { kind: 'per-class', offset: 0, count: 1 });
    const bad = store().requestDataPage('train', { kind: 'indices', indices: [99_999] });
    const [goodId, badId] = sent.filter((command) => command.type === 'data-page').map((command) => command.id);
    emit({ type: 'data-error', id: badId ?? -1, command: 'page', message: 'image index must be an integer from 0 to 49999, got 99999', file: null });
    emit({ type: 'data-page-result', id: goodId ?? -1, split: 'train', indices: Uint32Array.of(29), labels: Uint8Array.of(0), pixels: new Uint8Array(3072) });
    await expect(good).resolves.toMatchObject({ split: 'train', indices: Uint32Array.of(29) });
    await expect(bad).rejects.toThrow('image index must be an integer from 0 to 49999, got 99999');
    // A page error is not a load error.
    expect(useAppStore.getState().dataError).toBeNull();
  });
});
