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
  /** [N, C] float32 one-hot targets (C classes: 10 for CIFAR-10, a class set's own count otherwise). */
  readonly oneHot: tf.Tensor2D;
}

/**
 * Upload a uint8 NHWC batch and make its float inputs on the backend: pixel / 255, as the tutorial's
 * `X = X.astype('float32') / 255.0` does, but per batch, so the whole data set never exists as floats.
 * On webgl the bytes are uploaded as bytes and normalised on the GPU (see `imagesFromBytes`).
 *
 * @param imageBytes N × 32 × 32 × 3 bytes, row-major RGB.
 * @param labelBytes N class indices.
 * @param classCount C, the one-hot depth: the model's output units.
 * @returns tensors the caller must dispose; call inside `tf.tidy` to have that done for it.
 * @throws RangeError when the byte counts disagree.
 */
export function batchTensors(imageBytes: Uint8Array, labelBytes: Uint8Array, classCount: number = MODEL_CLASS_COUNT): BatchTensors {
  const count = labelBytes.length;
  if (imageBytes.length !== count * CIFAR_IMAGE_SIZE * CIFAR_IMAGE_SIZE * CIFAR_CHANNELS) {
    throw new RangeError(`a batch of ${count} labels needs ${count * 3072} image bytes, got ${imageBytes.length}`);
  }
  return tf.tidy(() => {
    const images = imagesFromBytes(imageBytes, count);
    const labels = tf.tensor1d(Int32Array.from(labelBytes), 'int32');
    const oneHot = tf.cast(tf.oneHot(labels, classCount), 'float32') as tf.Tensor2D;
    return { images, labels, oneHot };
  });
}

/** How many classes `model` tells apart: the size of its (one) output's last axis; 10 when unknown. */
export function modelClassCount(model: tf.LayersModel): number {
  return model.outputs[0]?.shape.at(-1) ?? MODEL_CLASS_COUNT;
}
