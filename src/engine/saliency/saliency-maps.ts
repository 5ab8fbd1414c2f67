/**
 * "Why this class" in tfjs: Grad-CAM on a model's last convolution layer (Selvaraju et al., 2017) and
 * the plain input gradient (Simonyan et al., 2013), for one picture and one class, on whatever backend
 * the engine runs (webgl, wasm, cpu).
 *
 * The model is run layer by layer as a chain (as the network's insides are read), cut after its last
 * Conv2D: the first part gives that layer's feature maps A, the second the class's score from A.
 */
import * as tf from '@tensorflow/tfjs';
import { CIFAR_IMAGE_BYTES, CIFAR_IMAGE_SIZE } from '../../core/data/cifar-format';
import type { ClassifierInfo } from '../../core/model/classifier-model';
import type { GradCamMap, SaliencyMaps } from '../protocol-saliency';
import { imagesFromBytes } from '../webgl/upload-bytes';

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
function applyLayers(plan: SaliencyPlan, from: number, to: number, x: tf.Tensor): tf.Tensor {
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

/** The class's score (a scalar) from the output of `layers[from - 1]` (`from` 0: from the picture). */
function scoreFrom(plan: SaliencyPlan, from: number, x: tf.Tensor, classIndex: number): tf.Scalar {
  const count = plan.layers.length;
  if (plan.score === 'probability') return pick(applyLayers(plan, from, count, x), classIndex);
  const head = plan.layers[count - 1];
  const beforeHead = applyLayers(plan, from, count - 1, x);
  const [kernel, bias] = head?.getWeights() ?? [];
  if (!kernel) throw new SaliencyUnavailableError(`the last layer “${head?.name ?? '?'}” has no weights to compute its logits from`);
  const logits = bias ? tf.add(tf.matMul(beforeHead as tf.Tensor2D, kernel as tf.Tensor2D), bias) : tf.matMul(beforeHead as tf.Tensor2D, kernel as tf.Tensor2D);
  return pick(logits, classIndex);
}

/** Element `classIndex` of a [1, classes] row, as a scalar. */
function pick(row: tf.Tensor, classIndex: number): tf.Scalar {
  return tf.reshape(tf.slice(tf.reshape(row, [-1]), [classIndex], [1]), []);
}

/** The maps as tensors, for `saliencyMaps` to read and for tests to check against finite differences. */
export interface SaliencyTensors {
  /** The class's score for the picture. */
  readonly score: tf.Scalar;
  /** [h, w, k]: the last conv layer's feature maps A; null without a conv layer. */
  readonly features: tf.Tensor3D | null;
  /** [k]: αₖ, the mean over the grid of ∂score/∂Aₖ; null without a conv layer. */
  readonly channelWeights: tf.Tensor1D | null;
  /** [h, w]: ReLU(Σₖ αₖ Aₖ); null without a conv layer. */
  readonly gradCam: tf.Tensor2D | null;
  /** [32, 32]: max over channels of |∂score/∂pixel|. */
  readonly gradient: tf.Tensor2D;
}

/**
 * Compute the maps for `input` ([1, H, W, 3], values 0…1) and class `classIndex`. Call inside
 * `tf.tidy` (or dispose what it returns): every tensor made here is either returned or left to the
 * caller's tidy. The model is only read.
 */
export function saliencyTensors(plan: SaliencyPlan, input: tf.Tensor4D, classIndex: number): SaliencyTensors {
  if (plan.lastConv === null) {
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => scoreFrom(plan, 0, x, classIndex))(input);
    return { score: value, features: null, channelWeights: null, gradCam: null, gradient: pixelMap(grad) };
  }
  const after = plan.lastConv + 1;
  const features = applyLayers(plan, 0, after, input);
  // One backward pass gives both gradients: a zero added to A has ∂score/∂zero = ∂score/∂A, and the
  // picture's gradient flows on through the conv layers (two passes cost twice the dense layer's
  // backward product, most of the time on wasm).
  const { value, grads } = tf.valueAndGrads((x: tf.Tensor, zero: tf.Tensor) => scoreFrom(plan, after, tf.add(applyLayers(plan, 0, after, x), zero), classIndex))([input, tf.zerosLike(features)]);
  const [pixelGradient, featureGradient] = grads as [tf.Tensor, tf.Tensor];
  const channelWeights = tf.mean(featureGradient, [0, 1, 2]) as tf.Tensor1D;
  const gradCam = tf.relu(tf.squeeze(tf.sum(tf.mul(features, channelWeights), -1), [0])) as tf.Tensor2D;
  return { score: value, features: tf.squeeze(features, [0]) as tf.Tensor3D, channelWeights, gradCam, gradient: pixelMap(pixelGradient) };
}

