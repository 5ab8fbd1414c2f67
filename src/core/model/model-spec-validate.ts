/**
 * Check a `ModelSpec` and compute, layer by layer, what Keras' `model.summary()` prints: each layer's
 * output shape and parameter count. Pure, so the store can validate an edited model as the user types.
 *
 * Layers are numbered from 1 in messages ("layer 4 (MaxPooling2D)"), as a person counts them;
 * `layerIndex` fields are 0-based array indices.
 */
import {
  ACTIVATIONS,
  MODEL_CLASS_COUNT,
  MODEL_INPUT_SHAPE,
  sizePair,
  type KernelRegularisation,
  type LayerSpec,
  type LayerType,
  type ModelSpec,
  type Size2D,
} from './model-spec';

/** Largest model accepted: about 80 MB of float32 weights, and as much again for the optimizer's state. */
export const MAX_MODEL_PARAMS = 20_000_000;
/** Upper bounds that keep one layer within what a browser GPU can hold. */
export const MAX_FILTERS = 1024;
export const MAX_UNITS = 16_384;

/** What one layer computes: shape per image (no batch axis; NHWC or [features]) and trainable numbers. */
export interface LayerSummary {
  readonly layerIndex: number;
  readonly type: LayerType;
  /** Output shape for one image: [height, width, channels] or [features]. */
  readonly outputShape: readonly number[];
  /** Weights plus biases. */
  readonly params: number;
}

/** One thing wrong with a spec. */
export interface SpecIssue {
  /** 0-based index of the layer at fault, or null for the model as a whole. */
  readonly layerIndex: number | null;
  /** The field at fault (`kernelSize`, `rate`, ...), or null. */
  readonly field: string | null;
  /** A sentence naming the layer and the constraint that failed. */
  readonly message: string;
}

/** A spec that passed: every layer's summary and the total. */
export interface ValidSpecAnalysis {
  readonly ok: true;
  readonly layers: readonly LayerSummary[];
  readonly totalParams: number;
}
/** A spec that failed: what is wrong, and the summaries of the layers before the first shape error. */
export interface InvalidSpecAnalysis {
  readonly ok: false;
  readonly issues: readonly SpecIssue[];
  readonly layers: readonly LayerSummary[];
}
/** The outcome of `analyseModelSpec`. */
export type SpecAnalysis = ValidSpecAnalysis | InvalidSpecAnalysis;

/** Thrown by `assertValidModelSpec`; `issues` lists every problem found. */
export class ModelSpecError extends Error {
  override readonly name = 'ModelSpecError';
  constructor(readonly issues: readonly SpecIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
  }
}

/** What the network must give: one probability per class. */
export interface SpecRules {
  /** Units of the last (softmax) layer: CIFAR-10's 10 unless the run trains on your own classes. */
  readonly classCount?: number;
}

/**
 * Validate `spec` and compute each layer's output shape and parameter count. Field checks run on
 * every layer; shapes are propagated until the first layer whose shape cannot be computed.
 */
