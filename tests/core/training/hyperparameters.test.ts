import { describe, expect, test } from 'vitest';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_OPTIMIZER_SETTINGS, hyperparametersFromSaved, validateHyperparameters, type TrainingHyperparameters } from '../../../src/core/training/hyperparameters';

function issuesOf(changes: Partial<TrainingHyperparameters>, data?: { trainCount: number; testCount: number }): string[] {
  return validateHyperparameters({ ...DEFAULT_HYPERPARAMETERS, ...changes }, data).map((issue) => issue.message);
}

describe('hyperparameter validation', () => {
  test("the tutorial's settings pass", () => {
    expect(DEFAULT_HYPERPARAMETERS).toMatchObject({ optimizer: 'sgd', learningRate: 0.01, momentum: 0.5, decay: 0.0004, batchSize: 512, epochs: 25 });
    expect(DEFAULT_HYPERPARAMETERS.earlyStopping.patience).toBe(3);
    expect(issuesOf({})).toEqual([]);
  });

  test('absurd values are rejected, each message naming its field', () => {
    expect(issuesOf({ learningRate: 0 })).toEqual(['learningRate must be > 0, got 0']);
    expect(issuesOf({ learningRate: 50 })).toEqual(['learningRate must be ≤ 10, got 50']);
    expect(issuesOf({ learningRate: Number.NaN })).toEqual(['learningRate must be a finite number, got NaN']);
    expect(issuesOf({ momentum: 1 })).toEqual(['momentum must be < 1, got 1']);
    expect(issuesOf({ decay: -0.1 })).toEqual(['decay must be ≥ 0, got -0.1']);
    expect(issuesOf({ batchSize: 0 })).toEqual(['batchSize must be ≥ 1, got 0']);
    expect(issuesOf({ batchSize: 32.5 })).toEqual(['batchSize must be a whole number, got 32.5']);
    expect(issuesOf({ batchSize: 100_000 })).toEqual(['batchSize must be ≤ 4,096, got 100,000']);
    expect(issuesOf({ epochs: 0 })).toEqual(['epochs must be ≥ 1, got 0']);
    expect(issuesOf({ seed: -1 })).toEqual(['seed must be ≥ 0, got -1']);
  });

  test('subsets are checked against the loaded data when it is known', () => {
    expect(issuesOf({ trainSubset: 0 })).toEqual(['trainSubset must be ≥ 1, got 0']);
    expect(issuesOf({ trainSubset: 60_000 })).toEqual([]);
    expect(issuesOf({ trainSubset: 60_000, validationSubset: 20_000 }, { trainCount: 50_000, testCount: 10_000 })).toEqual([
      'trainSubset must be ≤ 50,000, got 60,000',
      'validationSubset must be ≤ 10,000, got 20,000',
    ]);
  });

  test('early stopping fields are named with their prefix', () => {
    const earlyStopping = { ...DEFAULT_HYPERPARAMETERS.earlyStopping, patience: -1, minDelta: -0.5 };
    expect(issuesOf({ earlyStopping })).toEqual(['earlyStopping.minDelta must be ≥ 0, got -0.5', 'earlyStopping.patience must be ≥ 0, got -1']);
    const monitor = JSON.parse('{"monitor":"loss"}') as { monitor: 'val_loss' };
    expect(issuesOf({ earlyStopping: { ...DEFAULT_HYPERPARAMETERS.earlyStopping, ...monitor } })).toEqual([
      "earlyStopping.monitor must be 'val_loss' or 'val_accuracy', got loss",
    ]);
  });

  test('augmentation is off by default (the tutorial has none) and must be true or false', () => {
    expect(DEFAULT_HYPERPARAMETERS.augment).toBe(false);
    expect(issuesOf({ augment: true })).toEqual([]);
    expect(issuesOf({ augment: 'yes' as unknown as boolean })).toEqual(['augment must be true or false, got yes']);
  });

  test('settings saved before augmentation existed read as augmentation off; saved ones are kept', () => {
    const older: { -readonly [K in keyof TrainingHyperparameters]?: TrainingHyperparameters[K] } = { ...DEFAULT_HYPERPARAMETERS, seed: 9 };
    delete older.augment;
    expect(hyperparametersFromSaved(older as Omit<TrainingHyperparameters, 'augment'>)).toEqual({ ...DEFAULT_HYPERPARAMETERS, seed: 9, augment: false });
    expect(hyperparametersFromSaved({ ...(older as TrainingHyperparameters), augment: true }).augment).toBe(true);
  });

  test('older checkpoints without a schedule or label smoothing read as the tutorial’s (Keras decay, none)', () => {
    const older: { -readonly [K in keyof TrainingHyperparameters]?: TrainingHyperparameters[K] } = { ...DEFAULT_HYPERPARAMETERS, optimizer: 'adam' };
    delete older.learningRateSchedule;
    delete older.labelSmoothing;
    const read = hyperparametersFromSaved(older as Omit<TrainingHyperparameters, 'learningRateSchedule' | 'labelSmoothing'>);
    expect(read).toMatchObject({ learningRateSchedule: 'decay', labelSmoothing: 0, optimizer: 'adam' });
  });

  test('the schedule and label smoothing are checked', () => {
    expect(issuesOf({ learningRateSchedule: 'one-cycle', labelSmoothing: 0.1 })).toEqual([]);
    expect(issuesOf({ learningRateSchedule: 'cosine' as 'decay' })).toEqual(["learningRateSchedule must be 'decay' or 'one-cycle', got cosine"]);
    expect(issuesOf({ labelSmoothing: 1 })).toEqual(['labelSmoothing must be < 1, got 1']);
  });

  test('each optimiser has its own defaults: Adam never starts with SGD’s decay', () => {
    expect(DEFAULT_OPTIMIZER_SETTINGS.sgd).toEqual({ learningRate: 0.01, momentum: 0.5, decay: 0.0004 });
    expect(DEFAULT_OPTIMIZER_SETTINGS.adam).toMatchObject({ learningRate: 0.001, decay: 0 });
  });

  test('several problems are all reported', () => {
    expect(issuesOf({ optimizer: 'rmsprop' as 'sgd', epochs: -2, batchSize: 0 })).toHaveLength(3);
  });
});
