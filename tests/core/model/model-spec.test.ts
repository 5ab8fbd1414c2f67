import { describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_SPEC, type LayerSpec, type ModelSpec } from '../../../src/core/model/model-spec';
import { analyseModelSpec, assertValidModelSpec, formatOutputShape, ModelSpecError, windowOutputSize } from '../../../src/core/model/model-spec-validate';

const OUTPUT: LayerSpec = { type: 'Dense', units: 10, activation: 'softmax' };

/** A spec made of `layers` followed by Flatten and the 10-way softmax output. */
function withHead(...layers: LayerSpec[]): ModelSpec {
  return { layers: [...layers, { type: 'Flatten' }, OUTPUT] };
}

function messages(spec: ModelSpec): string[] {
  const analysis = analyseModelSpec(spec);
  return analysis.ok ? [] : analysis.issues.map((issue) => issue.message);
}

describe('the tutorial model', () => {
  test("matches Keras' model.summary(): shapes and parameter counts", () => {
    const analysis = assertValidModelSpec(DEFAULT_MODEL_SPEC);
    expect(analysis.layers.map((layer) => layer.type)).toEqual([
      'Conv2D', 'Dropout', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense', 'Dropout', 'Dense',
    ]);
    expect(analysis.layers.map((layer) => formatOutputShape(layer.outputShape))).toEqual([
      '(None, 32, 32, 32)', '(None, 32, 32, 32)', '(None, 30, 30, 32)', '(None, 15, 15, 32)',
      '(None, 7200)', '(None, 512)', '(None, 512)', '(None, 10)',
    ]);
    expect(analysis.layers.map((layer) => layer.params)).toEqual([896, 0, 9248, 0, 0, 3_686_912, 0, 5130]);
    expect(analysis.totalParams).toBe(3_702_186);
  });
});

describe('output sizes', () => {
  test('valid: floor((n − k) / s) + 1; same: ceil(n / s)', () => {
    expect(windowOutputSize(32, 3, 1, 'valid')).toBe(30);
    expect(windowOutputSize(32, 3, 2, 'valid')).toBe(15);
    expect(windowOutputSize(7, 2, 2, 'valid')).toBe(3);
    expect(windowOutputSize(32, 3, 1, 'same')).toBe(32);
    expect(windowOutputSize(7, 2, 2, 'same')).toBe(4);
  });

  test('strided and rectangular windows, average pooling with its own strides', () => {
    const analysis = assertValidModelSpec(withHead(
      { type: 'Conv2D', filters: 8, kernelSize: [5, 3], strides: [2, 1], padding: 'valid', activation: 'relu' },
      { type: 'AveragePooling2D', poolSize: 3, strides: 2, padding: 'same' },
    ));
    expect(analysis.layers.map((layer) => layer.outputShape)).toEqual([[14, 30, 8], [7, 15, 8], [840], [10]]);
    expect(analysis.layers[0]?.params).toBe((5 * 3 * 3 + 1) * 8);
    expect(analysis.totalParams).toBe(368 + 841 * 10);
  });
});

