import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../../src/core/training/hyperparameters';
import { DEFAULT_MODEL_SPEC } from '../../src/core/model/model-spec';
import type { EvaluationNowResult } from '../../src/engine/protocol-evaluate';
import { selectEvaluateNowMessage, selectEvaluatePretrainedBlocked, selectEvaluateRunBlocked, selectShownEvaluation } from '../../src/state/selectors';
import { getInitialState, useAppStore, type AppData } from '../../src/state/store';
import { runningFakeEngineFor } from './fake-engine-client';
import { requestRun } from './run-requests';

const position = { epoch: 3, batch: 12, iteration: 60, batchesPerEpoch: 16, epochs: 25 };
const state = () => useAppStore.getState();

/** The engine and data ready, and run 2 paused after epoch 3, batch 12, started with seed 5 and batch 64. */
function pausedRun(changes: Partial<AppData> = {}): void {
  useAppStore.setState({
    engineStatus: 'ready',
    dataStatus: 'ready',
    trainingRunId: 'r2',
    trainingPhase: 'paused',
    trainingPosition: position,
    trainingLab: { spec: DEFAULT_MODEL_SPEC, hyperparameters: { ...DEFAULT_HYPERPARAMETERS, seed: 5, batchSize: 64, validationSubset: 256 } },
    trainingForm: { ...state().trainingForm, validationSubset: '256', batchSize: '32' },
    ...changes,
  });
}

function result(evaluationId: number, model: EvaluationNowResult['model']): EvaluationNowResult {
  return { evaluationId, model, indices: Uint32Array.of(4, 9), labels: Uint8Array.of(1, 2), predictions: Uint8Array.of(1, 1), loss: 1.2, accuracy: 0.5, evaluatedAt: '2026-01-05T14:05:09.000Z', seconds: 0.4 };
}

beforeAll(() => {
  Object.assign(globalThis, { document: { baseURI: 'http://school.example/playground/index.html' } });
});

beforeEach(() => {
  useAppStore.setState(getInitialState());
});

const evaluateNow = (target: 'run' | 'pretrained') => state().evaluateNow(target);
const cancelEvaluation = () => state().cancelEvaluation();
const engine = () => runningFakeEngineFor('evaluate-');

