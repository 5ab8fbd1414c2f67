/**
 * How "Why this class" runs a model: as a chain of layers, cut after its last convolution layer, with
 * the class's score read as a logit where the last layer's softmax can be peeled off.
 */
import * as tf from '@tensorflow/tfjs';

/** A model whose maps cannot be made; `message` says why, for the user. */
export class SaliencyUnavailableError extends Error {
  override readonly name = 'SaliencyUnavailableError';
}

/** Convolution layers Grad-CAM can be taken on (their output is a grid of feature maps). */
const CONV_LAYERS = new Set(['Conv2D', 'DepthwiseConv2D', 'SeparableConv2D']);
/** Fully connected layers whose softmax can be peeled off to reach the logits: inference is x · K + b for both. */
const LOGIT_LAYERS = new Set(['Dense', 'DropConnectDense']);

/** How a model is cut for the maps. */
export interface SaliencyPlan {
  /** The model's layers in order, without its input layer. */
  readonly layers: readonly tf.layers.Layer[];
  /** Index in `layers` of the last convolution layer, or null when there is none. */
  readonly lastConv: number | null;
  /** `logit`: the last layer's softmax is left out (its logits are computed from its weights); `probability`: the output as it is. */
  readonly score: 'logit' | 'probability';
  /** Classes the model answers. */
  readonly classes: number;
}

/**
 * Read how to cut `model`.
 * @throws SaliencyUnavailableError for a model that is not a plain chain of layers (branches, several inputs).
 */
export function planSaliency(model: tf.LayersModel): SaliencyPlan {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) throw new SaliencyUnavailableError('the maps need a model with one input and one output');
  const layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
  layers.forEach((layer, index) => {
    const inbound = layer.inboundNodes.flatMap((node) => node.inboundLayers).filter((from) => from.getClassName() !== 'InputLayer');
    const previous = layers[index - 1];
    const chained = previous ? inbound.length === 1 && inbound[0] === previous : inbound.length === 0;
    if (!chained) throw new SaliencyUnavailableError(`layer “${layer.name}” does not simply follow the one before it; the maps are made for networks that are one chain of layers, like the editor's`);
  });
  let lastConv: number | null = null;
  layers.forEach((layer, index) => {
    if (CONV_LAYERS.has(layer.getClassName())) lastConv = index;
  });
  const last = layers.at(-1);
  const softmaxLast = last !== undefined && LOGIT_LAYERS.has(last.getClassName()) && last.getConfig().activation === 'softmax';
  const classes = model.outputs[0]?.shape.at(-1) ?? 0;
  return { layers, lastConv, score: softmaxLast ? 'logit' : 'probability', classes };
}

/** Apply `layers[from … to)` to `x`, dropout and friends off. */
export function applyLayers(plan: SaliencyPlan, from: number, to: number, x: tf.Tensor): tf.Tensor {
  let current = x;
  for (let index = from; index < to; index += 1) {
    const layer = plan.layers[index];
    if (layer) current = denseForOnePicture(layer, current) ?? (layer.apply(current, { training: false }) as tf.Tensor);
  }
  return current;
}

/** Activations a dense layer may end with, as the ops tfjs-layers applies for them. */
const ACTIVATIONS: Readonly<Record<string, (x: tf.Tensor) => tf.Tensor>> = {
  linear: (x) => x,
  relu: (x) => tf.relu(x),
  sigmoid: (x) => tf.sigmoid(x),
  tanh: (x) => tf.tanh(x),
  softmax: (x) => tf.softmax(x),
};

/**
 * A fully connected layer on one picture ([1, n]) with the same value as `layer.apply`, but whose
 * gradient for its input is K · dyᵀ instead of tfjs's dy · Kᵀ: on wasm the latter takes the slow
 * transposed path of BatchMatMul (79 ms against 9 ms for the tutorial's 7 200 × 512 kernel, measured in
 * Node), and it was most of a map's time. Null for any other layer, batch or activation (then the
 * layer's own `apply` runs).
 */
function denseForOnePicture(layer: tf.layers.Layer, x: tf.Tensor): tf.Tensor | null {
  if (!LOGIT_LAYERS.has(layer.getClassName()) || x.rank !== 2 || x.shape[0] !== 1) return null;
  const activation = ACTIVATIONS[String(layer.getConfig().activation ?? 'linear')];
  const [kernel, bias] = layer.getWeights();
  if (!activation || !kernel || kernel.rank !== 2) return null;
  const weights = kernel as tf.Tensor2D;
  const product = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input] = args as [tf.Tensor2D];
    return { value: tf.matMul(input, weights), gradFunc: (dy: tf.Tensor) => tf.reshape(tf.matMul(weights, tf.reshape(dy, [-1, 1])), input.shape) };
  });
  const linear = product(x);
  return activation(bias ? tf.add(linear, bias) : linear);
}

/** The class's score (a scalar) from the output of `layers[from - 1]` (`from` 0: from the picture), for one picture. */
export function scoreFrom(plan: SaliencyPlan, from: number, x: tf.Tensor, classIndex: number): tf.Scalar {
  return tf.reshape(tf.slice(tf.reshape(scoresFrom(plan, from, x), [-1]), [classIndex], [1]), []);
}

/**
 * Every class's score, [N, classes], from the output of `layers[from - 1]` for a batch of N: the
 * logits (the last layer's x · K + b) or the model's output, as `plan.score` says.
 */
export function scoresFrom(plan: SaliencyPlan, from: number, x: tf.Tensor): tf.Tensor2D {
  const count = plan.layers.length;
  if (plan.score === 'probability') return applyLayers(plan, from, count, x) as tf.Tensor2D;
  const head = plan.layers[count - 1];
  const beforeHead = applyLayers(plan, from, count - 1, x) as tf.Tensor2D;
  const [kernel, bias] = head?.getWeights() ?? [];
  if (!kernel) throw new SaliencyUnavailableError(`the last layer “${head?.name ?? '?'}” has no weights to compute its logits from`);
  const product: tf.Tensor2D = tf.matMul(beforeHead, kernel as tf.Tensor2D);
  return bias ? (tf.add(product, bias) as tf.Tensor2D) : product;
}