/** [1, H, W, 3] gradient → [H, W]: the largest |∂score/∂pixel| of R, G, B. */
function pixelMap(gradient: tf.Tensor): tf.Tensor2D {
  return tf.squeeze(tf.max(tf.abs(gradient), -1), [0]) as tf.Tensor2D;
}

/**
 * Both maps for one 32 × 32 picture and one class, read back as plain arrays. Every tensor made is
 * freed before this resolves (tests check `tf.memory().numTensors`); the model stays the caller's.
 *
 * @param pixels 32 × 32 × 3 uint8, row-major RGB (divided by 255, as in training).
 * @throws SaliencyUnavailableError naming the constraint a model or a class index fails; RangeError for
 *   wrong pixels; whatever tfjs throws for a model that cannot run.
 */
export async function saliencyMaps(model: tf.LayersModel, pixels: Uint8Array, classIndex: number, info: ClassifierInfo, nowMs: () => number = () => performance.now()): Promise<SaliencyMaps> {
  if (pixels.length !== CIFAR_IMAGE_BYTES) throw new RangeError(`a picture to explain is ${CIFAR_IMAGE_BYTES} bytes (32 × 32 × 3), got ${pixels.length}`);
  const startMs = nowMs();
  const plan = planSaliency(model);
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= plan.classes) throw new SaliencyUnavailableError(`class ${classIndex} is not one of this model's ${plan.classes} classes`);
  let channels = 0;
  // Only what is read back survives the tidy: the score, the gradient map and Grad-CAM's map.
  const [score, gradient, gradCam = null] = tf.tidy(() => {
    const maps = saliencyTensors(plan, imagesFromBytes(pixels, 1), classIndex);
    channels = maps.features?.shape[2] ?? 0;
    return maps.gradCam ? [maps.score, maps.gradient, maps.gradCam] : [maps.score, maps.gradient];
  });
  try {
    const [scoreValue, gradientValues, gradCamValues] = await Promise.all([score?.data(), gradient?.data(), gradCam?.data() ?? Promise.resolve(null)]);
    const lastConv = plan.lastConv === null ? null : plan.layers[plan.lastConv];
    const [height = 0, width = 0] = gradCam?.shape ?? [];
    const camMap: GradCamMap | null = lastConv && gradCamValues ? { layerName: lastConv.name, channels, height, width, values: Float32Array.from(gradCamValues) } : null;
    return {
      classIndex,
      score: plan.score,
      scoreValue: scoreValue?.[0] ?? Number.NaN,
      gradCam: camMap,
      gradCamNote: camMap ? null : 'This network has no convolution layer, so there is no Grad-CAM map: only the gradient map is shown.',
      gradient: { height: CIFAR_IMAGE_SIZE, width: CIFAR_IMAGE_SIZE, values: Float32Array.from(gradientValues ?? []) },
      model: info,
      ms: nowMs() - startMs,
    };
  } finally {
    tf.dispose([score, gradient, gradCam].filter((tensor) => tensor !== null && tensor !== undefined));
  }
}