export function analyseModelSpec(spec: ModelSpec, rules: SpecRules = {}): SpecAnalysis {
  const issues: SpecIssue[] = [];
  const layers: LayerSummary[] = [];
  const specLayers: readonly LayerSpec[] = Array.isArray(spec.layers) ? spec.layers : [];
  if (specLayers.length === 0) issues.push({ layerIndex: null, field: 'layers', message: 'the model needs at least one layer' });
  let shape: readonly number[] | null = MODEL_INPUT_SHAPE;
  // The pictures are ≥ 0; whether each layer's output still is decides where stochastic pooling fits.
  let nonNegative = true;
  specLayers.forEach((layer, layerIndex) => {
    const fieldIssues = checkFields(layer, layerIndex);
    issues.push(...fieldIssues);
    if (shape === null || fieldIssues.length > 0) {
      shape = null;
      return;
    }
    if (layer.type === 'StochasticPooling2D' && !nonNegative) {
      issues.push({
        layerIndex,
        field: null,
        message: `${describeLayer(layerIndex, layer.type)}: stochastic pooling picks values with probability proportional to their size, so its inputs must be ≥ 0: put it after a layer with relu (or sigmoid) activation`,
      });
      shape = null;
      return;
    }
    const outcome = layerOutput(layer, layerIndex, shape);
    if ('issue' in outcome) {
      issues.push(outcome.issue);
      shape = null;
      return;
    }
    layers.push({ layerIndex, type: layer.type, outputShape: outcome.shape, params: outcome.params });
    shape = outcome.shape;
    nonNegative = keepsNonNegative(layer, nonNegative);
  });
  issues.push(...checkOutputLayer(specLayers, rules.classCount ?? MODEL_CLASS_COUNT));
  const totalParams = layers.reduce((sum, layer) => sum + layer.params, 0);
  if (issues.length === 0 && totalParams > MAX_MODEL_PARAMS) {
    issues.push({
      layerIndex: null,
      field: null,
      message: `the model has ${totalParams.toLocaleString('en-US')} parameters; at most ${MAX_MODEL_PARAMS.toLocaleString('en-US')} fit in a browser's memory`,
    });
  }
  return issues.length === 0 ? { ok: true, layers, totalParams } : { ok: false, issues, layers };
}

/**
 * Like `analyseModelSpec`, for code that cannot go on with a bad spec.
 * @throws ModelSpecError listing every issue.
 */
export function assertValidModelSpec(spec: ModelSpec, rules: SpecRules = {}): ValidSpecAnalysis {
  const analysis = analyseModelSpec(spec, rules);
  if (!analysis.ok) throw new ModelSpecError(analysis.issues);
  return analysis;
}

/** "layer 4 (MaxPooling2D)": how messages name a layer. */
export function describeLayer(layerIndex: number, type: string): string {
  return `layer ${layerIndex + 1} (${type})`;
}

/** A shape as Keras prints it, with the batch axis: "(None, 32, 32, 32)". */
export function formatOutputShape(shape: readonly number[]): string {
  return `(None, ${shape.join(', ')})`;
}

function checkFields(layer: LayerSpec, layerIndex: number): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const name = describeLayer(layerIndex, String(layer.type));
  const fail = (field: string, constraint: string): void => {
    issues.push({ layerIndex, field, message: `${name}: ${constraint}` });
  };
  switch (layer.type) {
    case 'Conv2D':
      checkInteger(layer.filters, 1, MAX_FILTERS, 'filters', fail);
      checkSize(layer.kernelSize, 'kernelSize', fail);
      checkSize(layer.strides, 'strides', fail);
      checkPadding(layer.padding, fail);
      checkActivation(layer.activation, fail);
      break;
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      checkSize(layer.poolSize, 'poolSize', fail);
      if (layer.strides !== null) checkSize(layer.strides, 'strides', fail);
      checkPadding(layer.padding, fail);
      break;
    case 'StochasticPooling2D':
      checkSize(layer.poolSize, 'poolSize', fail);
      checkPadding(layer.padding, fail);
      break;
    case 'Dropout':
      checkRate(layer.rate, 'dropout', fail);
      break;
    case 'Flatten':
    case 'BatchNormalization':
      break;
    case 'Dense':
      checkInteger(layer.units, 1, MAX_UNITS, 'units', fail);
      checkActivation(layer.activation, fail);
      break;
    case 'DropConnectDense':
      checkInteger(layer.units, 1, MAX_UNITS, 'units', fail);
      checkActivation(layer.activation, fail);
      checkRate(layer.rate, 'DropConnect', fail);
      break;
    default:
      issues.push({ layerIndex, field: 'type', message: `${name}: unknown layer type; use ${KNOWN_LAYER_TYPES.join(', ')}` });
  }
  if (layer.type === 'Conv2D' || layer.type === 'Dense' || layer.type === 'DropConnectDense') checkKernelRegularisation(layer, fail);
  return issues;
}

