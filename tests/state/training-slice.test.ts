import { beforeEach, describe, expect, test } from 'vitest';
import { getInitialState, useAppStore } from '../../src/state/store';
import { readTrainingForm, DEFAULT_TRAINING_FORM } from '../../src/state/training-form';
import { readRunSetup } from '../../src/state/run-setup';
import type { BatchPoint } from '../../src/core/training/training-record';
import { requestRun } from './run-requests';

const position = { epoch: 0, batch: 2, iteration: 2, batchesPerEpoch: 4, epochs: 2 };
const point = (iteration: number): BatchPoint => ({ iteration, epoch: 0, batch: iteration, loss: 2 - iteration / 10, accuracy: 0.1, learningRate: 0.01 });

beforeEach(() => {
  useAppStore.setState(getInitialState());
});

describe('training slice', () => {
  test('appends the shown run’s points and ignores events of any other run', () => {
    const store = useAppStore.getState();
    store.trainingRunRequested(requestRun('r2'), null);
    store.trainingEventReceived({ type: 'train-progress', runId: 'r1', batches: [point(0)], epochs: [], position });
    store.trainingEventReceived({ type: 'train-status', runId: 'r1', status: 'failed', message: 'old run', position, sizes: null, lab: null });
    expect(useAppStore.getState()).toMatchObject({ trainingPhase: 'preparing', trainingBatches: [], trainingMessage: null });
    store.trainingEventReceived({ type: 'train-progress', runId: 'r2', batches: [point(0), point(1)], epochs: [], position });
    store.trainingEventReceived({ type: 'train-progress', runId: 'r2', batches: [point(2)], epochs: [], position: { ...position, iteration: 3 } });
    expect(useAppStore.getState().trainingBatches.map((p) => p.iteration)).toEqual([0, 1, 2]);
    expect(useAppStore.getState().trainingPosition?.iteration).toBe(3);
  });

  test('a diverged run rewinds: points past its restored position are dropped', () => {
    const store = useAppStore.getState();
    store.trainingRunRequested(requestRun('r5'), null);
    store.trainingEventReceived({ type: 'train-progress', runId: 'r5', batches: [0, 1, 2, 3, 4].map(point), epochs: [], position: { ...position, iteration: 5 } });
    store.trainingEventReceived({ type: 'train-status', runId: 'r5', status: 'failed', message: 'The loss became NaN', position: { ...position, iteration: 4, batch: 0, epoch: 1 }, sizes: null, lab: null });
    expect(useAppStore.getState().trainingBatches.map((p) => p.iteration)).toEqual([0, 1, 2, 3]);
    expect(useAppStore.getState()).toMatchObject({ trainingPhase: 'failed', trainingMessage: 'The loss became NaN' });
  });

  test('Pause and Stop are acknowledged at the click, before the busy engine answers (issue 16, case 2)', () => {
    const store = useAppStore.getState();
    store.trainingRunRequested(requestRun('r3'), null);
    store.trainingControlRequested('stop');
    expect(useAppStore.getState().trainingPhase).toBe('preparing');
    store.trainingEventReceived({ type: 'train-status', runId: 'r3', status: 'running', message: null, position, sizes: null, lab: null });
    store.trainingControlRequested('pause');
    expect(useAppStore.getState().trainingPhase).toBe('pausing');
    store.trainingControlRequested('stop');
    expect(useAppStore.getState().trainingPhase).toBe('stopping');
    store.trainingControlRequested('pause');
    expect(useAppStore.getState().trainingPhase).toBe('stopping');
    // The engine's own word wins when it comes.
    store.trainingEventReceived({ type: 'train-status', runId: 'r3', status: 'stopped', message: null, position, sizes: null, lab: null });
    expect(useAppStore.getState().trainingPhase).toBe('stopped');
  });

  test('clearing keeps the form', () => {
    const store = useAppStore.getState();
    store.setTrainingForm({ epochs: '9' });
    store.trainingRunRequested(requestRun('r1'), null);
    store.trainingCleared();
    expect(useAppStore.getState()).toMatchObject({ trainingPhase: 'idle', trainingRunId: null, trainingForm: { ...DEFAULT_TRAINING_FORM, epochs: '9' } });
  });
});

describe('training form', () => {
  test('reads the inputs as settings on top of the tutorial optimiser', () => {
    const reading = readTrainingForm({ trainSubset: '128', validationSubset: 'all', epochs: '2', batchSize: '32', seed: '1', augment: false });
    expect(reading).toMatchObject({ ok: true, settings: { trainSubset: 128, validationSubset: null, epochs: 2, batchSize: 32, learningRate: 0.01, momentum: 0.5 } });
  });

  test('the augmentation checkbox: off at first, carried into the settings, and off again with the tutorial preset', () => {
    expect(DEFAULT_TRAINING_FORM.augment).toBe(false);
    expect(readTrainingForm(DEFAULT_TRAINING_FORM)).toMatchObject({ ok: true, settings: { augment: false } });
    expect(readTrainingForm({ ...DEFAULT_TRAINING_FORM, augment: true })).toMatchObject({ ok: true, settings: { augment: true } });
    const store = useAppStore.getState();
    store.setTrainingForm({ augment: true, trainSubset: '128' });
    expect(readRunSetup(useAppStore.getState()).run?.settings.augment).toBe(true);
    useAppStore.getState().applyTutorialPreset();
    expect(useAppStore.getState().trainingForm).toMatchObject({ augment: false, trainSubset: '128' });
  });

  test('each bad input gets its own message, in the words of its label', () => {
    const reading = readTrainingForm({ trainSubset: '1000', validationSubset: '500', epochs: '0', batchSize: '', seed: '1', augment: false }, { trainCount: 500, testCount: 100 });
    expect(reading).toEqual({
      ok: false,
      errors: {
        epochs: 'Epochs must be ≥ 1, got 0',
        batchSize: 'Batch size must be a whole number, got nothing',
        trainSubset: 'Training images must be ≤ 500, got 1,000',
        validationSubset: 'Validation images must be ≤ 100, got 500',
      },
    });
    expect(readTrainingForm({ ...DEFAULT_TRAINING_FORM, batchSize: '2.5' })).toMatchObject({ ok: false, errors: { batchSize: 'Batch size must be a whole number, got 2.5' } });
  });
});
