import { beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_SPEC } from '../../src/core/model/model-spec';
import { analyseModelSpec } from '../../src/core/model/model-spec-validate';
import { chooseOptimizer, DEFAULT_HYPERPARAMETER_FORM, readHyperparameterForm } from '../../src/state/hyperparameter-form';
import { BETTER_RECIPE, QUICK_DEMO_RECIPE } from '../../src/core/training/recipes';
import { readRunSetup } from '../../src/state/run-setup';
import { getInitialState, useAppStore } from '../../src/state/store';
import { DEFAULT_TRAINING_FORM } from '../../src/state/training-form';
import { runningFakeEngine } from './fake-engine-client';

beforeEach(() => {
  useAppStore.setState(getInitialState());
});

const startTraining = () => useAppStore.getState().startTraining();

describe('hyperparameter form', () => {
  test('defaults are the tutorial’s SGD settings, early stopping off', () => {
    expect(DEFAULT_HYPERPARAMETER_FORM).toEqual({
      optimizer: 'sgd', learningRate: '0.01', momentum: '0.5', decay: '0.0004',
      optimizerDrafts: { sgd: { learningRate: '0.01', momentum: '0.5', decay: '0.0004' }, adam: { learningRate: '0.001', momentum: '0.5', decay: '0' } },
      learningRateSchedule: 'decay', labelSmoothing: '0',
      earlyStopping: false, monitor: 'val_loss', minDelta: '0', patience: '3', restoreBestWeights: true,
    });
    expect(readHyperparameterForm(DEFAULT_HYPERPARAMETER_FORM)).toEqual({
      ok: true,
      settings: {
        optimizer: 'sgd', learningRate: 0.01, momentum: 0.5, decay: 0.0004, learningRateSchedule: 'decay', labelSmoothing: 0,
        earlyStopping: { enabled: false, monitor: 'val_loss', minDelta: 0, patience: 3, restoreBestWeights: true },
      },
    });
  });

  test('each wrong field gets its own message in the words the page uses', () => {
    const reading = readHyperparameterForm({ ...DEFAULT_HYPERPARAMETER_FORM, learningRate: '0', momentum: '1', decay: 'fast', earlyStopping: true, patience: '', minDelta: '-1' });
    expect(reading).toEqual({
      ok: false,
      errors: {
        learningRate: 'Learning rate must be > 0, got 0',
        momentum: 'Momentum must be < 1, got 1',
        decay: 'Decay must be a number, got fast',
        patience: 'Patience must be a number, got nothing',
        minDelta: 'Smallest improvement must be ≥ 0, got -1',
      },
    });
  });
});

test('fields the run does not use are not checked: momentum under Adam, early stopping while it is off', () => {
  const form = { ...DEFAULT_HYPERPARAMETER_FORM, momentum: '7', patience: '', minDelta: '-1' };
  expect(readHyperparameterForm(form)).toMatchObject({ ok: false, errors: { momentum: 'Momentum must be < 1, got 7' } });
  expect(readHyperparameterForm({ ...form, optimizer: 'adam' })).toEqual({
    ok: true,
    settings: {
      optimizer: 'adam', learningRate: 0.01, momentum: 0.5, decay: 0.0004, learningRateSchedule: 'decay', labelSmoothing: 0,
      earlyStopping: { enabled: false, monitor: 'val_loss', minDelta: 0, patience: 3, restoreBestWeights: true },
    },
  });
  // Under one-cycle the decay is not used, so a wrong one is not reported (and the optimiser's default goes to the run).
  expect(readHyperparameterForm({ ...DEFAULT_HYPERPARAMETER_FORM, learningRateSchedule: 'one-cycle', decay: '-3' })).toMatchObject({ ok: true, settings: { decay: 0.0004 } });
  expect(readHyperparameterForm({ ...form, optimizer: 'adam', earlyStopping: true })).toMatchObject({
    ok: false,
    errors: { patience: 'Patience must be a number, got nothing', minDelta: 'Smallest improvement must be ≥ 0, got -1' },
  });
});

describe('each optimiser keeps its own learning rate and decay', () => {
  test('switching SGD → Adam shows Adam’s own (0.001, no decay), and switching back finds SGD’s as typed', () => {
    const store = useAppStore.getState();
    store.setHyperparameterForm({ learningRate: '0.05', decay: '0.001' });
    store.setHyperparameterForm({ optimizer: 'adam' });
    expect(useAppStore.getState().hyperparameterForm).toMatchObject({ optimizer: 'adam', learningRate: '0.001', decay: '0' });
    expect(readRunSetup(useAppStore.getState()).run?.settings).toMatchObject({ optimizer: 'adam', learningRate: 0.001, decay: 0 });
    store.setHyperparameterForm({ learningRate: '0.002' });
    store.setHyperparameterForm({ optimizer: 'sgd' });
    expect(useAppStore.getState().hyperparameterForm).toMatchObject({ optimizer: 'sgd', learningRate: '0.05', decay: '0.001', momentum: '0.5' });
    store.setHyperparameterForm({ optimizer: 'adam' });
    expect(useAppStore.getState().hyperparameterForm).toMatchObject({ learningRate: '0.002', decay: '0' });
  });

  test('the pure switch keeps the form as it is when the optimiser does not change', () => {
    expect(chooseOptimizer(DEFAULT_HYPERPARAMETER_FORM, 'sgd')).toBe(DEFAULT_HYPERPARAMETER_FORM);
  });
});

