/**
 * The inputs of each layer type in the architecture editor: what a field is called in plain words and
 * in Keras, its bounds, its value in the layer, and the layer with a new value. Pure, so the editor
 * renders any layer from this table and tests check it without React.
 */
import { ACTIVATIONS, sizePair, type Activation, type KernelRegularisation, type LayerSpec, type Size2D } from '../../../core/model/model-spec';
import { MAX_L2, MAX_MAX_NORM } from '../../../core/model/model-spec-validate';

/** A number input. `null` is only possible where `emptyMeans` says what an empty box stands for. */
export interface NumberFieldSpec {
  readonly kind: 'number';
  /** The spec's field name, as validation issues name it. */
  readonly key: string;
  readonly label: string;
  /** Keras' argument name, shown beside the label. */
  readonly keras: string;
  readonly value: number | null;
  readonly whole: boolean;
  readonly min: number;
  readonly max?: number;
  readonly step: number;
  /** What an empty box means (pooling strides: "same as the pool size"); absent: a number is required. */
  readonly emptyMeans?: string;
  /** What an empty box shows (default "auto"). */
  readonly placeholder?: string;
  /** The layer with `value` in this field. */
  readonly withValue: (value: number | null) => LayerSpec;
}

/** A choice among fixed values. */
export interface ChoiceFieldSpec {
  readonly kind: 'choice';
  readonly key: string;
  readonly label: string;
  readonly keras: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly text: string }[];
  readonly withValue: (value: string) => LayerSpec;
}

/** One input of a layer. */
export type LayerFieldSpec = NumberFieldSpec | ChoiceFieldSpec;

const PADDING_OPTIONS = [
  { value: 'same', text: 'same (pad, keep the size)' },
  { value: 'valid', text: 'valid (no pad, shrink)' },
] as const;
const ACTIVATION_OPTIONS = ACTIVATIONS.map((name) => ({ value: name, text: name }));

/** A square window's side: the editor edits square kernels and pools ([rows, columns] shows rows). */
function side(size: Size2D): number {
  return sizePair(size)[0];
}

/** A number the spec may hold as NaN while the box is empty or unreadable. */
function required(value: number | null): number {
  return value ?? Number.NaN;
}

/** The inputs of `layer`, in the order they are shown. */
export function layerFields(layer: LayerSpec): LayerFieldSpec[] {
  switch (layer.type) {
    case 'Conv2D':
      return [
        { kind: 'number', key: 'filters', label: 'Filters', keras: 'filters', value: layer.filters, whole: true, min: 1, max: 1024, step: 1, withValue: (value) => ({ ...layer, filters: required(value) }) },
        { kind: 'number', key: 'kernelSize', label: 'Kernel size', keras: 'kernel_size', value: side(layer.kernelSize), whole: true, min: 1, step: 1, withValue: (value) => ({ ...layer, kernelSize: required(value) }) },
        { kind: 'number', key: 'strides', label: 'Strides', keras: 'strides', value: side(layer.strides), whole: true, min: 1, step: 1, withValue: (value) => ({ ...layer, strides: required(value) }) },
        { kind: 'choice', key: 'padding', label: 'Padding', keras: 'padding', value: layer.padding, options: PADDING_OPTIONS, withValue: (value) => ({ ...layer, padding: value === 'valid' ? 'valid' : 'same' }) },
        { kind: 'choice', key: 'activation', label: 'Activation', keras: 'activation', value: layer.activation, options: ACTIVATION_OPTIONS, withValue: (value) => ({ ...layer, activation: activation(value) }) },
        ...regularisationFields(layer, (patch) => withRegularisation(layer, patch)),
      ];
    case 'StochasticPooling2D':
      return [
        { kind: 'number', key: 'poolSize', label: 'Pool size', keras: 'pool_size', value: side(layer.poolSize), whole: true, min: 1, step: 1, withValue: (value) => ({ ...layer, poolSize: required(value) }) },
        { kind: 'choice', key: 'padding', label: 'Padding', keras: 'padding', value: layer.padding, options: PADDING_OPTIONS, withValue: (value) => ({ ...layer, padding: value === 'same' ? 'same' : 'valid' }) },
      ];
    case 'BatchNormalization':
      return [];
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return [
        { kind: 'number', key: 'poolSize', label: 'Pool size', keras: 'pool_size', value: side(layer.poolSize), whole: true, min: 1, step: 1, withValue: (value) => ({ ...layer, poolSize: required(value) }) },
        {
          kind: 'number', key: 'strides', label: 'Strides', keras: 'strides', value: layer.strides === null ? null : side(layer.strides), whole: true, min: 1, step: 1,
          emptyMeans: 'same as the pool size', withValue: (value) => ({ ...layer, strides: value }),
        },
        { kind: 'choice', key: 'padding', label: 'Padding', keras: 'padding', value: layer.padding, options: PADDING_OPTIONS, withValue: (value) => ({ ...layer, padding: value === 'same' ? 'same' : 'valid' }) },
      ];
    case 'Dropout':
      return [{ kind: 'number', key: 'rate', label: 'Dropout rate', keras: 'rate', value: layer.rate, whole: false, min: 0, max: 0.95, step: 0.05, withValue: (value) => ({ ...layer, rate: required(value) }) }];
    case 'Flatten':
      return [];
    case 'Dense':
      return [
        { kind: 'number', key: 'units', label: 'Units', keras: 'units', value: layer.units, whole: true, min: 1, max: 16384, step: 1, withValue: (value) => ({ ...layer, units: required(value) }) },
        { kind: 'choice', key: 'activation', label: 'Activation', keras: 'activation', value: layer.activation, options: ACTIVATION_OPTIONS, withValue: (value) => ({ ...layer, activation: activation(value) }) },
        ...regularisationFields(layer, (patch) => withRegularisation(layer, patch)),
      ];
    case 'DropConnectDense':
      return [
        { kind: 'number', key: 'units', label: 'Units', keras: 'units', value: layer.units, whole: true, min: 1, max: 16384, step: 1, withValue: (value) => ({ ...layer, units: required(value) }) },
        { kind: 'choice', key: 'activation', label: 'Activation', keras: 'activation', value: layer.activation, options: ACTIVATION_OPTIONS, withValue: (value) => ({ ...layer, activation: activation(value) }) },
        { kind: 'number', key: 'rate', label: 'Weights dropped', keras: 'rate', value: layer.rate, whole: false, min: 0, max: 0.95, step: 0.05, withValue: (value) => ({ ...layer, rate: required(value) }) },
        ...regularisationFields(layer, (patch) => withRegularisation(layer, patch)),
      ];
  }
}

