import { describe, expect, test } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../../../src/core/training/hyperparameters';
import { changesFrom, decodeLabLink, encodeLabLink, labLinkDictionary, MAX_LAB_LINK_LENGTH, SETTINGS_ADDED_SINCE_V1, withChanges } from '../../../src/core/lab/lab-link';
import { DEFAULT_LAB, type Lab } from '../../../src/core/lab/lab';
import { DEFAULT_LESSON_SETTINGS } from '../../../src/core/lab/lesson-settings';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { sha256Hex } from '../../../src/core/data/sha256';

/** Issue 13's example: 512 images, batch 32, Adam 0.002, Dense 64, 3 epochs. */
const SMALL_EDIT: Lab = {
  ...DEFAULT_LAB,
  architecture: { layers: DEFAULT_MODEL_SPEC.layers.map((layer) => (layer.type === 'Dense' && layer.units === 512 ? { ...layer, units: 64 } : layer)) },
  hyperparameters: { ...DEFAULT_HYPERPARAMETERS, trainSubset: 512, batchSize: 32, optimizer: 'adam', learningRate: 0.002, epochs: 3 },
};

/** Every part changed: a new 11-layer network, every setting, six lessons' examples. */
const HEAVY_EDIT: Lab = {
  architecture: {
    layers: [
      { type: 'Conv2D', filters: 64, kernelSize: 5, strides: 1, padding: 'same', activation: 'relu' },
      { type: 'MaxPooling2D', poolSize: 2, strides: null, padding: 'valid' },
      { type: 'Dropout', rate: 0.25 },
      { type: 'Conv2D', filters: 128, kernelSize: [3, 3], strides: 1, padding: 'same', activation: 'relu' },
      { type: 'AveragePooling2D', poolSize: 2, strides: 2, padding: 'same' },
      { type: 'Conv2D', filters: 256, kernelSize: 3, strides: 2, padding: 'valid', activation: 'tanh' },
      { type: 'Flatten' },
      { type: 'Dense', units: 1024, activation: 'relu' },
      { type: 'Dropout', rate: 0.5 },
      { type: 'Dense', units: 256, activation: 'sigmoid' },
      { type: 'Dense', units: 10, activation: 'softmax' },
    ],
  },
  hyperparameters: {
    optimizer: 'adam',
    learningRate: 0.0015,
    momentum: 0.9,
    decay: 0.0001,
    batchSize: 128,
    epochs: 40,
    trainSubset: 20_000,
    validationSubset: 2_000,
    seed: 123_456,
    augment: true,
    learningRateSchedule: 'decay',
    labelSmoothing: 0,
    earlyStopping: { enabled: true, monitor: 'val_accuracy', minDelta: 0.001, patience: 5, restoreBestWeights: false },
  },
  lessons: {
    ...DEFAULT_LESSON_SETTINGS,
    convolution: {
      mask: [
        [1, 2, 1],
        [2, 4, 2],
        [1, 2, 1],
      ],
      divisor: 16,
      input: [
        [9, 8, 7, 6, 5, 4],
        [3, 2, 1, 0, -1, -2],
        [5, 5, 5, 5, 5, 5],
        [1, 0, 1, 0, 1, 0],
        [2.5, 3.5, 4.5, 5.5, 6.5, 7.5],
        [100, 200, 300, 400, 500, 600],
      ],
    },
    pooling: { ...DEFAULT_LESSON_SETTINGS.pooling, mode: 'avg', poolSize: 3, stride: 1, padding: 'same' },
    stride: { ...DEFAULT_LESSON_SETTINGS.stride, stride: 2, padding: 'same' },
    mask: { ...DEFAULT_LESSON_SETTINGS.mask, values: [4, 8, 15, 16, 23, 42], hidden: [true, false, false, true, false, false] },
    'conv-1d': { ...DEFAULT_LESSON_SETTINGS['conv-1d'], series: [1, 3, 2, 5, 4, 6, 5, 8, 7, 9], mask: [1, 2, 1], divisor: 4 },
    network: { scores: [3, 1, 0.2, 5, 2, 1, 0, 0.5, 4, 2] },
  },
};

