/**
 * Each layer type the app trains, as Keras 3 and TensorFlow.js code, both ways: the constructor the
 * code view and `train.py` write, the tfjs constructor the second tab writes, and how a Keras call in
 * a pasted snippet becomes the app's layer.
 *
 * This table is the one place to extend when the app gains a layer. `KERAS_LAYER_CODE` is typed
 * `Record<LayerType, …>`, so adding a type to `LayerSpec` (DropConnect, stochastic pooling) fails to
 * compile until it has an entry here. A layer Keras does not ship gives its Python class in
 * `pythonClass`: `train.py` then defines that class before the model, so the script runs as it is and
 * the class name of its weights matches the tfjs model's.
 */
import { DROP_CONNECT_DENSE_CLASS, STOCHASTIC_POOLING_CLASS } from './keras-custom-layers';
import { ACTIVATIONS, sizePair, type Activation, type KernelRegularisation, type LayerSpec, type LayerType, type Padding, type Pooling2DSpec, type Size2D } from '../model/model-spec';
import { isUnitSize, jsPair, jsString, numberLiteral, pythonPair, pythonString } from './python-literal';
import { baseName, describeValue, type PyValue } from './python-snippet';

/** A Python class `train.py` must define for a layer Keras does not ship. */
export interface PythonLayerClass {
  /** The class name the script's model code calls (and the tfjs model saves). */
  readonly name: string;
  /** Its source, starting with `@keras.saving.register_keras_serializable(…)` and `class Name(keras.layers.Layer):`. */
  readonly source: string;
}

/** A Keras call of a layer, as the importer hands it over. */
export interface KerasLayerCall {
  readonly args: readonly PyValue[];
  readonly kwargs: Readonly<Record<string, PyValue>>;
}

/** A layer read from a call, or why it cannot be used. */
export type LayerReading = { readonly ok: true; readonly layer: LayerSpec } | { readonly ok: false; readonly reason: string };

/** The code of one layer type. */
export interface KerasLayerCode<T extends LayerSpec = LayerSpec> {
  /** Class names a snippet may call it by (`MaxPooling2D`, `MaxPool2D`). */
  readonly kerasNames: readonly string[];
  /** The Keras 3 constructor, as in the tutorial: `layers.Conv2D(32, (3, 3), padding="same", activation="relu")`. */
  keras(layer: T): string;
  /** The tfjs constructor: `tf.layers.conv2d({ filters: 32, kernelSize: [3, 3], … })`. */
  tfjs(layer: T): string;
  /** A class `train.py` must define, or null for a layer Keras ships. */
  readonly pythonClass: PythonLayerClass | null;
  /** Read a Keras call of one of `kerasNames` (positional and keyword arguments as Keras takes them). */
  read(call: KerasLayerCall, calledAs: string): LayerReading;
}

/** The spec of layers of type `T` (Pooling2DSpec for both poolings, which share one spec). */
type LayerOfType<T extends LayerType> = LayerSpec extends infer L ? (L extends { readonly type: infer U } ? (T extends U ? L : never) : never) : never;

type CodeTable = { readonly [T in LayerType]: KerasLayerCode<LayerOfType<T>> };

/** Keyword arguments any layer may carry without changing what it computes (names, dtypes, the first layer's input shape). */
const HARMLESS_KWARGS = new Set(['name', 'input_shape', 'batch_input_shape', 'dtype', 'trainable', 'data_format']);

