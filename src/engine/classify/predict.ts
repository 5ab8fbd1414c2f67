import * as tf from '@tensorflow/tfjs';
import { CIFAR_IMAGE_BYTES } from '../../core/data/cifar-format';
import { imagesFromBytes } from '../webgl/upload-bytes';

/**
 * Run a classifier on one 32 × 32 RGB picture and read its ten probabilities back.
 *
 * The bytes are divided by 255 on the backend, as training feeds CIFAR-10 (the models' contract: float32
 * in [0, 1], shape [1, 32, 32, 3] NHWC), by the same upload as the training batches. Every tensor made is freed before this resolves; the model stays
 * the caller's.
 *
 * @param input 32 × 32 × 3 uint8, row-major RGB.
 * @returns the model's output values, in CIFAR10_CLASSES order for a classifier that meets the contract.
 * @throws RangeError when `input` is not 3 072 bytes; whatever tfjs throws for a model that cannot run.
 */
export async function predictProbabilities(model: tf.LayersModel, input: Uint8Array): Promise<Float32Array> {
  if (input.length !== CIFAR_IMAGE_BYTES) throw new RangeError(`a network input is ${CIFAR_IMAGE_BYTES} bytes (32 × 32 × 3), got ${input.length}`);
  const output = tf.tidy(() => {
    const batch = imagesFromBytes(input, 1);
    const result = model.predict(batch);
    // A classifier has one output; predict's array form belongs to multi-output models.
    return Array.isArray(result) ? (result[0] ?? tf.zeros([0])) : result;
  });
  try {
    const values = await output.data();
    return values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>);
  } finally {
    output.dispose();
  }
}
