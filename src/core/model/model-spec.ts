/**
 * A CNN described as plain JSON, in TensorFlow.js's (and Keras') own names, so the store, the views and
 * the URL can hold it without touching tfjs. `src/engine/training/build-model.ts` turns it into a
 * tfjs model; `model-spec-validate.ts` checks it and computes what Keras' `model.summary()` prints.
 */

/** Activations a layer may apply to its output. */
export const ACTIVATIONS = ['relu', 'softmax', 'linear', 'sigmoid', 'tanh'] as const;
/** One activation name. */
export type Activation = (typeof ACTIVATIONS)[number];

/**
 * `valid`: the window only visits positions where it fits entirely (the output shrinks).
 * `same`: the input is zero-padded so that, with stride 1, the output keeps the input's size.
 */
export type Padding = 'same' | 'valid';

/** A size given once for both axes (`3` means 3×3) or as [rows, columns]. */
export type Size2D = number | readonly [number, number];

/**
 * Weight decay on a layer's kernel, Keras' `kernel_regularizer=l2(l2)`: the training loss gains
 * l2 · Σ w² over the kernel's weights (biases are left alone, as in Keras), so every update also pulls
 * each weight towards 0 by 2 · l2 · w. Large weights cost more, and the network prefers many small ones.
 */
export interface KernelRegularizerSpec {
  /** The factor of Σ w², ≥ 0 (Keras' `l2`; 0.0005 is a usual choice). */
  readonly l2: number;
}

/**
 * A max-norm constraint on a layer's kernel, Keras' `kernel_constraint=max_norm(max_value)`: after every
 * update, each unit's (or filter's) incoming weight vector that has grown longer than `maxValue` is
 * scaled back to that length. A hard cap rather than a penalty, so a large learning rate cannot blow
 * the weights up.
 */
export interface KernelConstraintSpec {
  /** Largest allowed L2 norm of one unit's incoming weights, > 0 (Keras' `max_value`; 2–4 is usual). */
  readonly maxNorm: number;
}

/**
 * The regularisers a layer with a kernel (Conv2D, Dense, DropConnectDense) can carry, in Keras'
 * argument names (camel-cased as tfjs does): absent means none, as in Keras.
 */
export interface KernelRegularisation {
  readonly kernelRegularizer?: KernelRegularizerSpec;
  readonly kernelConstraint?: KernelConstraintSpec;
}

/** A convolution: `filters` masks of `kernelSize`, slid with `strides`; each mask makes one output channel. */
export interface Conv2DSpec extends KernelRegularisation {
  readonly type: 'Conv2D';
  /** Number of masks (output channels), ≥ 1. */
  readonly filters: number;
  readonly kernelSize: Size2D;
  /** Step between window positions, ≥ 1. */
  readonly strides: Size2D;
  readonly padding: Padding;
  readonly activation: Activation;
}

/** Max or average pooling over `poolSize` windows. `strides` null means "same as poolSize", as in tfjs. */
export interface Pooling2DSpec {
  readonly type: 'MaxPooling2D' | 'AveragePooling2D';
  readonly poolSize: Size2D;
  readonly strides: Size2D | null;
  readonly padding: Padding;
}

/**
 * Stochastic pooling (Zeiler & Fergus, 2013) over non-overlapping `poolSize` windows (the stride is the
 * pool size). While training, each window gives one of its values, picked at random with probability
 * proportional to the value (so larger activations win more often, but not always); at inference it
 * gives the probability-weighted average Σ a² / Σ a. The values must be ≥ 0 (after relu).
 */
export interface StochasticPooling2DSpec {
  readonly type: 'StochasticPooling2D';
  readonly poolSize: Size2D;
  readonly padding: Padding;
}

/** During training, zero each input with probability `rate` (and scale the rest by 1 / (1 − rate)). */
export interface DropoutSpec {
  readonly type: 'Dropout';
  /** In [0, 1). */
  readonly rate: number;
}

/** Unroll height × width × channels into one vector, in row-major (NHWC) order. */
export interface FlattenSpec {
  readonly type: 'Flatten';
}

/** A fully connected layer: every output unit sees every input value. */
export interface DenseSpec extends KernelRegularisation {
  readonly type: 'Dense';
  /** Output units, ≥ 1. */
  readonly units: number;
  readonly activation: Activation;
}

/**
 * DropConnect (Wan et al., 2013): a fully connected layer whose weights, not inputs, are dropped.
 * While training, each weight of the kernel is zeroed with probability `rate` (the rest scaled by
 * 1 / (1 − rate)), one mask per batch; at inference the whole kernel is used, as by a Dense layer.
 */
export interface DropConnectDenseSpec extends KernelRegularisation {
  readonly type: 'DropConnectDense';
  /** Output units, ≥ 1. */
  readonly units: number;
  readonly activation: Activation;
  /** Probability of dropping each weight, in [0, 1). */
  readonly rate: number;
}

/**
 * Batch normalisation (Keras' defaults: momentum 0.99, epsilon 0.001): while training, each channel is
 * normalised to mean 0 and variance 1 over the batch, then scaled and shifted by two learned numbers;
 * at inference the running averages of the batches' means and variances are used instead.
 */
export interface BatchNormalizationSpec {
  readonly type: 'BatchNormalization';
}

/** One layer. */
export type LayerSpec =
  | Conv2DSpec
  | Pooling2DSpec
  | StochasticPooling2DSpec
  | DropoutSpec
  | FlattenSpec
  | DenseSpec
  | DropConnectDenseSpec
  | BatchNormalizationSpec;
/** The layer type tags, in tfjs's class names. */
export type LayerType = LayerSpec['type'];

/** A sequential model: the layers in order, applied to one 32×32×3 image (NHWC without the batch axis). */
export interface ModelSpec {
  readonly layers: readonly LayerSpec[];
}

/** The model's input: one CIFAR-10 image, [height, width, channels]. */
export const MODEL_INPUT_SHAPE = [32, 32, 3] as const;
/** The model's output: one probability per CIFAR-10 class. */
export const MODEL_CLASS_COUNT = 10;

/**
 * The tutorial's network: two 3×3 convolutions of 32 masks (the first keeps the size with `same`
 * padding, the second shrinks it with `valid`), a 2×2 max pool, then a 512-unit dense layer and the
 * 10-way softmax, with dropout after the first convolution and after the dense layer.
 */
export const DEFAULT_MODEL_SPEC: ModelSpec = {
  layers: [
    { type: 'Conv2D', filters: 32, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'Dropout', rate: 0.2 },
    { type: 'Conv2D', filters: 32, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'MaxPooling2D', poolSize: 2, strides: null, padding: 'valid' },
    { type: 'Flatten' },
    { type: 'Dense', units: 512, activation: 'relu' },
    { type: 'Dropout', rate: 0.3 },
    { type: 'Dense', units: MODEL_CLASS_COUNT, activation: 'softmax' },
  ],
};

/** Read a `Size2D` as [rows, columns]. */
export function sizePair(size: Size2D): readonly [number, number] {
  return typeof size === 'number' ? [size, size] : size;
}
