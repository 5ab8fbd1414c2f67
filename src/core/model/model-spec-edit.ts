/**
 * Editing a `ModelSpec` as the architecture editor does it: add a layer, remove one, move one up or
 * down, change one field. Every operation is pure and returns a new spec; none validates the result,
 * because an edit that breaks the network (a Conv2D after Flatten) is something a learner should be
 * able to make and then see explained by `analyseModelSpec`.
 *
 * Layers are addressed by 0-based array index, as `LayerSummary.layerIndex` is.
 */
import { MODEL_CLASS_COUNT, type LayerSpec, type LayerType, type ModelSpec } from './model-spec';

/** The layer types the editor offers, in the order a CNN usually uses them. */
export const EDITABLE_LAYER_TYPES: readonly LayerType[] = [
  'Conv2D',
  'MaxPooling2D',
  'AveragePooling2D',
  'StochasticPooling2D',
  'BatchNormalization',
  'Dropout',
  'Flatten',
  'Dense',
  'DropConnectDense',
];

/**
 * A new layer of `type` with the tutorial's choices: Conv2D(32, 3×3, stride 1, same, relu),
 * 2×2 pooling with strides equal to the pool, Dropout(0.2), Dense(128, relu); DropConnectDense(128,
 * relu) dropping half its weights, as in the DropConnect paper. No weight decay or max-norm until asked.
 */
export function defaultLayer(type: LayerType): LayerSpec {
  switch (type) {
    case 'Conv2D':
      return { type, filters: 32, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' };
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return { type, poolSize: 2, strides: null, padding: 'valid' };
    case 'StochasticPooling2D':
      return { type, poolSize: 2, padding: 'valid' };
    case 'BatchNormalization':
      return { type };
    case 'Dropout':
      return { type, rate: 0.2 };
    case 'Flatten':
      return { type };
    case 'Dense':
      return { type, units: 128, activation: 'relu' };
    case 'DropConnectDense':
      return { type, units: 128, activation: 'relu', rate: 0.5 };
  }
}

/**
 * Where "Add layer" puts a new layer unless told otherwise: just before the output layer (the last
 * Dense with one unit per class), so that the model stays valid as often as it can; at the end when
 * there is no such output layer.
 */
export function defaultInsertIndex(spec: ModelSpec): number {
  const last = spec.layers.at(-1);
  const hasOutput = last !== undefined && last.type === 'Dense' && last.units === MODEL_CLASS_COUNT && last.activation === 'softmax';
  return hasOutput ? spec.layers.length - 1 : spec.layers.length;
}

/**
 * Insert `layer` so that it becomes layer `index` (0 … layers.length; layers.length appends).
 * @throws RangeError when `index` is outside 0 … layers.length or not whole.
 */
export function insertLayer(spec: ModelSpec, index: number, layer: LayerSpec): ModelSpec {
  checkIndex(index, spec.layers.length, 'insert position');
  return { ...spec, layers: [...spec.layers.slice(0, index), layer, ...spec.layers.slice(index)] };
}

/**
 * Remove layer `index`.
 * @throws RangeError when there is no layer `index`.
 */
export function removeLayer(spec: ModelSpec, index: number): ModelSpec {
  checkIndex(index, spec.layers.length - 1, 'layer index');
  return { ...spec, layers: spec.layers.filter((_, layerIndex) => layerIndex !== index) };
}

/** Whether layer `index` can move by `offset` (−1 up, +1 down) and stay inside the model. */
export function canMoveLayer(spec: ModelSpec, index: number, offset: -1 | 1): boolean {
  const target = index + offset;
  return Number.isInteger(index) && index >= 0 && index < spec.layers.length && target >= 0 && target < spec.layers.length;
}

/**
 * Swap layer `index` with its neighbour above (`offset` −1) or below (+1).
 * @throws RangeError when the layer or its neighbour does not exist.
 */
export function moveLayer(spec: ModelSpec, index: number, offset: -1 | 1): ModelSpec {
  if (!canMoveLayer(spec, index, offset)) {
    throw new RangeError(`layer ${index + 1} cannot move ${offset < 0 ? 'up' : 'down'}: the model has ${spec.layers.length} layers`);
  }
  const layers = [...spec.layers];
  const moved = layers[index];
  const neighbour = layers[index + offset];
  if (moved === undefined || neighbour === undefined) return spec;
  layers[index] = neighbour;
  layers[index + offset] = moved;
  return { ...spec, layers };
}

/** The fields of a layer type other than `type`, any of which an edit may change. */
export type LayerPatch<T extends LayerType> = Partial<Omit<Extract<LayerSpec, { type: T }>, 'type'>>;

/**
 * Change fields of layer `index`, which must be of type `type` (so a patch can only set fields that
 * layer has).
 * @throws RangeError when there is no layer `index`; TypeError when it is not a `type` layer.
 */
export function updateLayer<T extends LayerType>(spec: ModelSpec, index: number, type: T, patch: LayerPatch<T>): ModelSpec {
  checkIndex(index, spec.layers.length - 1, 'layer index');
  const current = spec.layers[index];
  if (current?.type !== type) throw new TypeError(`layer ${index + 1} is ${String(current?.type)}, not ${type}`);
  return { ...spec, layers: spec.layers.map((layer, layerIndex) => (layerIndex === index ? ({ ...layer, ...patch } as LayerSpec) : layer)) };
}

/**
 * Put `layer` in place of layer `index` (the editor builds the changed layer, typed, and replaces it).
 * @throws RangeError when there is no layer `index`.
 */
export function replaceLayer(spec: ModelSpec, index: number, layer: LayerSpec): ModelSpec {
  checkIndex(index, spec.layers.length - 1, 'layer index');
  return { ...spec, layers: spec.layers.map((current, layerIndex) => (layerIndex === index ? layer : current)) };
}

/**
 * Keras' default layer names for a spec, as `model.summary()` prints them: the class name in
 * snake case, numbered from the second of a kind (`conv2d`, `conv2d_1`, `dropout`, `dropout_1`, ...).
 */
export function kerasLayerNames(spec: ModelSpec): string[] {
  const counts = new Map<string, number>();
  return spec.layers.map((layer) => {
    const base = KERAS_BASE_NAMES[layer.type];
    const seen = counts.get(base) ?? 0;
    counts.set(base, seen + 1);
    return seen === 0 ? base : `${base}_${seen}`;
  });
}

const KERAS_BASE_NAMES: Record<LayerType, string> = {
  Conv2D: 'conv2d',
  MaxPooling2D: 'max_pooling2d',
  AveragePooling2D: 'average_pooling2d',
  StochasticPooling2D: 'stochastic_pooling2d',
  BatchNormalization: 'batch_normalization',
  Dropout: 'dropout',
  Flatten: 'flatten',
  Dense: 'dense',
  DropConnectDense: 'drop_connect_dense',
};

function checkIndex(index: number, max: number, what: string): void {
  if (!Number.isInteger(index) || index < 0 || index > max) {
    throw new RangeError(`${what} must be a whole number in 0…${max}, got ${index}`);
  }
}
