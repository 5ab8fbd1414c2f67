import { beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../../src/core/training/hyperparameters';
import { DEFAULT_MODEL_SPEC } from '../../src/core/model/model-spec';
import type { RunSummary } from '../../src/core/training/run-record';
import { selectResumableRun } from '../../src/state/selectors';
import { getInitialState, useAppStore } from '../../src/state/store';
import { TINY_SPEC, tinySettings } from '../engine/training/fixtures';
import { runningFakeEngine } from './fake-engine-client';

const state = () => useAppStore.getState();

function run(id: string, changes: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    name: `Run ${id}`,
    lab: { spec: TINY_SPEC, hyperparameters: tinySettings({ epochs: 3, batchSize: 32, optimizer: 'adam', learningRate: 0.002, trainSubset: 512 }) },
    status: 'stopped',
    message: null,
    createdAt: '2026-12-06T10:00:00.000Z',
    updatedAt: '2026-12-06T10:00:00.000Z',
    queuedAt: null,
    backend: 'wasm',
    trainingSeconds: 12,
    epochsDone: 1,
    epochs: [],
    storedBytes: 30_000_000,
    ...changes,
  };
}

beforeEach(() => {
  useAppStore.setState(getInitialState());
  // The data set's address is worked out from the page's.
  Object.assign(globalThis, { document: { baseURI: 'http://school.example/playground/index.html' } });
});

describe('the run list in the store', () => {
  test('listed, saved (new and changed), deleted: the list follows, comparisons drop deleted runs, the freed bytes are said', () => {
    state().runsEventReceived({ type: 'runs-listed', id: 1, runs: [run('a'), run('b')] });
    expect(state().runsListed).toBe(true);
    state().toggleComparedRun('a');
    state().toggleComparedRun('b');
    state().runsEventReceived({ type: 'run-saved', run: run('b', { name: 'renamed' }) });
    state().runsEventReceived({ type: 'run-saved', run: run('c') });
    expect(state().runs.map((entry) => [entry.id, entry.name])).toEqual([
      ['a', 'Run a'],
      ['b', 'renamed'],
      ['c', 'Run c'],
    ]);
    state().runsEventReceived({ type: 'runs-deleted', id: 3, runIds: ['a'], freedBytes: 29_700_000 });
    expect(state().runs.map((entry) => entry.id)).toEqual(['b', 'c']);
    expect(state().comparedRunIds).toEqual(['b']);
    expect(state().runsNotice).toBe("Deleted 1 run: 29.7 MB of this browser's storage freed.");
  });

  test('the resume offer: the latest stopped, failed or interrupted run with a saved epoch left to train, never a queued or finished one', () => {
    useAppStore.setState({
      runs: [
        run('old', { updatedAt: '2026-12-06T09:00:00.000Z' }),
        run('new', { status: 'interrupted', updatedAt: '2026-12-06T11:00:00.000Z' }),
        run('done', { status: 'finished', epochsDone: 3, updatedAt: '2026-12-06T12:00:00.000Z' }),
        run('waiting', { status: 'interrupted', queuedAt: 5, updatedAt: '2026-12-06T13:00:00.000Z' }),
        run('nothing saved', { epochsDone: 0, updatedAt: '2026-12-06T14:00:00.000Z' }),
      ],
    });
    expect(selectResumableRun(state())?.id).toBe('new');
  });

  test('a run opened before the data set is in the engine waits for it, then goes; a failed load says why', async () => {
    const fake = await runningFakeEngine();
    useAppStore.setState({ runs: [run('saved'), run('other')] });
    expect(state().openRun('saved')).toBe(true);
    // Not sent yet: the data set is asked for, and the run shows as preparing.
    expect(fake.sent.some((command) => command.type === 'train-continue')).toBe(false);
    expect(fake.sent.at(-1)?.type).toBe('data-load');
    expect(state()).toMatchObject({ trainingRunId: 'saved', trainingPhase: 'preparing' });
    useAppStore.setState({ dataStatus: 'ready' });
    expect(fake.sent.at(-1)).toMatchObject({ type: 'train-continue', runId: 'saved', pauseAfterBatches: 0 });
    expect(state().trainingDeferred).toBeNull();
    expect(fake.sent.filter((command) => command.type === 'train-continue')).toHaveLength(1);

    useAppStore.setState({ dataStatus: 'loading', trainingPhase: 'finished' });
    expect(state().openRun('other')).toBe(true);
    useAppStore.setState({ dataStatus: 'failed', dataError: { message: 'train-images.bin is cut short', file: 'train-images.bin' } });
    expect(state()).toMatchObject({ trainingDeferred: null, trainingRunId: null, trainingPhase: 'idle' });
    expect(state().trainingError).toBe('The run could not be opened: CIFAR-10 did not load (train-images.bin is cut short).');
    expect(fake.sent.filter((command) => command.type === 'train-continue')).toHaveLength(1);
  });

  test('resume sends the saved run and fills the editor with its own network and settings once it trains', async () => {
    const fake = await runningFakeEngine();
    useAppStore.setState({ runs: [run('saved')], dataStatus: 'ready' });
    expect(state().trainingForm.batchSize).toBe('512');
    expect(state().resumeRun('saved')).toBe(true);
    expect(fake.sent.at(-1)).toMatchObject({ type: 'train-continue', runId: 'saved', epochs: null, pauseAfterBatches: null });
    expect(state()).toMatchObject({ trainingRunId: 'saved', trainingPhase: 'preparing' });
    expect(state().modelSpec).toEqual(TINY_SPEC);
    expect(state().trainingForm).toMatchObject({ batchSize: '32', epochs: '3', trainSubset: '512' });
    expect(state().hyperparameterForm).toMatchObject({ optimizer: 'adam', learningRate: '0.002' });
  });

  test('add to queue sends the edited setup as a named queued run; Train the queue asks for the data and starts it', async () => {
    const fake = await runningFakeEngine();
    state().setTrainingForm({ batchSize: '64', epochs: '2' });
    expect(state().enqueueCurrentSetup()).toBe(true);
    const queued = fake.sent.at(-1);
    expect(queued).toMatchObject({ type: 'runs-enqueue', runs: [{ name: 'Run 1 · SGD lr 0.01, batch 64', lab: { spec: DEFAULT_MODEL_SPEC, hyperparameters: { ...DEFAULT_HYPERPARAMETERS, batchSize: 64, epochs: 2, trainSubset: 1000, validationSubset: 500 } } }] });
    state().startQueue();
    expect(fake.sent.slice(-2).map((command) => command.type)).toEqual(['data-load', 'queue-start']);
  });

  test('another tab trains: the page says so and offers to take over with the same request', async () => {
    const fake = await runningFakeEngine();
    expect(state().startTraining()).toBe(true);
    const start = fake.sent.at(-1);
    if (start?.type !== 'train-start') throw new Error('no start was sent');
    fake.emit({ type: 'training-elsewhere', id: start.id, runId: start.runId, message: 'Training is running in another tab of this browser.' });
    expect(state()).toMatchObject({ trainingPhase: 'idle', trainingRunId: null, trainingElsewhere: { message: 'Training is running in another tab of this browser.' } });
    state().takeOverTraining();
    expect(fake.sent.at(-1)).toMatchObject({ type: 'train-start', runId: start.runId, takeOver: true });
    expect(state()).toMatchObject({ trainingElsewhere: null, trainingRunId: start.runId, trainingPhase: 'preparing' });
  });
});