describe('evaluate-now commands and slice', () => {
  test('each button says why it cannot act: engine, data, no run, a run that trains; the pretrained model needs no run', async () => {
    expect(selectEvaluateRunBlocked(state())).toBe('The engine is not ready yet.');
    useAppStore.setState({ engineStatus: 'ready' });
    expect(selectEvaluatePretrainedBlocked(state())).toBe('CIFAR-10 is not loaded yet: the test images come from it.');
    useAppStore.setState({ dataStatus: 'ready' });
    expect(selectEvaluatePretrainedBlocked(state())).toBeNull();
    expect(selectEvaluateRunBlocked(state())).toBe('No network has been trained yet: start a run (or open a saved one from the run list), then pause or stop it.');
    for (const phase of ['preparing', 'running', 'pausing', 'stopping'] as const) {
      pausedRun({ trainingPhase: phase });
      expect(selectEvaluateRunBlocked(state())).toBe('A training step may be running: pause or stop the run to evaluate its model now.');
      expect(selectEvaluatePretrainedBlocked(state())).toBeNull();
    }
    for (const phase of ['paused', 'stopped', 'finished', 'failed'] as const) {
      pausedRun({ trainingPhase: phase });
      expect(selectEvaluateRunBlocked(state())).toBeNull();
    }
    // A run on your own classes is scored on its own held-out pictures after every epoch, not on CIFAR-10.
    const classes = { setId: 's', setName: 'Fruit', classNames: ['apple', 'banana'], heldOutShare: 0.2 };
    pausedRun({ trainingLab: { ...(state().trainingLab ?? { spec: DEFAULT_MODEL_SPEC, hyperparameters: DEFAULT_HYPERPARAMETERS }), classes } });
    expect(selectEvaluateRunBlocked(state())).toBe("This run learns your own classes, not CIFAR-10's: it is scored on its held-out pictures after every epoch.");
    // Nothing is sent while blocked.
    const fake = await engine();
    pausedRun({ trainingPhase: 'running' });
    expect(evaluateNow('run')).toBe(false);
    expect(fake.sent).toEqual([]);
  });

  test('the run’s model: the chosen number of test images, drawn with the run’s seed at its batch size; progress, then the result is shown', async () => {
    const fake = await engine();
    pausedRun();
    expect(evaluateNow('run')).toBe(true);
    expect(fake.sent).toEqual([
      { type: 'evaluate-now', id: 101, target: 'run', validationSubset: 256, seed: 5, batchSize: 64, pretrainedModelUrl: 'http://school.example/playground/models/cifar10-tutorial/model.json' },
    ]);
    expect(state().evaluateNowRequest).toEqual({ id: 101, target: 'run' });
    expect(selectEvaluateRunBlocked(state())).toBe('An evaluation is running.');
    expect(evaluateNow('pretrained')).toBe(false);

    fake.emit({ type: 'evaluate-progress', evaluationId: 99, imagesDone: 5, images: 10 });
    expect(state().evaluateNowProgress).toBeNull();
    fake.emit({ type: 'evaluate-progress', evaluationId: 101, imagesDone: 64, images: 256 });
    expect(state().evaluateNowProgress).toEqual({ imagesDone: 64, images: 256 });
    const done = result(101, { kind: 'trained', runId: 'r2', epochsDone: 3, batch: 12, iteration: 60 });
    fake.emit({ type: 'evaluate-result', result: done });
    expect(state()).toMatchObject({ evaluateNowRequest: null, evaluateNowProgress: null, evaluateNowMessage: null });
    expect(selectShownEvaluation(state())).toBe(done);

    // The next epoch's evaluation takes its place; so does another run.
    const epoch = { runId: 'r2', epoch: 3, indices: Uint32Array.of(1), labels: Uint8Array.of(0), predictions: Uint8Array.of(0) };
    state().evaluationReceived(epoch);
    expect(selectShownEvaluation(state())).toBe(epoch);
    fake.emit({ type: 'evaluate-progress', evaluationId: 101, imagesDone: 1, images: 1 });
    expect(state().evaluateNowProgress).toBeNull();
    useAppStore.setState({ evaluateNowResult: { result: done, epochEvaluationThen: state().evaluation } });
    expect(selectShownEvaluation(state())).toBe(done);
    state().trainingRunRequested(requestRun('r3'), null);
    expect(selectShownEvaluation(state())).toBeNull();
  });

  test('the pretrained model on all test images with the typed batch size; it stays shown across runs until an epoch is evaluated', async () => {
    const fake = await engine();
    useAppStore.setState({ engineStatus: 'ready', dataStatus: 'ready', trainingForm: { ...state().trainingForm, validationSubset: 'all', batchSize: '128' } });
    expect(evaluateNow('pretrained')).toBe(true);
    expect(fake.sent[0]).toMatchObject({ type: 'evaluate-now', target: 'pretrained', validationSubset: null, seed: 1, batchSize: 128 });
    const done = result(101, { kind: 'pretrained' });
    fake.emit({ type: 'evaluate-result', result: done });
    expect(selectShownEvaluation(state())).toBe(done);
    state().trainingRunRequested(requestRun('r7'), null);
    expect(selectShownEvaluation(state())).toBe(done);
    state().evaluationReceived({ runId: 'r7', epoch: 0, indices: Uint32Array.of(1), labels: Uint8Array.of(0), predictions: Uint8Array.of(0) });
    expect(selectShownEvaluation(state())).toMatchObject({ runId: 'r7' });
  });

  test('cancel, failures and a restarted engine leave a message and free the buttons', async () => {
    const fake = await engine();
    pausedRun();
    cancelEvaluation();
    expect(fake.sent).toEqual([]);
    evaluateNow('run');
    cancelEvaluation();
    expect(fake.sent[1]).toEqual({ type: 'evaluate-cancel', id: 102, evaluationId: 101 });
    fake.emit({ type: 'evaluate-failed', evaluationId: 101, message: 'The evaluation stopped: you cancelled it.', cancelled: true });
    expect(state()).toMatchObject({ evaluateNowRequest: null, evaluateNowMessage: 'The evaluation stopped: you cancelled it.' });
    expect(selectEvaluateRunBlocked(state())).toBeNull();

    evaluateNow('run');
    expect(selectEvaluateNowMessage(state())).toBeNull();
    fake.session.suspend();
    expect(state()).toMatchObject({ evaluateNowRequest: null, evaluateNowMessage: 'The engine restarted before the evaluation finished; evaluate again.' });
    expect(evaluateNow('run')).toBe(false);
  });
});