describe('impossible specs are rejected with a message naming the layer', () => {
  test('a kernel larger than its input', () => {
    const spec = withHead(
      { type: 'MaxPooling2D', poolSize: 8, strides: null, padding: 'valid' },
      { type: 'Conv2D', filters: 4, kernelSize: 5, strides: 1, padding: 'valid', activation: 'relu' },
    );
    expect(messages(spec)).toEqual(['layer 2 (Conv2D): kernelSize 5×5 is larger than its 4×4 input']);
  });

  test('a spatial size that would fall below 1', () => {
    // Pools of 2 halve 32 → 16 → 8 → 4 → 2 → 1; a sixth would need a 2×2 window on a 1×1 input.
    const pool: LayerSpec = { type: 'MaxPooling2D', poolSize: 2, strides: null, padding: 'valid' };
    expect(messages(withHead(pool, pool, pool, pool, pool))).toEqual([]);
    expect(messages(withHead(pool, pool, pool, pool, pool, pool))).toEqual(['layer 6 (MaxPooling2D): poolSize 2×2 is larger than its 1×1 input']);
  });

  test('non-positive and fractional sizes, each field named', () => {
    const spec = withHead({ type: 'Conv2D', filters: 0, kernelSize: [3, 0], strides: 1.5, padding: 'same', activation: 'relu' });
    expect(messages(spec)).toEqual([
      'layer 1 (Conv2D): filters must be ≥ 1, got 0',
      'layer 1 (Conv2D): kernelSize must be ≥ 1 (a whole number), got 0',
      'layer 1 (Conv2D): strides must be ≥ 1 (a whole number), got 1.5',
    ]);
    expect(messages(withHead({ type: 'MaxPooling2D', poolSize: 2, strides: 0, padding: 'valid' }))).toEqual([
      'layer 1 (MaxPooling2D): strides must be ≥ 1 (a whole number), got 0',
    ]);
    expect(messages({ layers: [{ type: 'Flatten' }, { type: 'Dense', units: -3, activation: 'relu' }, OUTPUT] })).toEqual([
      'layer 2 (Dense): units must be ≥ 1, got -3',
    ]);
  });

  test('dropout outside [0, 1)', () => {
    for (const rate of [1, -0.1, Number.NaN]) {
      expect(messages(withHead({ type: 'Dropout', rate }))).toEqual([`layer 1 (Dropout): dropout rate must be in [0, 1), got ${rate}`]);
    }
    expect(messages(withHead({ type: 'Dropout', rate: 0 }))).toEqual([]);
  });

  test('the last layer must be Dense(10, softmax)', () => {
    const wrongUnits: ModelSpec = { layers: [{ type: 'Flatten' }, { type: 'Dense', units: 9, activation: 'softmax' }] };
    expect(messages(wrongUnits)).toEqual(['layer 2 (Dense): the last layer must be Dense with 10 units and softmax, one probability per CIFAR-10 class']);
    const wrongActivation: ModelSpec = { layers: [{ type: 'Flatten' }, { type: 'Dense', units: 10, activation: 'relu' }] };
    expect(messages(wrongActivation)).toHaveLength(1);
    expect(messages({ layers: [{ type: 'Flatten' }] })[0]).toMatch(/^layer 1 \(Flatten\): the last layer must be Dense/);
    expect(messages({ layers: [] })).toEqual(['the model needs at least one layer']);
  });

  test('Dense needs Flatten first; convolutions cannot follow Flatten', () => {
    expect(messages({ layers: [OUTPUT] })).toEqual(['layer 1 (Dense): needs a flat input, got 32×32×3; add a Flatten layer before it']);
    const convAfterFlatten: ModelSpec = {
      layers: [{ type: 'Flatten' }, { type: 'Conv2D', filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' }, OUTPUT],
    };
    expect(messages(convAfterFlatten)[0]).toBe('layer 2 (Conv2D): needs an image-shaped input (height × width × channels), got a flat vector of 3072; move it before Flatten');
  });

  test('an unknown type or padding from hand-written JSON', () => {
    const bad = JSON.parse('{"layers":[{"type":"Conv3D"},{"type":"MaxPooling2D","poolSize":2,"strides":null,"padding":"full"},{"type":"Flatten"},{"type":"Dense","units":10,"activation":"softmax"}]}') as ModelSpec;
    expect(messages(bad)).toEqual([
      'layer 1 (Conv3D): unknown layer type; use Conv2D, MaxPooling2D, AveragePooling2D, StochasticPooling2D, BatchNormalization, Dropout, Flatten, Dense, DropConnectDense',
      "layer 2 (MaxPooling2D): padding must be 'same' or 'valid', got full",
    ]);
  });

  test('a model too large for a browser', () => {
    // 3 072 inputs × 8 192 units is already 25 M weights.
    const huge: ModelSpec = { layers: [{ type: 'Flatten' }, { type: 'Dense', units: 8192, activation: 'relu' }, OUTPUT] };
    expect(messages(huge)).toEqual(["the model has 25,255,946 parameters; at most 20,000,000 fit in a browser's memory"]);
  });

  test('assertValidModelSpec throws every issue at once', () => {
    const spec = withHead({ type: 'Dropout', rate: 2 }, { type: 'Conv2D', filters: 0, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' });
    expect(() => assertValidModelSpec(spec)).toThrow(ModelSpecError);
    expect(() => assertValidModelSpec(spec)).toThrow('layer 1 (Dropout): dropout rate must be in [0, 1), got 2; layer 2 (Conv2D): filters must be ≥ 1, got 0');
  });
});

describe('the regularisers of the tutorial in a spec', () => {
  const conv: LayerSpec = { type: 'Conv2D', filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' };

  test('stochastic pooling: shape as a pool with stride = pool size, nothing to learn; after relu only', () => {
    const analysis = assertValidModelSpec(withHead(conv, { type: 'StochasticPooling2D', poolSize: 3, padding: 'same' }));
    expect(analysis.layers.map((layer) => layer.outputShape)).toEqual([[32, 32, 8], [11, 11, 8], [968], [10]]);
    expect(analysis.layers[1]?.params).toBe(0);
    expect(assertValidModelSpec(withHead({ type: 'StochasticPooling2D', poolSize: 2, padding: 'valid' })).layers[0]?.outputShape).toEqual([16, 16, 3]);
    expect(messages(withHead({ ...conv, activation: 'tanh' }, { type: 'Dropout', rate: 0.1 }, { type: 'StochasticPooling2D', poolSize: 2, padding: 'valid' }))).toEqual([
      'layer 3 (StochasticPooling2D): stochastic pooling picks values with probability proportional to their size, so its inputs must be ≥ 0: put it after a layer with relu (or sigmoid) activation',
    ]);
    expect(messages(withHead(conv, { type: 'BatchNormalization' }, { type: 'StochasticPooling2D', poolSize: 2, padding: 'valid' }))).toHaveLength(1);
  });

  test('DropConnectDense counts as Dense; its rate is checked like dropout', () => {
    const spec: ModelSpec = { layers: [{ type: 'Flatten' }, { type: 'DropConnectDense', units: 20, activation: 'relu', rate: 0.5 }, OUTPUT] };
    const analysis = assertValidModelSpec(spec);
    expect(analysis.layers.map((layer) => layer.params)).toEqual([0, (3072 + 1) * 20, 21 * 10]);
    expect(messages({ layers: [{ type: 'Flatten' }, { type: 'DropConnectDense', units: 20, activation: 'relu', rate: 1 }, OUTPUT] })).toEqual([
      'layer 2 (DropConnectDense): DropConnect rate must be in [0, 1), got 1',
    ]);
  });

  test('BatchNormalization keeps the shape and has 4 numbers per channel (Keras counts the running mean and variance too)', () => {
    const analysis = assertValidModelSpec(withHead(conv, { type: 'BatchNormalization' }));
    expect(analysis.layers[1]).toMatchObject({ outputShape: [32, 32, 8], params: 32 });
  });

  test('weight decay and max-norm: allowed on Conv2D, Dense and DropConnectDense, checked by range', () => {
    const decayed: LayerSpec = { ...conv, kernelRegularizer: { l2: 0.0005 }, kernelConstraint: { maxNorm: 3 } };
    expect(messages(withHead(decayed))).toEqual([]);
    expect(messages(withHead({ ...conv, kernelRegularizer: { l2: -1 } }))).toEqual(['layer 1 (Conv2D): weight decay (kernel_regularizer l2) must be in [0, 1], got -1']);
    expect(messages(withHead({ ...conv, kernelConstraint: { maxNorm: 0 } }))).toEqual(['layer 1 (Conv2D): max-norm (kernel_constraint max_norm) must be > 0 and ≤ 1000, got 0']);
    const analysis = analyseModelSpec(withHead({ ...conv, kernelRegularizer: { l2: Number.NaN } }));
    expect(analysis.ok ? [] : analysis.issues.map((issue) => issue.field)).toEqual(['kernelRegularizer']);
    // The parameter count does not change: regularisers add no weights.
    expect(assertValidModelSpec(withHead(decayed)).totalParams).toBe(assertValidModelSpec(withHead(conv)).totalParams);
  });
});
