import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyseModelSpec } from '../../../src/core/model/model-spec-validate';
import {
  accuracyGapPoints,
  DEFAULT_REGULARISATION,
  describeChoice,
  describeLabGap,
  LAB_HYPERPARAMETERS,
  nextLabNumber,
  overfittingLabRuns,
  PLAIN_LAB_SPEC,
  regularisedSpec,
  savedLabs,
} from '../../../src/core/training/overfitting-lab';
import type { EpochSummary } from '../../../src/core/training/training-record';

const NONE = { dropout: false, weightDecay: false, maxNorm: false, dropConnect: false, stochasticPooling: false, augment: false, fewerParameters: false, earlyStopping: false };

function epoch(index: number, accuracy: number, valAccuracy: number): EpochSummary {
  return { epoch: index, loss: 1, accuracy, valLoss: 1, valAccuracy, seconds: 10, imagesPerSecond: 200 };
}

describe('the overfitting lab', () => {
  test('two runs on the same data, seed and settings; the regularised one differs only by its regularisers, and not in its parameter count', () => {
    const { plain, regularised } = overfittingLabRuns(DEFAULT_REGULARISATION);
    expect(plain.spec).toBe(PLAIN_LAB_SPEC);
    expect(plain.hyperparameters).toEqual(LAB_HYPERPARAMETERS);
    expect(regularised.hyperparameters).toEqual({ ...LAB_HYPERPARAMETERS, augment: true });
    expect(LAB_HYPERPARAMETERS).toMatchObject({ trainSubset: 1000, validationSubset: 500, batchSize: 32, epochs: 12, seed: 1, optimizer: 'adam', decay: 0 });
    expect(plain.name).toBe('Lab 1 · plain');
    expect(regularised.name).toBe('Lab 1 · dropout + augmentation');
    const count = (spec: typeof plain.spec): number | null => {
      const analysis = analyseModelSpec(spec);
      return analysis.ok ? analysis.totalParams : null;
    };
    expect(count(regularised.spec)).toBe(count(plain.spec));
    expect(count(plain.spec)).toBe(2_103_242);
    expect(regularised.spec.layers.map((layer) => layer.type)).toEqual(['Conv2D', 'MaxPooling2D', 'Dropout', 'Flatten', 'Dense', 'Dropout', 'Dense']);
    expect(regularisedSpec(PLAIN_LAB_SPEC, { ...NONE, weightDecay: true }).layers[0]).toMatchObject({ kernelRegularizer: { l2: 0.0005 } });
  });

  test('each choice changes the network (or the data) as it says', () => {
    expect(regularisedSpec(PLAIN_LAB_SPEC, NONE)).toEqual(PLAIN_LAB_SPEC);
    const all = regularisedSpec(PLAIN_LAB_SPEC, { ...NONE, maxNorm: true, dropConnect: true, stochasticPooling: true });
    expect(all.layers.map((layer) => layer.type)).toEqual(['Conv2D', 'StochasticPooling2D', 'Flatten', 'DropConnectDense', 'Dense']);
    expect(all.layers[3]).toMatchObject({ units: 512, rate: 0.5, kernelConstraint: { maxNorm: 3 } });
    expect(analyseModelSpec(all).ok).toBe(true);
    expect(overfittingLabRuns({ ...NONE, augment: true }).regularised.hyperparameters.augment).toBe(true);
    expect(describeChoice(NONE)).toBe('nothing');
    // Fewer parameters: the hidden dense layer keeps an eighth of its units; the output layer all ten.
    const fewer = regularisedSpec(PLAIN_LAB_SPEC, { ...NONE, fewerParameters: true });
    expect(fewer.layers.filter((layer) => layer.type === 'Dense').map((layer) => layer.type === 'Dense' && layer.units)).toEqual([64, 10]);
    // Early stopping: val_loss, patience 3, the best weights put back; the network unchanged.
    const stopping = overfittingLabRuns({ ...NONE, earlyStopping: true }).regularised;
    expect(stopping.spec).toEqual(PLAIN_LAB_SPEC);
    expect(stopping.hyperparameters.earlyStopping).toEqual({ enabled: true, monitor: 'val_loss', minDelta: 0, patience: 3, restoreBestWeights: true });
    expect(stopping.name).toBe('Lab 1 · early stopping');
  });

  test('the gap in words: the plain run overfits, the regularised one closes the gap', () => {
    expect(accuracyGapPoints(epoch(0, 0.97, 0.44))).toBeCloseTo(53, 6);
    const lines = describeLabGap([epoch(0, 0.5, 0.4), epoch(1, 0.97, 0.44)], [epoch(0, 0.4, 0.38), epoch(1, 0.62, 0.5)], 'Dropout + weight decay');
    expect(lines).toEqual([
      'Plain, after epoch 2: 97 % right on its training pictures, 44 % on test pictures — a gap of 53 points.',
      'Dropout + weight decay, after epoch 2: 62 % right on its training pictures, 50 % on test pictures — a gap of 12 points.',
      'The plain network overfits: it has learnt its 97 % on the training pictures partly by heart, and that does not carry over to pictures it has not seen.',
      'Dropout + weight decay closes the gap by 41 points and raises validation accuracy by 6.0 points at the same epoch (2).',
    ]);
    expect(describeLabGap([epoch(0, 0.3, 0.29)], [epoch(0, 0.3, 0.3)], 'X')[1]).toBe('X, after epoch 1: 30 % right on its training pictures, 30 % on test pictures — a gap of 0 points.');
    expect(describeLabGap([epoch(0, 0.3, 0.29)], [epoch(0, 0.3, 0.3)], 'X')[3]).toBe('X closes the gap by 1 point and raises validation accuracy by 1.0 points at the same epoch (1).');
    expect(describeLabGap([epoch(0, 0.3, 0.29)], [], 'X')[2]).toBe('The plain network does not overfit much yet: train it for more epochs, or on fewer pictures.');
    expect(describeLabGap([], [], 'X')).toEqual(['Plain: no epoch yet.', 'X: no epoch yet.']);
    // A rising validation loss is said too.
    const rising = [epoch(0, 0.5, 0.4), { ...epoch(1, 0.97, 0.44), valLoss: 1.3 }];
    expect(describeLabGap(rising, [], 'X')[2]).toMatch(/by heart, .* Its validation loss rose from 1\.00 after epoch 1 to 1\.30: on new pictures it is more and more sure of wrong answers\.$/);
    // A regularised run still training (or stopped early) is compared with the plain run at its own latest epoch.
    expect(describeLabGap([epoch(0, 0.5, 0.4), epoch(1, 0.97, 0.44)], [epoch(0, 0.45, 0.41)], 'Dropout')[3]).toBe(
      'Dropout closes the gap by 6 points and raises validation accuracy by 1.0 points at the same epoch (1).',
    );
  });
});

test('labs kept in the browser are found again among the saved runs, newest first', () => {
  const run = (id: string, name: string) => ({ id, name, epochs: [] });
  const runs = [run('a', 'Lab 1 · plain'), run('b', 'Lab 1 · dropout'), run('c', 'Lab 2 · plain'), run('d', 'Sweep 1 · filters 8')];
  expect(savedLabs(runs)).toEqual([
    { labNumber: 2, plain: runs[2], regularised: null, regularisedWhat: null },
    { labNumber: 1, plain: runs[0], regularised: runs[1], regularisedWhat: 'dropout' },
  ]);
  expect(nextLabNumber(runs)).toBe(3);
  expect(overfittingLabRuns(DEFAULT_REGULARISATION, 3).plain.name).toBe('Lab 3 · plain');
});

test('the spec files the README measures the preset with are the lab’s own networks', () => {
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../scripts/train/overfitting-lab/${name}.json`, import.meta.url), 'utf8'));
  expect(read('plain')).toEqual(PLAIN_LAB_SPEC);
  expect(read('dropout')).toEqual(regularisedSpec(PLAIN_LAB_SPEC, DEFAULT_REGULARISATION));
});
