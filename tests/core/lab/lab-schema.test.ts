import { describe, expect, test } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../../../src/core/training/hyperparameters';
import { parseCheckpointState } from '../../../src/core/lab/checkpoint-state';
import { DEFAULT_LAB, LAB_FORMAT, LAB_VERSION, parseCheckpointSettings, parseLab, writeLab, type Lab } from '../../../src/core/lab/lab';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';

/** A lab as a document would carry it after a trip through JSON. */
const json = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

const EDITED: Lab = {
  ...DEFAULT_LAB,
  architecture: {
    layers: [
      { type: 'Conv2D', filters: 8, kernelSize: [3, 5], strides: 2, padding: 'same', activation: 'tanh' },
      { type: 'AveragePooling2D', poolSize: 2, strides: [1, 2], padding: 'same' },
      { type: 'Flatten' },
      { type: 'Dense', units: 10, activation: 'softmax' },
    ],
  },
  hyperparameters: { ...DEFAULT_HYPERPARAMETERS, optimizer: 'adam', learningRate: 0.002, batchSize: 32, epochs: 3, trainSubset: 512, augment: true },
};

describe('writeLab and parseLab', () => {
  test('a written lab reads back the same, and says what it is', () => {
    for (const lab of [DEFAULT_LAB, EDITED]) {
      const document = writeLab(lab);
      expect(document).toMatchObject({ format: LAB_FORMAT, version: LAB_VERSION });
      expect(parseLab(json(document))).toEqual({ ok: true, lab, notes: [] });
      expect(parseLab(json(document), { strict: true })).toEqual({ ok: true, lab, notes: [] });
    }
  });

  test('only the lessons changed from their own example are written', () => {
    expect(writeLab(DEFAULT_LAB)).not.toHaveProperty('lessons');
    const lab: Lab = { ...DEFAULT_LAB, lessons: { ...DEFAULT_LAB.lessons, stride: { ...DEFAULT_LAB.lessons.stride, stride: 2 } } };
    const document = writeLab(lab);
    expect(Object.keys(document.lessons ?? {})).toEqual(['stride']);
    expect(parseLab(json(document))).toEqual({ ok: true, lab, notes: [] });
  });

  test('a bad field is named with the value found: strict refuses, lenient opens the rest with the default in its place', () => {
    const document = json(writeLab(EDITED));
    document.hyperparameters = { ...EDITED.hyperparameters, batchSize: 'abc', epochs: 0, earlyStopping: { ...EDITED.hyperparameters.earlyStopping, monitor: 'accuracy' } };
    const strict = parseLab(document, { strict: true });
    expect(strict).toEqual({
      ok: false,
      problems: [
        { path: 'hyperparameters.batchSize', message: "hyperparameters.batchSize must be a whole number ≥ 1, got 'abc'" },
        { path: 'hyperparameters.earlyStopping.monitor', message: "hyperparameters.earlyStopping.monitor must be 'val_loss' or 'val_accuracy', got 'accuracy'" },
        { path: 'hyperparameters.epochs', message: 'hyperparameters.epochs must be ≥ 1, got 0' },
      ],
    });
    const lenient = parseLab(document);
    expect(lenient.ok).toBe(true);
    if (!lenient.ok) return;
    // The readable fields are kept; the three bad ones get the tutorial's values.
    expect(lenient.lab.architecture).toEqual(EDITED.architecture);
    expect(lenient.lab.hyperparameters).toEqual({ ...EDITED.hyperparameters, batchSize: 512, epochs: 25, earlyStopping: EDITED.hyperparameters.earlyStopping });
    expect(lenient.notes.map((note) => note.message)).toEqual([
      "hyperparameters.batchSize must be a whole number ≥ 1, got 'abc'; the default 512 is used",
      "hyperparameters.earlyStopping.monitor must be 'val_loss' or 'val_accuracy', got 'accuracy'; the default 'val_loss' is used",
      'hyperparameters.epochs must be ≥ 1, got 0; the default 25 is used',
    ]);
  });

  test("the network is read whole: a bad layer opens the tutorial's network, naming the layer and field", () => {
    const shapes = json(writeLab(EDITED));
    shapes.architecture = { layers: [{ type: 'Conv2D', filters: 8, kernelSize: 40, strides: 1, padding: 'valid', activation: 'relu' }, { type: 'Dense', units: 10, activation: 'softmax' }] };
    const read = parseLab(shapes);
    expect(read.ok && read.lab.architecture).toEqual(DEFAULT_MODEL_SPEC);
    expect(read.ok && read.notes).toEqual([
      { path: 'architecture.layers[0].kernelSize', message: "architecture: layer 1 (Conv2D): kernelSize 40×40 is larger than its 32×32 input; the tutorial's network is used instead" },
    ]);
    expect(read.ok && read.lab.hyperparameters).toEqual(EDITED.hyperparameters);

    const types = json(writeLab(EDITED));
    types.architecture = { layers: [{ type: 'Conv3D' }, { type: 'Dense', units: '10', activation: 'softmax' }] };
    expect(parseLab(types, { strict: true })).toEqual({
      ok: false,
      problems: [
        { path: 'architecture.layers[0].type', message: "architecture.layers[0].type must be Conv2D, MaxPooling2D, AveragePooling2D, StochasticPooling2D, BatchNormalization, Dropout, Flatten, Dense or DropConnectDense, got 'Conv3D'" },
        { path: 'architecture.layers[1].units', message: "architecture.layers[1].units must be a whole number from 1 to 16384, got '10'" },
      ],
    });
  });

  test('missing parts: the tutorial network and settings are used, said once each; missing lessons are simply their own example', () => {
    const read = parseLab({ format: LAB_FORMAT, version: 1 });
    expect(read).toEqual({
      ok: true,
      lab: DEFAULT_LAB,
      notes: [
        { path: 'architecture', message: "architecture must be an object with a list of layers, got nothing; the tutorial's network is used instead" },
        { path: 'hyperparameters', message: "hyperparameters must be an object of training settings, got nothing; the tutorial's settings are used instead" },
      ],
    });
  });

  test('not a lab at all: refused, however lenient', () => {
    expect(parseLab('lab')).toEqual({ ok: false, problems: [{ path: '', message: "a lab must be an object, got 'lab'" }] });
    expect(parseLab([1, 2])).toEqual({ ok: false, problems: [{ path: '', message: 'a lab must be an object, got [1,2]' }] });
    expect(parseLab({ ...writeLab(DEFAULT_LAB), format: 'keras' })).toEqual({ ok: false, problems: [{ path: 'format', message: "format must be 'cnn-playground-lab', got 'keras'" }] });
    expect(parseLab({ ...writeLab(DEFAULT_LAB), version: 2 })).toEqual({
      ok: false,
      problems: [{ path: 'version', message: 'version 2 is newer than this app reads (up to 1): open it with a newer CNN Playground' }],
    });
    expect(parseLab({ ...writeLab(DEFAULT_LAB), version: 'one' })).toMatchObject({ ok: false, problems: [{ path: 'version', message: "version must be a whole number ≥ 1, got 'one'" }] });
  });

  test('subsets larger than CIFAR-10 are refused by the existing rules (validateHyperparameters)', () => {
    const document = json(writeLab(DEFAULT_LAB));
    document.hyperparameters = { ...DEFAULT_HYPERPARAMETERS, trainSubset: 60_000, validationSubset: 0 };
    expect(parseLab(document, { strict: true })).toEqual({
      ok: false,
      problems: [
        { path: 'hyperparameters.trainSubset', message: 'hyperparameters.trainSubset must be ≤ 50,000, got 60,000' },
        { path: 'hyperparameters.validationSubset', message: 'hyperparameters.validationSubset must be ≥ 1, got 0' },
      ],
    });
  });
});

