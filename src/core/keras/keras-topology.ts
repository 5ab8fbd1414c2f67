/**
 * A saved tfjs layers model's topology (the `modelTopology` of its model.json) read back into the app's
 * `ModelSpec`, so "Download for Keras" can write the `build_model()` of any model in the library — one
 * trained here, the pretrained one, or one dropped in from files — and its weights can be loaded into
 * that Keras network in order. Each layer's config is handed to the same reader the snippet importer
 * uses (keras-layers.ts), so a new layer type needs one entry there, not two.
 */
import { KERAS_LAYER_CODE, layerTypeForKerasName, type KerasLayerCode } from './keras-layers';
import { MODEL_INPUT_SHAPE, type LayerSpec, type ModelSpec } from '../model/model-spec';
import type { PyValue } from './python-snippet';

/** The spec of a topology, or why it has none the app can write as Keras code. */
export type TopologyReading = { readonly ok: true; readonly spec: ModelSpec } | { readonly ok: false; readonly reason: string };

/** Config keys that do not change what a trained layer computes (initialisers only matter before training). */
const IGNORED_KEYS = new Set(['name', 'trainable', 'dtype', 'batch_input_shape', 'input_shape', 'batch_size', 'kernel_initializer', 'bias_initializer', 'seed', 'data_format']);
/** Config keys that are harmless while null (a regulariser or constraint that is not there). */
const NULL_ONLY_KEYS = new Set(['kernel_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint', 'noise_shape']);

/** Read a Sequential topology; a functional model or an unknown layer gives the reason. */
export function modelSpecFromTopology(topology: Record<string, unknown>): TopologyReading {
  const layers = sequentialLayers(topology);
  if (layers === null) return { ok: false, reason: `it is a ${String(topology.class_name)} model; Keras code is written for Sequential models of the app's layers` };
  const specs: LayerSpec[] = [];
  for (const [index, entry] of layers.entries()) {
    const className = typeof entry.class_name === 'string' ? entry.class_name : '?';
    const config = isRecord(entry.config) ? entry.config : {};
    if (className === 'InputLayer') continue;
    const where = `layer ${index + 1} (${className})`;
    const shape = config.batch_input_shape;
    if (Array.isArray(shape) && !sameInputShape(shape)) return { ok: false, reason: `${where} takes ${JSON.stringify(shape)}, not CIFAR-10's [null, 32, 32, 3]` };
    if (config.data_format !== undefined && config.data_format !== 'channels_last') return { ok: false, reason: `${where} is ${String(config.data_format)}; the app's layers are channels_last` };
    const type = layerTypeForKerasName(className);
    if (type === null) return { ok: false, reason: `${where} is not a layer the app knows as Keras code` };
    const kwargs: Record<string, PyValue> = {};
    for (const [key, value] of Object.entries(config)) {
      if (IGNORED_KEYS.has(key) || (NULL_ONLY_KEYS.has(key) && value === null)) continue;
      kwargs[key] = toPyValue(value);
    }
    const reading = (KERAS_LAYER_CODE[type] as KerasLayerCode).read({ args: [], kwargs }, className);
    if (!reading.ok) return { ok: false, reason: `${where}: ${reading.reason}` };
    specs.push(reading.layer);
  }
  return specs.length === 0 ? { ok: false, reason: 'it has no layers' } : { ok: true, spec: { layers: specs } };
}

function sequentialLayers(topology: Record<string, unknown>): Record<string, unknown>[] | null {
  // Keras 2 and tfjs write a Sequential either as {config: {layers: […]}} or, older, {config: […]}.
  const root = isRecord(topology.model_config) ? topology.model_config : topology;
  if (root.class_name !== 'Sequential') return null;
  const config = root.config;
  const list = Array.isArray(config) ? config : isRecord(config) && Array.isArray(config.layers) ? config.layers : null;
  return list === null ? null : list.filter(isRecord);
}

function sameInputShape(shape: readonly unknown[]): boolean {
  return shape.length === 4 && shape.slice(1).every((size, index) => size === MODEL_INPUT_SHAPE[index]);
}

function toPyValue(value: unknown): PyValue {
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value === null || value === undefined) return { kind: 'none' };
  if (Array.isArray(value)) return { kind: 'tuple', items: value.map(toPyValue) };
  // A serialised Keras object ({class_name: 'L1L2', config: {l1: 0, l2: 0.0005}}, a MaxNorm) reads as the call that makes it.
  if (isRecord(value) && typeof value.class_name === 'string' && isRecord(value.config)) {
    return { kind: 'call', callee: value.class_name, args: [], kwargs: Object.fromEntries(Object.entries(value.config).map(([key, item]) => [key, toPyValue(item)])) };
  }
  return { kind: 'other', text: JSON.stringify(value) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