/** Every layer type a spec may hold, as messages list them. */
const KNOWN_LAYER_TYPES: readonly LayerType[] = [
  'Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'StochasticPooling2D', 'BatchNormalization', 'Dropout', 'Flatten', 'Dense', 'DropConnectDense',
];

/** Largest weight-decay factor accepted: beyond it the penalty swamps the loss (a typo, not a choice). */
export const MAX_L2 = 1;
/** Largest max-norm accepted (larger never binds for this app's layers). */
export const MAX_MAX_NORM = 1000;

function checkRate(value: unknown, what: string, fail: Fail): void {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) fail('rate', `${what} rate must be in [0, 1), got ${String(value)}`);
}

function checkKernelRegularisation(layer: KernelRegularisation, fail: Fail): void {
  const l2 = layer.kernelRegularizer?.l2;
  if (layer.kernelRegularizer !== undefined && (typeof l2 !== 'number' || !Number.isFinite(l2) || l2 < 0 || l2 > MAX_L2)) {
    fail('kernelRegularizer', `weight decay (kernel_regularizer l2) must be in [0, ${MAX_L2}], got ${String(l2)}`);
  }
  const maxNorm = layer.kernelConstraint?.maxNorm;
  if (layer.kernelConstraint !== undefined && (typeof maxNorm !== 'number' || !Number.isFinite(maxNorm) || maxNorm <= 0 || maxNorm > MAX_MAX_NORM)) {
    fail('kernelConstraint', `max-norm (kernel_constraint max_norm) must be > 0 and ≤ ${MAX_MAX_NORM}, got ${String(maxNorm)}`);
  }
}

/**
 * Whether `layer`'s output is ≥ 0 everywhere, given whether its input is: relu, sigmoid and softmax
 * outputs are; pooling, dropout and flattening keep the sign of what they get; batch normalisation
 * and other activations can go below 0.
 */
function keepsNonNegative(layer: LayerSpec, inputNonNegative: boolean): boolean {
  switch (layer.type) {
    case 'Conv2D':
    case 'Dense':
    case 'DropConnectDense':
      return layer.activation === 'relu' || layer.activation === 'sigmoid' || layer.activation === 'softmax';
    case 'BatchNormalization':
      return false;
    default:
      return inputNonNegative;
  }
}

type Fail = (field: string, constraint: string) => void;

function checkInteger(value: unknown, min: number, max: number, field: string, fail: Fail): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(field, `${field} must be a whole number, got ${String(value)}`);
  else if (value < min) fail(field, `${field} must be ≥ ${min}, got ${value}`);
  else if (value > max) fail(field, `${field} must be ≤ ${max}, got ${value}`);
}

function checkSize(value: Size2D, field: string, fail: Fail): void {
  const pair: readonly unknown[] = Array.isArray(value) ? value : [value, value];
  if (pair.length !== 2) {
    fail(field, `${field} must be one number or [rows, columns], got ${JSON.stringify(value)}`);
    return;
  }
  const bad = pair.find((part) => typeof part !== 'number' || !Number.isInteger(part) || part < 1);
  if (bad !== undefined) fail(field, `${field} must be ≥ 1 (a whole number), got ${String(bad)}`);
}

function checkPadding(value: unknown, fail: Fail): void {
  if (value !== 'same' && value !== 'valid') fail('padding', `padding must be 'same' or 'valid', got ${String(value)}`);
}

function checkActivation(value: unknown, fail: Fail): void {
  if (!ACTIVATIONS.some((name) => name === value)) fail('activation', `activation must be one of ${ACTIVATIONS.join(', ')}, got ${String(value)}`);
}

type LayerOutcome = { shape: readonly number[]; params: number } | { issue: SpecIssue };