/** The code of every layer type. */
export const KERAS_LAYER_CODE: CodeTable = {
  Conv2D: {
    kerasNames: ['Conv2D', 'Convolution2D'],
    keras: (layer) =>
      `layers.Conv2D(${numberLiteral(layer.filters)}, ${pythonPair(layer.kernelSize)}${isUnitSize(layer.strides) ? '' : `, strides=${pythonPair(layer.strides)}`}, padding=${pythonString(layer.padding)}, activation=${pythonString(layer.activation)}${kerasRegularisation(layer, CONV_NORM_AXES)})`,
    tfjs: (layer) =>
      `tf.layers.conv2d({ filters: ${numberLiteral(layer.filters)}, kernelSize: ${jsPair(layer.kernelSize)}, strides: ${jsPair(layer.strides)}, padding: ${jsString(layer.padding)}, activation: ${jsString(layer.activation)}${tfjsRegularisation(layer, CONV_NORM_AXES)} })`,
    pythonClass: null,
    read: (call, calledAs) =>
      withArguments(call, calledAs, ['filters', 'kernel_size'], ['strides', 'padding', 'activation', 'use_bias', 'dilation_rate', 'kernel_initializer', 'bias_initializer', ...REGULARISATION_KWARGS], (get) => {
        const filters = wholeNumber(get('filters'), 'filters');
        const kernelSize = size(get('kernel_size'), 'kernel_size');
        const strides = get('strides') === undefined ? 1 : size(get('strides'), 'strides');
        checkDefaults(get, { use_bias: true, dilation_rate: 1, kernel_initializer: 'glorot_uniform', bias_initializer: 'zeros' });
        return { type: 'Conv2D', filters, kernelSize, strides, padding: padding(get('padding')), activation: activation(get('activation')), ...regularisation(get, CONV_NORM_AXES) };
      }),
  },
  MaxPooling2D: poolingCode('MaxPooling2D', ['MaxPooling2D', 'MaxPool2D'], 'maxPooling2d'),
  AveragePooling2D: poolingCode('AveragePooling2D', ['AveragePooling2D', 'AvgPool2D'], 'averagePooling2d'),
  StochasticPooling2D: {
    kerasNames: ['StochasticPooling2D'],
    // The stride is always the pool size (non-overlapping windows), so it is not written.
    keras: (layer) => `StochasticPooling2D(pool_size=${pythonPair(layer.poolSize)}${layer.padding === 'valid' ? '' : `, padding=${pythonString(layer.padding)}`})`,
    tfjs: (layer) => `new StochasticPooling2D({ poolSize: ${jsPair(layer.poolSize)}, padding: ${jsString(layer.padding)} })`,
    pythonClass: STOCHASTIC_POOLING_CLASS,
    read: (call, calledAs) =>
      withArguments(call, calledAs, ['pool_size', 'padding'], ['strides', 'seed'], (get) => {
        const poolSize = get('pool_size') === undefined ? 2 : size(get('pool_size'), 'pool_size');
        const stridesValue = get('strides');
        if (stridesValue !== undefined && stridesValue.kind !== 'none' && JSON.stringify(sizePair(size(stridesValue, 'strides'))) !== JSON.stringify(sizePair(poolSize))) {
          throw new Unusable(`strides must equal pool_size (the app's stochastic pooling windows do not overlap), got ${describeValue(stridesValue)}`);
        }
        return { type: 'StochasticPooling2D', poolSize, padding: padding(get('padding')) };
      }),
  },
  BatchNormalization: {
    kerasNames: ['BatchNormalization'],
    // Keras' defaults (momentum 0.99, epsilon 0.001, the last axis), which tfjs shares and the app uses.
    keras: () => 'layers.BatchNormalization()',
    tfjs: () => 'tf.layers.batchNormalization()',
    pythonClass: null,
    read: (call, calledAs) =>
      withArguments(call, calledAs, [], ['axis', 'momentum', 'epsilon', 'center', 'scale', 'beta_initializer', 'gamma_initializer', 'moving_mean_initializer', 'moving_variance_initializer', 'beta_regularizer', 'gamma_regularizer', 'beta_constraint', 'gamma_constraint'], (get) => {
        checkDefaults(get, { axis: -1, momentum: 0.99, epsilon: 0.001, center: true, scale: true, beta_regularizer: null, gamma_regularizer: null, beta_constraint: null, gamma_constraint: null });
        return { type: 'BatchNormalization' };
      }),
  },
  Dropout: {
    kerasNames: ['Dropout'],
    // The app's GPU dropout saves as Keras' own Dropout and computes what it computes (inverted
    // dropout: zero with probability `rate`, scale the rest by 1 / (1 − rate)), so no class is needed.
    keras: (layer) => `layers.Dropout(${numberLiteral(layer.rate)})`,
    tfjs: (layer) => `tf.layers.dropout({ rate: ${numberLiteral(layer.rate)} })`,
    pythonClass: null,
    read: (call, calledAs) =>
      withArguments(call, calledAs, ['rate'], ['noise_shape', 'seed'], (get) => {
        checkDefaults(get, { noise_shape: null });
        const rate = get('rate');
        if (rate?.kind !== 'number' || !(rate.value >= 0 && rate.value < 1)) throw new Unusable(`rate must be a number in [0, 1), got ${rate === undefined ? 'nothing' : describeValue(rate)}`);
        return { type: 'Dropout', rate: rate.value };
      }),
  },
  Flatten: {
    kerasNames: ['Flatten'],
    keras: () => 'layers.Flatten()',
    tfjs: () => 'tf.layers.flatten()',
    pythonClass: null,
    read: (call, calledAs) => withArguments(call, calledAs, [], [], () => ({ type: 'Flatten' })),
  },
  Dense: {
    kerasNames: ['Dense'],
    keras: (layer) => `layers.Dense(${numberLiteral(layer.units)}, activation=${pythonString(layer.activation)}${kerasRegularisation(layer, DENSE_NORM_AXIS)})`,
    tfjs: (layer) => `tf.layers.dense({ units: ${numberLiteral(layer.units)}, activation: ${jsString(layer.activation)}${tfjsRegularisation(layer, DENSE_NORM_AXIS)} })`,
    pythonClass: null,
    read: (call, calledAs) =>
      withArguments(call, calledAs, ['units'], ['activation', 'use_bias', 'kernel_initializer', 'bias_initializer', ...REGULARISATION_KWARGS], (get) => {
        checkDefaults(get, { use_bias: true, kernel_initializer: 'glorot_uniform', bias_initializer: 'zeros' });
        return { type: 'Dense', units: wholeNumber(get('units'), 'units'), activation: activation(get('activation')), ...regularisation(get, DENSE_NORM_AXIS) };
      }),
  },
  DropConnectDense: {
    kerasNames: ['DropConnectDense'],
    keras: (layer) => `DropConnectDense(${numberLiteral(layer.units)}, rate=${numberLiteral(layer.rate)}, activation=${pythonString(layer.activation)}${kerasRegularisation(layer, DENSE_NORM_AXIS)})`,
    tfjs: (layer) => `new DropConnectDense({ units: ${numberLiteral(layer.units)}, rate: ${numberLiteral(layer.rate)}, activation: ${jsString(layer.activation)}${tfjsRegularisation(layer, DENSE_NORM_AXIS)} })`,
    pythonClass: DROP_CONNECT_DENSE_CLASS,
    read: (call, calledAs) =>
      withArguments(call, calledAs, ['units', 'rate'], ['activation', 'seed', 'kernel_initializer', 'bias_initializer', ...REGULARISATION_KWARGS], (get) => {
        checkDefaults(get, { kernel_initializer: 'glorot_uniform', bias_initializer: 'zeros' });
        const rate = get('rate');
        if (rate?.kind !== 'number' || !(rate.value >= 0 && rate.value < 1)) throw new Unusable(`rate must be a number in [0, 1), got ${rate === undefined ? 'nothing' : describeValue(rate)}`);
        return { type: 'DropConnectDense', units: wholeNumber(get('units'), 'units'), rate: rate.value, activation: activation(get('activation')), ...regularisation(get, DENSE_NORM_AXIS) };
      }),
  },
};

