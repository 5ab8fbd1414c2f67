import * as tf from '@tensorflow/tfjs';

/** The activations our own layers apply, by their Keras names. */
export type LayerActivation = 'relu' | 'softmax' | 'linear' | 'sigmoid' | 'tanh';

const NAMES: readonly LayerActivation[] = ['relu', 'softmax', 'linear', 'sigmoid', 'tanh'];

/**
 * A saved activation name read back.
 * @throws RangeError for a name our layers do not apply.
 */
export function layerActivation(name: unknown): LayerActivation {
  const found = NAMES.find((known) => known === name);
  if (found === undefined) throw new RangeError(`activation must be one of ${NAMES.join(', ')}, got ${String(name)}`);
  return found;
}

/** `activation(x)` by its Keras name; softmax over the last axis. Not tidied. */
export function applyActivation(x: tf.Tensor, activation: LayerActivation): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.relu(x);
    case 'softmax':
      return tf.softmax(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'tanh':
      return tf.tanh(x);
    case 'linear':
      return x;
  }
}
