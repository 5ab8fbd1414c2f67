import { describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../../../src/core/model/model-spec';
import {
  canMoveLayer,
  defaultInsertIndex,
  defaultLayer,
  EDITABLE_LAYER_TYPES,
  insertLayer,
  kerasLayerNames,
  moveLayer,
  removeLayer,
  updateLayer,
} from '../../../src/core/model/model-spec-edit';
import { analyseModelSpec } from '../../../src/core/model/model-spec-validate';

const types = (spec: ModelSpec) => spec.layers.map((layer) => layer.type);

describe('editing a model spec', () => {
  test('every offered layer type has a default that validates on its own input', () => {
    expect(EDITABLE_LAYER_TYPES).toEqual(['Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'StochasticPooling2D', 'BatchNormalization', 'Dropout', 'Flatten', 'Dense', 'DropConnectDense']);
    for (const type of EDITABLE_LAYER_TYPES) {
      expect(defaultLayer(type).type).toBe(type);
    }
    // A Conv2D, a pool, a dropout added before Flatten keep the tutorial's model valid.
    for (const type of ['Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'StochasticPooling2D', 'BatchNormalization', 'Dropout'] as const) {
      const spec = insertLayer(DEFAULT_MODEL_SPEC, 1, defaultLayer(type));
      expect(analyseModelSpec(spec).ok).toBe(true);
    }
  });

  test('adds before the output layer by default, so the network stays valid', () => {
    expect(defaultInsertIndex(DEFAULT_MODEL_SPEC)).toBe(7);
    const spec = insertLayer(DEFAULT_MODEL_SPEC, defaultInsertIndex(DEFAULT_MODEL_SPEC), defaultLayer('Dense'));
    expect(types(spec).slice(-3)).toEqual(['Dropout', 'Dense', 'Dense']);
    const analysis = analyseModelSpec(spec);
    expect(analysis.ok).toBe(true);
    // A 128-unit dense layer between the 512-unit one and the output: (512 + 1)·128 + (128 + 1)·10 replaces 513·10.
    if (analysis.ok) expect(analysis.totalParams).toBe(3_702_186 - 5130 + 513 * 128 + 129 * 10);
    // Without an output layer, "Add" appends.
    expect(defaultInsertIndex({ layers: [defaultLayer('Conv2D')] })).toBe(1);
    expect(defaultInsertIndex({ layers: [] })).toBe(0);
  });

  test('inserts, removes and moves without touching the input spec', () => {
    const before = JSON.stringify(DEFAULT_MODEL_SPEC);
    const inserted = insertLayer(DEFAULT_MODEL_SPEC, 0, defaultLayer('MaxPooling2D'));
    expect(types(inserted).slice(0, 2)).toEqual(['MaxPooling2D', 'Conv2D']);
    const removed = removeLayer(DEFAULT_MODEL_SPEC, 1);
    expect(types(removed)).toEqual(['Conv2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense', 'Dropout', 'Dense']);
    const moved = moveLayer(DEFAULT_MODEL_SPEC, 3, -1);
    expect(types(moved).slice(2, 4)).toEqual(['MaxPooling2D', 'Conv2D']);
    expect(moveLayer(moved, 2, 1)).toEqual(DEFAULT_MODEL_SPEC);
    expect(JSON.stringify(DEFAULT_MODEL_SPEC)).toBe(before);
  });

  test('refuses positions that do not exist, naming the constraint', () => {
    expect(() => insertLayer(DEFAULT_MODEL_SPEC, 9, defaultLayer('Flatten'))).toThrow('insert position must be a whole number in 0…8, got 9');
    expect(() => removeLayer(DEFAULT_MODEL_SPEC, -1)).toThrow('layer index must be a whole number in 0…7, got -1');
    expect(canMoveLayer(DEFAULT_MODEL_SPEC, 0, -1)).toBe(false);
    expect(canMoveLayer(DEFAULT_MODEL_SPEC, 7, 1)).toBe(false);
    expect(canMoveLayer(DEFAULT_MODEL_SPEC, 7, -1)).toBe(true);
    expect(() => moveLayer(DEFAULT_MODEL_SPEC, 0, -1)).toThrow('layer 1 cannot move up: the model has 8 layers');
  });

  test('updates a field of the named layer type only', () => {
    const spec = updateLayer(DEFAULT_MODEL_SPEC, 0, 'Conv2D', { filters: 64, kernelSize: 5 });
    expect(spec.layers[0]).toEqual({ type: 'Conv2D', filters: 64, kernelSize: 5, strides: 1, padding: 'same', activation: 'relu' });
    expect(spec.layers[2]).toBe(DEFAULT_MODEL_SPEC.layers[2]);
    expect(() => updateLayer(DEFAULT_MODEL_SPEC, 1, 'Conv2D', { filters: 8 })).toThrow('layer 2 is Dropout, not Conv2D');
  });

  test('an invalid edit is allowed and analysed: the error names that layer', () => {
    // A convolution after Flatten has no image to slide over.
    const spec = insertLayer(DEFAULT_MODEL_SPEC, 5, defaultLayer('Conv2D'));
    const analysis = analyseModelSpec(spec);
    expect(analysis.ok).toBe(false);
    if (!analysis.ok) expect(analysis.issues[0]).toMatchObject({ layerIndex: 5, message: expect.stringMatching(/^layer 6 \(Conv2D\): needs an image-shaped input/) });
  });

  test('names layers as Keras does', () => {
    expect(kerasLayerNames(DEFAULT_MODEL_SPEC)).toEqual(['conv2d', 'dropout', 'conv2d_1', 'max_pooling2d', 'flatten', 'dense', 'dropout_1', 'dense_1']);
    const regularised = insertLayer(insertLayer(insertLayer(DEFAULT_MODEL_SPEC, 7, defaultLayer('DropConnectDense')), 1, defaultLayer('BatchNormalization')), 1, defaultLayer('StochasticPooling2D'));
    expect(kerasLayerNames(regularised)).toEqual([
      'conv2d', 'stochastic_pooling2d', 'batch_normalization', 'dropout', 'conv2d_1', 'max_pooling2d', 'flatten', 'dense', 'dropout_1', 'drop_connect_dense', 'dense_1',
    ]);
    expect(analyseModelSpec(regularised).ok).toBe(true);
  });
});