/** The axes of one unit's incoming weights, over which max-norm measures: a [kh, kw, in, out] conv kernel's first three (as Keras advises), a [in, out] dense kernel's first. */
const CONV_NORM_AXES: readonly number[] = [0, 1, 2];
const DENSE_NORM_AXIS: readonly number[] = [0];
const REGULARISATION_KWARGS = ['kernel_regularizer', 'kernel_constraint'] as const;

/** `, kernel_regularizer=keras.regularizers.L2(0.0005), kernel_constraint=keras.constraints.MaxNorm(…)`, or nothing. */
function kerasRegularisation(layer: KernelRegularisation, normAxes: readonly number[]): string {
  const regularizer = layer.kernelRegularizer ? `, kernel_regularizer=keras.regularizers.L2(${numberLiteral(layer.kernelRegularizer.l2)})` : '';
  const axis = normAxes.length === 1 ? numberLiteral(normAxes[0] ?? 0) : `[${normAxes.map(numberLiteral).join(', ')}]`;
  const constraint = layer.kernelConstraint ? `, kernel_constraint=keras.constraints.MaxNorm(max_value=${numberLiteral(layer.kernelConstraint.maxNorm)}, axis=${axis})` : '';
  return regularizer + constraint;
}

/** The same for a tfjs constructor's options. */
function tfjsRegularisation(layer: KernelRegularisation, normAxes: readonly number[]): string {
  const regularizer = layer.kernelRegularizer ? `, kernelRegularizer: tf.regularizers.l2({ l2: ${numberLiteral(layer.kernelRegularizer.l2)} })` : '';
  const axis = normAxes.length === 1 ? numberLiteral(normAxes[0] ?? 0) : `[${normAxes.map(numberLiteral).join(', ')}]`;
  const constraint = layer.kernelConstraint ? `, kernelConstraint: tf.constraints.maxNorm({ maxValue: ${numberLiteral(layer.kernelConstraint.maxNorm)}, axis: ${axis} })` : '';
  return regularizer + constraint;
}

/**
 * A layer's `kernel_regularizer=` and `kernel_constraint=` read back: `L2(x)` / `l2(x)` / `L1L2(l1=0, l2=x)`
 * (tfjs saves l2 so) and `MaxNorm(max_value=m, axis=…)` over the axes the app measures (`normAxes`).
 */