/** Output shape and parameter count of `layer` on an input of `input` (fields already checked). */
function layerOutput(layer: LayerSpec, layerIndex: number, input: readonly number[]): LayerOutcome {
  const name = describeLayer(layerIndex, layer.type);
  const issue = (field: string | null, constraint: string): LayerOutcome => ({ issue: { layerIndex, field, message: `${name}: ${constraint}` } });
  switch (layer.type) {
    case 'Conv2D':
    case 'MaxPooling2D':
    case 'AveragePooling2D':
    case 'StochasticPooling2D': {
      const [height, width, channels] = input;
      if (input.length !== 3 || height === undefined || width === undefined || channels === undefined) {
        return issue(null, `needs an image-shaped input (height × width × channels), got a flat vector of ${input.join('×')}; move it before Flatten`);
      }
      const window = layer.type === 'Conv2D'
        ? { field: 'kernelSize', size: layer.kernelSize, strides: layer.strides }
        : { field: 'poolSize', size: layer.poolSize, strides: layer.type === 'StochasticPooling2D' ? layer.poolSize : (layer.strides ?? layer.poolSize) };
      const field = window.field;
      const [rows, cols] = sizePair(window.size);
      const [strideRows, strideCols] = sizePair(window.strides);
      if (rows > height || cols > width) {
        return issue(field, `${field} ${rows}×${cols} is larger than its ${height}×${width} input`);
      }
      const outHeight = windowOutputSize(height, rows, strideRows, layer.padding);
      const outWidth = windowOutputSize(width, cols, strideCols, layer.padding);
      if (outHeight < 1 || outWidth < 1) {
        return issue(field, `output would be ${outHeight}×${outWidth}; the spatial size must stay ≥ 1`);
      }
      if (layer.type !== 'Conv2D') return { shape: [outHeight, outWidth, channels], params: 0 };
      return { shape: [outHeight, outWidth, layer.filters], params: (rows * cols * channels + 1) * layer.filters };
    }
    case 'Dropout':
      return { shape: input, params: 0 };
    case 'BatchNormalization':
      // Per channel (the last axis): a learned scale and shift, and the running mean and variance
      // (not trained, but counted in Keras' Param # column, as here).
      return { shape: input, params: 4 * (input.at(-1) ?? 0) };
    case 'Flatten':
      return { shape: [input.reduce((product, size) => product * size, 1)], params: 0 };
    case 'Dense':
    case 'DropConnectDense': {
      const [features] = input;
      if (input.length !== 1 || features === undefined) {
        return issue(null, `needs a flat input, got ${input.join('×')}; add a Flatten layer before it`);
      }
      return { shape: [layer.units], params: (features + 1) * layer.units };
    }
  }
}

/**
 * Output size along one axis of a window (kernel or pool) of `size` slid with `stride`, as TensorFlow
 * computes it: `valid` keeps only positions where the window fits, floor((n − k) / s) + 1; `same` pads
 * so that every stride-th position is used, ceil(n / s).
 */
export function windowOutputSize(inputSize: number, windowSize: number, stride: number, padding: 'same' | 'valid'): number {
  return padding === 'same' ? Math.ceil(inputSize / stride) : Math.floor((inputSize - windowSize) / stride) + 1;
}

function checkOutputLayer(layers: readonly LayerSpec[], classCount: number): SpecIssue[] {
  const last = layers.at(-1);
  if (last === undefined) return [];
  const layerIndex = layers.length - 1;
  if (last.type !== 'Dense' || last.units !== classCount || last.activation !== 'softmax') {
    return [{
      layerIndex,
      field: null,
      message: `${describeLayer(layerIndex, String(last.type))}: the last layer must be Dense with ${classCount} units and softmax, one probability per ${classCount === MODEL_CLASS_COUNT ? 'CIFAR-10 class' : 'class of your set'}`,
    }];
  }
  return [];
}
