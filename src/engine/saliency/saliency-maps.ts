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
import { occlusionMap, occlusionWindows } from '../../core/model/saliency-map';
import { occlusionDrops } from './occlusion';
import { applyLayers, planSaliency, scoreFrom, SaliencyUnavailableError, type SaliencyPlan } from './saliency-plan';

export { planSaliency, SaliencyUnavailableError, type SaliencyPlan } from './saliency-plan';

/** Side of the occlusion test's grey square, and the step between its places (7 × 7 places on 32 × 32). */
export const OCCLUSION_PATCH = 8;
export const OCCLUSION_STRIDE = 4;

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
 * The three maps for one 32 × 32 picture and one class, read back as plain arrays. Every tensor made is
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
  const windows = occlusionWindows(CIFAR_IMAGE_SIZE, OCCLUSION_PATCH, OCCLUSION_STRIDE);
  // Only what is read back survives the tidy: the score, the gradient map, the occlusion drops and Grad-CAM's map.
  const [score, gradient, drops, gradCam = null] = tf.tidy(() => {
    const input = imagesFromBytes(pixels, 1);
    const maps = saliencyTensors(plan, input, classIndex);
    channels = maps.features?.shape[2] ?? 0;
    const occluded = occlusionDrops(plan, input, classIndex, windows);
    return maps.gradCam ? [maps.score, maps.gradient, occluded, maps.gradCam] : [maps.score, maps.gradient, occluded];
  });
  try {
    const [scoreValue, gradientValues, dropValues, gradCamValues] = await Promise.all([score?.data(), gradient?.data(), drops?.data(), gradCam?.data() ?? Promise.resolve(null)]);
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
      occlusion: { ...occlusionMap(dropValues ?? [], windows), patch: OCCLUSION_PATCH, stride: OCCLUSION_STRIDE },
      model: info,
      ms: nowMs() - startMs,
    };
  } finally {
    tf.dispose([score, gradient, drops, gradCam].filter((tensor) => tensor !== null && tensor !== undefined));
  }
}