function regularisation(get: Getter, normAxes: readonly number[]): KernelRegularisation {
  const regularizer = get('kernel_regularizer');
  const constraint = get('kernel_constraint');
  return {
    ...(regularizer === undefined || regularizer.kind === 'none' ? {} : { kernelRegularizer: { l2: readL2(regularizer) } }),
    ...(constraint === undefined || constraint.kind === 'none' ? {} : { kernelConstraint: { maxNorm: readMaxNorm(constraint, normAxes) } }),
  };
}

function readL2(value: PyValue): number {
  const unusable = (): Unusable => new Unusable(`kernel_regularizer ${describeValue(value)}: the app has weight decay, L2(factor), only`);
  if (value.kind !== 'call') throw unusable();
  const name = baseName(value.callee);
  if (!['L2', 'l2', 'L1L2', 'l1_l2'].includes(name)) throw unusable();
  const l1 = value.kwargs.l1;
  if (l1 !== undefined && !(l1.kind === 'number' && l1.value === 0)) throw unusable();
  const factor = value.kwargs.l2 ?? (name === 'L1L2' || name === 'l1_l2' ? undefined : value.args[0]);
  // Keras' L2() without a factor uses 0.01.
  const l2 = factor === undefined ? 0.01 : factor.kind === 'number' && factor.value >= 0 ? factor.value : Number.NaN;
  if (Number.isNaN(l2)) throw new Unusable(`kernel_regularizer factor must be a number ≥ 0, got ${factor === undefined ? 'nothing' : describeValue(factor)}`);
  return l2;
}

function readMaxNorm(value: PyValue, normAxes: readonly number[]): number {
  if (value.kind !== 'call' || !['MaxNorm', 'max_norm'].includes(baseName(value.callee))) throw new Unusable(`kernel_constraint ${describeValue(value)}: the app has max-norm, MaxNorm(max_value), only`);
  const limit = value.kwargs.max_value ?? value.args[0];
  // Keras' MaxNorm() defaults to max_value=2, axis=0.
  const maxNorm = limit === undefined ? 2 : limit.kind === 'number' && limit.value > 0 ? limit.value : Number.NaN;
  if (Number.isNaN(maxNorm)) throw new Unusable(`max_value must be a number > 0, got ${limit === undefined ? 'nothing' : describeValue(limit)}`);
  const axisValue = value.kwargs.axis ?? value.args[1];
  const axes = axisValue === undefined ? [0] : axisValue.kind === 'number' ? [axisValue.value] : axisValue.kind === 'tuple' || axisValue.kind === 'list' ? axisValue.items.map((item) => (item.kind === 'number' ? item.value : Number.NaN)) : [Number.NaN];
  if (JSON.stringify(axes) !== JSON.stringify(normAxes)) throw new Unusable(`MaxNorm axis ${axisValue === undefined ? '0' : describeValue(axisValue)}: the app measures each unit's incoming weights, axis=${normAxes.length === 1 ? normAxes[0] : `[${normAxes.join(', ')}]`}`);
  return maxNorm;
}

/** The code of `layer`'s type (typed so that any layer fits). */
export function layerCode(layer: LayerSpec): KerasLayerCode {
  return KERAS_LAYER_CODE[layer.type] as KerasLayerCode;
}

/** The layer type a Keras class name stands for (`MaxPool2D` → MaxPooling2D), or null. */
export function layerTypeForKerasName(name: string): LayerType | null {
  const short = baseName(name);
  const entry = (Object.entries(KERAS_LAYER_CODE) as [LayerType, KerasLayerCode][]).find(([, code]) => code.kerasNames.includes(short));
  return entry ? entry[0] : null;
}

/** The Python classes the layers of a model need, each once, in the order they first appear. */
export function pythonClassesFor(layers: readonly LayerSpec[]): PythonLayerClass[] {
  const classes = new Map<string, PythonLayerClass>();
  for (const layer of layers) {
    const pythonClass = layerCode(layer).pythonClass;
    if (pythonClass && !classes.has(pythonClass.name)) classes.set(pythonClass.name, pythonClass);
  }
  return [...classes.values()];
}

