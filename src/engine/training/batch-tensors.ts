import * as tf from '@tensorflow/tfjs';
import { CIFAR_CHANNELS, CIFAR_IMAGE_SIZE } from '../../core/data/cifar-format';
import { MODEL_CLASS_COUNT } from '../../core/model/model-spec';
import { imagesFromBytes } from '../webgl/upload-bytes';

/** One batch on the backend, ready for the model. */
export interface BatchTensors {
  /** [N, 32, 32, 3] float32 in [0, 1]. */
  readonly images: tf.Tensor4D;
  /** [N] int32 class indices. */
  readonly labels: tf.Tensor1D;
  /** [N, 10] float32 one-hot targets. */
  readonly oneHot: tf.Tensor2D;
}

/**
 * Upload a uint8 NHWC batch and make its float inputs on the backend: pixel / 255, as the tutorial's
 * `X = X.astype('float32') / 255.0` does, but per batch, so the whole data set never exists as floats.
 * On webgl the bytes are uploaded as bytes and normalised on the GPU (see `imagesFromBytes`).
 *
 * @param imageBytes N × 32 × 32 × 3 bytes, row-major RGB.
 * @param labelBytes N class indices.
 * @returns tensors the caller must dispose; call inside `tf.tidy` to have that done for it.
 * @throws RangeError when the byte counts disagree.
 */
export function batchTensors(imageBytes: Uint8Array, labelBytes: Uint8Array): BatchTensors {
  const count = labelBytes.length;
  if (imageBytes.length !== count * CIFAR_IMAGE_SIZE * CIFAR_IMAGE_SIZE * CIFAR_CHANNELS) {
    throw new RangeError(`a batch of ${count} labels needs ${count * 3072} image bytes, got ${imageBytes.length}`);
  }
  return tf.tidy(() => {
    const images = imagesFromBytes(imageBytes, count);
    const labels = tf.tensor1d(Int32Array.from(labelBytes), 'int32');
    const oneHot = tf.cast(tf.oneHot(labels, MODEL_CLASS_COUNT), 'float32') as tf.Tensor2D;
    return { images, labels, oneHot };
  });
}