/** What a regularisation box sets: a number, or null (empty box) for none. */
interface RegularisationPatch {
  readonly l2?: number | null;
  readonly maxNorm?: number | null;
}

/**
 * The layer with its weight decay or max-norm set (a number) or removed (null), other fields kept.
 * An empty box removes the field rather than storing null, so the spec stays as Keras would write it.
 */
function withRegularisation<T extends LayerSpec & KernelRegularisation>(layer: T, patch: RegularisationPatch): T {
  const { kernelRegularizer, kernelConstraint, ...rest } = layer;
  const l2 = patch.l2 === undefined ? kernelRegularizer?.l2 : patch.l2;
  const maxNorm = patch.maxNorm === undefined ? kernelConstraint?.maxNorm : patch.maxNorm;
  return {
    ...rest,
    ...(l2 === null || l2 === undefined ? {} : { kernelRegularizer: { l2 } }),
    ...(maxNorm === null || maxNorm === undefined ? {} : { kernelConstraint: { maxNorm } }),
  } as T;
}

/** Weight decay and max-norm boxes of a layer with a kernel; empty means none. */
function regularisationFields(layer: KernelRegularisation, set: (patch: RegularisationPatch) => LayerSpec): NumberFieldSpec[] {
  return [
    {
      kind: 'number', key: 'kernelRegularizer', label: 'Weight decay', keras: 'kernel_regularizer=l2(…)', value: layer.kernelRegularizer?.l2 ?? null,
      whole: false, min: 0, max: MAX_L2, step: 0.0001, emptyMeans: 'none', placeholder: 'none', withValue: (value) => set({ l2: value }),
    },
    {
      kind: 'number', key: 'kernelConstraint', label: 'Max-norm', keras: 'kernel_constraint=max_norm(…)', value: layer.kernelConstraint?.maxNorm ?? null,
      whole: false, min: 0, max: MAX_MAX_NORM, step: 0.5, emptyMeans: 'none', placeholder: 'none', withValue: (value) => set({ maxNorm: value }),
    },
  ];
}

function activation(value: string): Activation {
  return ACTIVATIONS.find((name) => name === value) ?? 'relu';
}

/**
 * What a number box holds: `null` for an empty box where empty has a meaning, NaN where it has none
 * or the text is not a number, so that validation refuses it and Start waits.
 */
export function parseNumberText(text: string, emptyAllowed: boolean): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return emptyAllowed ? null : Number.NaN;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** The text a number box shows for a value (empty for null; NaN keeps whatever was typed). */
export function formatNumberValue(value: number | null): string {
  return value === null || Number.isNaN(value) ? '' : String(value);
}

/** "Filters must be a number, got nothing": the message for a box that holds no number. */
export function unreadableNumberMessage(label: string, text: string): string {
  return `${label} must be a number, got ${text.trim() === '' ? 'nothing' : text.trim()}`;
}
