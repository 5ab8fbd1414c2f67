import * as tf from '@tensorflow/tfjs';

/** Keras' `epsilon()`: probabilities are clipped to [ε, 1 − ε] before the logarithm. */
export const KERAS_EPSILON = 1e-7;

/**
 * Categorical cross-entropy per image, as Keras computes it from probabilities: renormalise each row,
 * clip to [ε, 1 − ε] so log never sees 0, then −Σ y · log p over the classes.
 *
 * @param oneHot [N, C] targets (one 1 per row).
 * @param probabilities [N, C] softmax outputs.
 * @returns [N] losses in nats. Not tidied: call inside `tf.tidy` (or dispose the result).
 */
export function crossEntropyPerImage(oneHot: tf.Tensor2D, probabilities: tf.Tensor2D): tf.Tensor1D {
  const normalised = tf.div(probabilities, tf.sum(probabilities, -1, true));
  const clipped = tf.clipByValue(normalised, KERAS_EPSILON, 1 - KERAS_EPSILON);
  return tf.neg(tf.sum(tf.mul(oneHot, tf.log(clipped)), -1)) as tf.Tensor1D;
}

/**
 * How many rows of `probabilities` put their highest probability on the label (Keras' categorical
 * accuracy, as a count).
 *
 * @param labels [N] int32 class indices.
 * @param probabilities [N, C].
 * @returns a float32 scalar. Not tidied: call inside `tf.tidy` (or dispose the result).
 */
export function countCorrect(labels: tf.Tensor1D, probabilities: tf.Tensor2D): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(probabilities, -1), labels), 'float32'));
}

/**
 * Keras' label smoothing (`CategoricalCrossentropy(label_smoothing=ε)`): the targets become
 * y · (1 − ε) + ε / C, so the network is asked for 1 − ε + ε/C on the true class and ε/C on each other,
 * never a certainty it can only approach with ever larger weights. ε = 0 gives `oneHot` back.
 *
 * @param oneHot [N, C] one-hot targets.
 * @param smoothing ε in [0, 1).
 * @returns [N, C]. Not tidied.
 */
export function smoothLabels(oneHot: tf.Tensor2D, smoothing: number): tf.Tensor2D {
  if (smoothing === 0) return oneHot;
  const classes = oneHot.shape[1];
  return tf.add(tf.mul(oneHot, 1 - smoothing), smoothing / classes) as tf.Tensor2D;
}