function poolingCode(type: Pooling2DSpec['type'], kerasNames: readonly string[], tfjsName: string): KerasLayerCode<Pooling2DSpec> {
  return {
    kerasNames,
    keras: (layer) =>
      `layers.${type}(pool_size=${pythonPair(layer.poolSize)}${layer.strides === null ? '' : `, strides=${pythonPair(layer.strides)}`}${layer.padding === 'valid' ? '' : `, padding=${pythonString(layer.padding)}`})`,
    tfjs: (layer) => `tf.layers.${tfjsName}({ poolSize: ${jsPair(layer.poolSize)}, strides: ${jsPair(layer.strides ?? layer.poolSize)}, padding: ${jsString(layer.padding)} })`,
    pythonClass: null,
    read: (call, calledAs) =>
      withArguments(call, calledAs, ['pool_size', 'strides', 'padding'], [], (get) => {
        const poolSize = get('pool_size') === undefined ? 2 : size(get('pool_size'), 'pool_size');
        const stridesValue = get('strides');
        const strides = stridesValue === undefined || stridesValue.kind === 'none' ? null : size(stridesValue, 'strides');
        return { type, poolSize, strides, padding: padding(get('padding')) };
      }),
  };
}

/** A reason a call cannot become a layer; caught by `withArguments`. */
class Unusable extends Error {}

type Getter = (name: string) => PyValue | undefined;

/**
 * Match positional arguments to `positional` names, check that every keyword is known, and build the
 * layer; an `Unusable` thrown inside becomes the reading's reason.
 */
function withArguments(call: KerasLayerCall, calledAs: string, positional: readonly string[], keywords: readonly string[], build: (get: Getter) => LayerSpec): LayerReading {
  try {
    if (call.args.length > positional.length) throw new Unusable(`${calledAs} takes at most ${positional.length} positional argument${positional.length === 1 ? '' : 's'} here, got ${call.args.length}`);
    const values = new Map<string, PyValue>();
    call.args.forEach((value, index) => values.set(positional[index] ?? '', value));
    for (const [key, value] of Object.entries(call.kwargs)) {
      if (HARMLESS_KWARGS.has(key)) continue;
      if (!positional.includes(key) && !keywords.includes(key)) throw new Unusable(`the app cannot set ${key}= on ${calledAs}`);
      values.set(key, value);
    }
    return { ok: true, layer: build((name) => values.get(name)) };
  } catch (error) {
    if (error instanceof Unusable) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Arguments the app accepts only at Keras' default (a bias-free layer is another network). */
function checkDefaults(get: Getter, defaults: Readonly<Record<string, string | number | boolean | null>>): void {
  for (const [key, expected] of Object.entries(defaults)) {
    const value = get(key);
    if (value === undefined) continue;
    const matches =
      (expected === null && value.kind === 'none') ||
      (typeof expected === 'boolean' && value.kind === 'bool' && value.value === expected) ||
      (typeof expected === 'string' && value.kind === 'string' && value.value === expected) ||
      (typeof expected === 'number' && ((value.kind === 'number' && value.value === expected) || (value.kind === 'tuple' && value.items.every((item) => item.kind === 'number' && item.value === expected))));
    if (!matches) throw new Unusable(`the app trains only with ${key}=${expected === null ? 'None' : typeof expected === 'string' ? `'${expected}'` : typeof expected === 'boolean' ? (expected ? 'True' : 'False') : expected}, got ${describeValue(value)}`);
  }
}

function wholeNumber(value: PyValue | undefined, name: string): number {
  if (value?.kind !== 'number' || !Number.isInteger(value.value) || value.value < 1) throw new Unusable(`${name} must be a whole number ≥ 1, got ${value === undefined ? 'nothing' : describeValue(value)}`);
  return value.value;
}

function size(value: PyValue | undefined, name: string): Size2D {
  if (value?.kind === 'number') return wholeNumber(value, name);
  if ((value?.kind === 'tuple' || value?.kind === 'list') && value.items.length === 2) {
    const [rows, cols] = value.items.map((item) => wholeNumber(item, name));
    return rows === cols ? (rows ?? 1) : [rows ?? 1, cols ?? 1];
  }
  throw new Unusable(`${name} must be a number or (rows, columns), got ${value === undefined ? 'nothing' : describeValue(value)}`);
}

function padding(value: PyValue | undefined): Padding {
  if (value === undefined) return 'valid';
  if (value.kind === 'string' && (value.value === 'same' || value.value === 'valid')) return value.value;
  throw new Unusable(`padding must be 'same' or 'valid', got ${describeValue(value)}`);
}

function activation(value: PyValue | undefined): Activation {
  if (value === undefined || value.kind === 'none') return 'linear';
  const name = value.kind === 'string' ? value.value : value.kind === 'name' ? baseName(value.path) : null;
  const found = ACTIVATIONS.find((known) => known === name);
  if (found === undefined) throw new Unusable(`activation ${describeValue(value)} is not one the app has (${ACTIVATIONS.join(', ')})`);
  return found;
}
