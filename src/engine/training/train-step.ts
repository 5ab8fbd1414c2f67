import * as tf from '@tensorflow/tfjs';
import { batchTensors } from './batch-tensors';
import { countCorrect, crossEntropyPerImage } from './loss';

/** What one step measured on its batch, before its update. */
export interface StepMeasurement {
  /** Mean cross-entropy over the batch (nats); NaN or ±Infinity when training diverged. */
  readonly loss: number;
  /** Fraction of the batch classified correctly, 0..1. */
  readonly accuracy: number;
}

/**
 * One training step on one uint8 batch: upload and normalise it, run the model with dropout active,
 * compute the mean categorical cross-entropy, and let `optimizer` apply its gradients to `variables`.
 * Everything made on the way is freed here; the model's and optimiser's variables are updated in place.
 *
 * The loss and the count of correct answers come back in one download, so a step costs one GPU sync.
 *
 * @param variables the model's trainable variables (`model.trainableWeights`), in a fixed order:
 *   tfjs' momentum and Adam slots are matched to variables by position.
 */
export async function trainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
): Promise<StepMeasurement> {
  let correct: tf.Scalar | null = null;
  const measured = tf.tidy(() => {
    const batch = batchTensors(imageBytes, labelBytes);
    const loss = optimizer.minimize(
      () => {
        const probabilities = model.apply(batch.images, { training: true }) as tf.Tensor2D;
        // Computed inside the loss function (whose temporaries tfjs frees), so it is kept explicitly.
        correct = tf.keep(countCorrect(batch.labels, probabilities));
        return tf.mean(crossEntropyPerImage(batch.oneHot, probabilities)) as tf.Scalar;
      },
      true,
      variables,
    );
    if (loss === null || correct === null) throw new Error('the optimiser returned no loss');
    return tf.stack([loss, correct]);
  });
  // `correct` was kept out of the tidy above, so it is freed by hand.
  (correct as tf.Scalar | null)?.dispose();
  const [loss = Number.NaN, correctCount = 0] = await measured.data();
  measured.dispose();
  return { loss, accuracy: correctCount / labelBytes.length };
}

/** The model's trainable variables, in the order `trainStep` needs. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((weight) => weight.read() as tf.Variable);
}
