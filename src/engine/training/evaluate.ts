import * as tf from '@tensorflow/tfjs';
import type { CifarArrays } from '../../core/data/cifar-format';
import { gatherImages, gatherLabels } from '../../core/data/image-batch';
import { batchSlice } from '../../core/training/training-batches';
import { batchTensors, modelClassCount } from './batch-tensors';
import { countCorrect, crossEntropyPerImage } from './loss';

/** Loss and accuracy over a set of images. */
export interface Evaluation {
  /** Mean categorical cross-entropy (nats). */
  readonly loss: number;
  /** Fraction classified correctly, 0..1. */
  readonly accuracy: number;
  /** The predicted class (argmax of the probabilities) of each image, in `indices` order. */
  readonly predictions: Uint8Array;
}

/** Progress and cancellation of a long evaluation ("evaluate now" on 10 000 images). */
export interface EvaluateOptions {
  /** Checked before every batch: once aborted, the evaluation stops there and throws `signal.reason`. */
  readonly signal?: AbortSignal;
  /** Called after every batch with the images evaluated so far. */
  readonly onBatch?: (imagesDone: number) => void;
}

/**
 * Evaluate `model` (dropout off) on the images of `split` at `indices`, in batches of `batchSize`, as
 * Keras' `validation_data` does after each epoch. Holds one batch on the backend at a time; frees
 * everything it makes, also when aborted. The predicted classes come from the same argmax that counts
 * the correct ones, so the confusion matrix built from them agrees with `accuracy` exactly.
 *
 * @throws RangeError when `indices` is empty; `options.signal.reason` once that signal is aborted.
 */
export async function evaluate(model: tf.LayersModel, split: CifarArrays, indices: Uint32Array, batchSize: number, options: EvaluateOptions = {}): Promise<Evaluation> {
  if (indices.length === 0) throw new RangeError('evaluation needs at least one image');
  let lossSum = 0;
  let correct = 0;
  const predictions = new Uint8Array(indices.length);
  for (let batch = 0; batch * batchSize < indices.length; batch++) {
    options.signal?.throwIfAborted();
    const chosen = batchSlice(indices, batch, batchSize);
    const { sums, predicted } = tf.tidy(() => {
      const tensors = batchTensors(gatherImages(split.images, chosen), gatherLabels(split.labels, chosen), modelClassCount(model));
      const probabilities = model.predict(tensors.images) as tf.Tensor2D;
      return {
        sums: tf.stack([tf.sum(crossEntropyPerImage(tensors.oneHot, probabilities)), countCorrect(tensors.labels, probabilities)]),
        predicted: tf.argMax(probabilities, -1),
      };
    });
    try {
      const [[batchLoss = Number.NaN, batchCorrect = 0], classes] = await Promise.all([sums.data(), predicted.data()]);
      lossSum += batchLoss;
      correct += batchCorrect;
      predictions.set(classes, batch * batchSize);
    } finally {
      sums.dispose();
      predicted.dispose();
    }
    options.onBatch?.(batch * batchSize + chosen.length);
  }
  return { loss: lossSum / indices.length, accuracy: correct / indices.length, predictions };
}