describe('lab links', () => {
  test("the tutorial's lab is the link '1'; edited labs come back exactly; every link is URL-safe and short", () => {
    expect(encodeLabLink(DEFAULT_LAB)).toBe('1');
    expect(decodeLabLink('1')).toEqual({ ok: true, lab: DEFAULT_LAB, notes: [] });
    for (const [lab, atMost] of [
      [SMALL_EDIT, 80],
      [HEAVY_EDIT, 450],
    ] as const) {
      const link = encodeLabLink(lab);
      expect(link).toMatch(/^1[A-Za-z0-9_-]+$/);
      expect(link.length).toBeLessThanOrEqual(atMost);
      expect(decodeLabLink(link)).toEqual({ ok: true, lab, notes: [] });
    }
    // Settings added since version 1 go into a link only when changed, and come back.
    const regularised: Lab = {
      ...DEFAULT_LAB,
      architecture: { layers: [{ type: 'Flatten' }, { type: 'DropConnectDense', units: 64, activation: 'relu', rate: 0.5, kernelRegularizer: { l2: 0.0005 } }, { type: 'Dense', units: 10, activation: 'softmax' }] },
      hyperparameters: { ...DEFAULT_HYPERPARAMETERS, learningRateSchedule: 'one-cycle', labelSmoothing: 0.1 },
    };
    expect(decodeLabLink(encodeLabLink(regularised))).toEqual({ ok: true, lab: regularised, notes: [] });
  });

  test('a link carries only the changes: objects field by field, lists whole', () => {
    expect(changesFrom({ a: 1, b: { c: 2, d: [1, 2] } }, { a: 1, b: { c: 3, d: [1, 2] } })).toEqual({ b: { c: 3 } });
    expect(changesFrom({ d: [1, 2] }, { d: [1, 3] })).toEqual({ d: [1, 3] });
    expect(changesFrom({ a: 1 }, { a: 1 })).toBeUndefined();
    expect(withChanges({ a: 1, b: { c: 2, e: 4 } }, { b: { c: 3 } })).toEqual({ a: 1, b: { c: 3, e: 4 } });
  });

  test('a damaged or foreign link is refused with a reason; a link with a bad value opens the rest', () => {
    const link = encodeLabLink(SMALL_EDIT);
    expect(decodeLabLink(link.slice(0, 20))).toEqual({ ok: false, problems: [{ path: '', message: 'the lab link is damaged (cut short or mistyped): it does not unpack to a lab' }] });
    expect(decodeLabLink(`${link.slice(0, 10)}+/${link.slice(12)}`)).toMatchObject({ ok: false });
    expect(decodeLabLink(`2${link.slice(1)}`)).toEqual({ ok: false, problems: [{ path: '', message: "the lab link starts with '2', not a link version this app reads (1)" }] });
    expect(decodeLabLink(`1${'A'.repeat(MAX_LAB_LINK_LENGTH)}`)).toMatchObject({ ok: false, problems: [{ message: `the lab link is ${MAX_LAB_LINK_LENGTH + 1} characters long; at most ${MAX_LAB_LINK_LENGTH} are read` }] });

    const bad = encodeLabLink({ ...SMALL_EDIT, hyperparameters: { ...SMALL_EDIT.hyperparameters, batchSize: 0 } });
    const read = decodeLabLink(bad);
    expect(read.ok && read.lab).toEqual({ ...SMALL_EDIT, hyperparameters: { ...SMALL_EDIT.hyperparameters, batchSize: 512 } });
    expect(read.ok && read.notes.map((note) => note.message)).toEqual(['hyperparameters.batchSize must be ≥ 1, got 0; the default 512 is used']);
  });

  test("version 1 links are read against today's defaults: changing DEFAULT_LAB needs a new link version", () => {
    // If this fails, a default changed (the tutorial's network or settings, a lesson's example) or the
    // compression dictionary did. Links already handed out are read against both: keep the old ones
    // as link version 1 in lab-link.ts, write new links as version 2, then update this hash.
    // Settings added since version 1 are not part of its base (SETTINGS_ADDED_SINCE_V1): left out here.
    const v1Settings = Object.fromEntries(Object.entries(DEFAULT_LAB.hyperparameters).filter(([key]) => !(key in SETTINGS_ADDED_SINCE_V1)));
    const defaults = new TextEncoder().encode(JSON.stringify({ ...DEFAULT_LAB, hyperparameters: v1Settings }));
    expect(sha256Hex(defaults)).toBe('e69821de3933f1888f1d19d0993feeaddb0b1687027d777d903cc0f584a77760');
    expect(sha256Hex(labLinkDictionary())).toBe('dbc9457c18dc52361e15ec98e4e096bd548a39da118c750d26e84bed86bd1d7a');
  });
});