describe('checkpoints', () => {
  /** Settings as checkpoints saved them before augmentation existed. */
  const older = (): Record<string, unknown> => {
    const { augment, ...settings } = { ...DEFAULT_HYPERPARAMETERS, seed: 9 };
    void augment;
    return { spec: DEFAULT_MODEL_SPEC, hyperparameters: settings };
  };

  test('an older checkpoint (no augment) reads as trained without augmentation, with no note', () => {
    expect(parseCheckpointSettings(older())).toEqual({ ok: true, notes: [], architecture: DEFAULT_MODEL_SPEC, hyperparameters: { ...DEFAULT_HYPERPARAMETERS, seed: 9, augment: false } });
  });

  test("a checkpoint's settings are read strictly, naming spec (not architecture) as the checkpoint does", () => {
    const saved = older();
    saved.spec = { layers: [{ type: 'Dense', units: 10, activation: 'softmax' }] };
    saved.hyperparameters = { ...DEFAULT_HYPERPARAMETERS, momentum: 1.5 };
    expect(parseCheckpointSettings(saved)).toEqual({
      ok: false,
      problems: [
        { path: 'spec.layers[0]', message: 'spec: layer 1 (Dense): needs a flat input, got 32×32×3; add a Flatten layer before it' },
        { path: 'hyperparameters.momentum', message: 'hyperparameters.momentum must be < 1, got 1.5' },
      ],
    });
  });

  test('a whole checkpoint state: history with NaN and early stopping from +Infinity read back; a bad position is named', () => {
    const state = {
      format: 'cnn-playground-training-checkpoint',
      version: 1,
      savedAt: '2026-01-01T00:00:00.000Z',
      backend: 'wasm',
      ...older(),
      epochsDone: 1,
      iteration: 2,
      history: {
        batches: [
          { iteration: 0, epoch: 0, batch: 0, loss: 2.3, accuracy: 0.1, learningRate: 0.01 },
          { iteration: 1, epoch: 0, batch: 1, loss: Number.NaN, accuracy: 0, learningRate: 0.01 },
        ],
        epochs: [{ epoch: 0, loss: 2.2, accuracy: 0.12, valLoss: 2.1, valAccuracy: 0.2, seconds: 3, imagesPerSecond: 300 }],
      },
      earlyStopping: { best: Infinity, bestEpoch: null, wait: 0, holdsBestWeights: false, stoppedEpoch: null },
      files: { ignored: true },
    };
    const read = parseCheckpointState(state);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.state.hyperparameters.augment).toBe(false);
      expect(read.state.history).toEqual(state.history);
      expect(read.state.earlyStopping.best).toBe(Infinity);
      expect(read.state).not.toHaveProperty('files');
    }
    expect(parseCheckpointState({ ...state, epochsDone: 1.5, history: { batches: 'none', epochs: [] } })).toEqual({
      ok: false,
      problems: [
        { path: 'epochsDone', message: 'epochsDone must be a whole number ≥ 0, got 1.5' },
        { path: 'history.batches', message: "history.batches must be a list, got 'none'" },
      ],
    });
    expect(parseCheckpointState({ ...state, version: 2 })).toMatchObject({ ok: false, problems: [{ path: 'version' }] });
  });
});
