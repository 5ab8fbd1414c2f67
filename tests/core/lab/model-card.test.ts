import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../../../src/core/training/hyperparameters';
import { MODEL_CARD_FORMAT, MODEL_CARD_VERSION, parseModelCard, writeModelCard, type ModelCard } from '../../../src/core/lab/model-card';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';

const SHIPPED = 'public/models/cifar10-tutorial/model-card.json';

/** A card as scripts/export-pretrained.ts wrote it before the lab schema (version 1): no format, no network, no augment. */
const VERSION_1 = {
  name: 'Tutorial CNN, pretrained on CIFAR-10',
  testAccuracy: 0.7018,
  testImages: 10000,
  epochs: 8,
  trainingSeconds: 2480,
  backend: 'wasm',
  hyperparameters: {
    optimizer: 'adam',
    learningRate: 0.001,
    momentum: 0.5,
    decay: 0.0004,
    batchSize: 64,
    epochs: 8,
    trainSubset: null,
    validationSubset: null,
    seed: 1,
    earlyStopping: { enabled: false, monitor: 'val_loss', minDelta: 0, patience: 3, restoreBestWeights: true },
  },
  trainedAt: '2026-11-26T02:10:57.534Z',
  history: [{ epoch: 0, loss: 1.4977, accuracy: 0.46106, valLoss: 1.1914, valAccuracy: 0.5893, seconds: 268.9 }],
};

describe('model-card.json', () => {
  test('the shipped card is read by the lab schema: the tutorial network, trained with Adam for 8 epochs', () => {
    const read = parseModelCard(JSON.parse(readFileSync(SHIPPED, 'utf8')));
    if (!read.ok) throw new Error(read.problems.map((problem) => problem.message).join('; '));
    expect(read.card).toMatchObject({ testAccuracy: 0.7018, testImages: 10_000, epochs: 8 });
    expect(read.card.lab.architecture).toEqual(DEFAULT_MODEL_SPEC);
    expect(read.card.lab.hyperparameters).toEqual({ ...DEFAULT_HYPERPARAMETERS, optimizer: 'adam', learningRate: 0.001, batchSize: 64, epochs: 8 });
    expect(read.card.history).toHaveLength(8);
  });

  test('a version 1 card still loads (the tutorial network, no augmentation) and writes as version 2, which reads back the same', () => {
    const read = parseModelCard(VERSION_1);
    if (!read.ok) throw new Error(read.problems.map((problem) => problem.message).join('; '));
    expect(read.card.lab).toEqual({ architecture: DEFAULT_MODEL_SPEC, hyperparameters: { ...VERSION_1.hyperparameters, augment: false, learningRateSchedule: 'decay', labelSmoothing: 0 } });
    const written = writeModelCard(read.card);
    expect(written).toMatchObject({ format: MODEL_CARD_FORMAT, version: MODEL_CARD_VERSION, testAccuracy: 0.7018, lab: { format: 'cnn-playground-lab', architecture: DEFAULT_MODEL_SPEC } });
    expect(written).not.toHaveProperty('hyperparameters');
    expect(parseModelCard(JSON.parse(JSON.stringify(written)))).toEqual({ ok: true, card: read.card });
  });

  test('a bad card is refused, naming each field', () => {
    const card: ModelCard = { ...VERSION_1, lab: { architecture: DEFAULT_MODEL_SPEC, hyperparameters: DEFAULT_HYPERPARAMETERS } };
    const written = JSON.parse(JSON.stringify(writeModelCard(card))) as Record<string, Record<string, unknown>>;
    const lab = written.lab ?? {};
    lab.hyperparameters = { ...DEFAULT_HYPERPARAMETERS, optimizer: 'rmsprop' };
    expect(parseModelCard({ ...written, testAccuracy: 70.18 })).toEqual({
      ok: false,
      problems: [
        { path: 'testAccuracy', message: 'testAccuracy must be a number from 0 to 1, got 70.18' },
        { path: 'lab.hyperparameters.optimizer', message: "lab: hyperparameters.optimizer must be 'sgd' or 'adam', got 'rmsprop'" },
      ],
    });
    expect(parseModelCard({ ...written, version: 3 })).toMatchObject({ ok: false, problems: [{ path: 'version' }] });
  });
});