describe('recipes', () => {
  test('Quick demo and Better recipe set the network and every setting, their data included; the run is what the recipe says', () => {
    for (const recipe of [QUICK_DEMO_RECIPE, BETTER_RECIPE]) {
      useAppStore.getState().setTrainingForm({ trainSubset: '128' });
      useAppStore.getState().applyRecipe(recipe.id);
      const reading = readRunSetup(useAppStore.getState());
      expect(reading.problems).toEqual([]);
      expect(reading.run?.spec).toEqual(recipe.spec);
      expect(reading.run?.settings).toEqual(recipe.hyperparameters);
    }
    useAppStore.getState().applyRecipe('tutorial');
    expect(useAppStore.getState().modelSpec).toEqual(DEFAULT_MODEL_SPEC);
    expect(() => useAppStore.getState().applyRecipe('fast' as 'tutorial')).toThrow('no recipe called fast');
  });
});

describe('run setup', () => {
  test('the edited network, the optimiser form and the run size make one run', () => {
    useAppStore.getState().updateModelLayer(0, 'Conv2D', { filters: 16 });
    useAppStore.getState().setHyperparameterForm({ optimizer: 'adam', learningRate: '0.001', earlyStopping: true, patience: '2' });
    useAppStore.getState().setTrainingForm({ epochs: '3', batchSize: '32' });
    const reading = readRunSetup(useAppStore.getState());
    expect(reading.problems).toEqual([]);
    expect(reading.run?.spec.layers[0]).toMatchObject({ type: 'Conv2D', filters: 16 });
    expect(reading.run?.settings).toMatchObject({ optimizer: 'adam', learningRate: 0.001, epochs: 3, batchSize: 32, earlyStopping: { enabled: true, patience: 2 } });
  });

  test('an invalid network or setting blocks the run, network first', () => {
    useAppStore.getState().addModelLayer('Conv2D', 5);
    useAppStore.getState().setTrainingForm({ epochs: '0' });
    useAppStore.getState().setHyperparameterForm({ learningRate: '-1' });
    const reading = readRunSetup(useAppStore.getState());
    expect(reading.run).toBeNull();
    expect(reading.problems[0]).toMatch(/^The network: layer 6 \(Conv2D\): needs an image-shaped input/);
    expect(reading.problems).toContain('Epochs must be ≥ 1, got 0');
    expect(reading.problems).toContain('Learning rate must be > 0, got -1');
  });

  test('the Tutorial preset puts back the network, the optimiser, batch 512 and 25 epochs, keeping the data subsets', () => {
    const store = useAppStore.getState();
    store.removeModelLayer(1);
    store.moveModelLayer(3, 1);
    store.setHyperparameterForm({ optimizer: 'adam', decay: '0' });
    store.setTrainingForm({ epochs: '2', batchSize: '16', trainSubset: '128' });
    useAppStore.getState().applyTutorialPreset();
    const state = useAppStore.getState();
    expect(state.modelSpec).toEqual(DEFAULT_MODEL_SPEC);
    expect(state.hyperparameterForm).toEqual(DEFAULT_HYPERPARAMETER_FORM);
    expect(state.trainingForm).toEqual({ ...DEFAULT_TRAINING_FORM, trainSubset: '128', epochs: '25', batchSize: '512' });
    const analysis = analyseModelSpec(state.modelSpec);
    expect(analysis.ok && analysis.totalParams).toBe(3_702_186);
  });

  test('Start sends the edited network and settings as a new named run', async () => {
    const { sent } = await runningFakeEngine();
    const store = useAppStore.getState();
    store.addModelLayer('Dense');
    store.setHyperparameterForm({ momentum: '0.9' });
    store.setTrainingForm({ epochs: '2', batchSize: '64' });
    expect(startTraining()).toBe(true);
    const start = sent.find((command) => command.type === 'train-start');
    expect(start).toMatchObject({ type: 'train-start', name: 'Run 1 · SGD lr 0.01, batch 64', spec: useAppStore.getState().modelSpec, hyperparameters: { momentum: 0.9, epochs: 2, batchSize: 64 } });
    expect(start?.type === 'train-start' && start.spec.layers).toHaveLength(9);
    expect(useAppStore.getState().trainingLab?.hyperparameters).toMatchObject({ momentum: 0.9, batchSize: 64 });
    expect(start?.type === 'train-start' && start.runId).toMatch(/^run-/);

    // A broken network is not sent.
    useAppStore.getState().addModelLayer('Conv2D', 6);
    expect(startTraining()).toBe(false);
    expect(sent.filter((command) => command.type === 'train-start')).toHaveLength(1);
  });
});
