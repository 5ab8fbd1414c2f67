/**
 * The parts of a layer's regularisation that tfjs leaves to `model.fit`-style training loops, done for
 * ours: the weight-decay penalties join the loss, and max-norm constraints are applied after each update.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * The sum of the model's regularisation penalties — each `kernel_regularizer=l2(λ)` gives λ · Σ w² —
 * as a scalar recorded on the gradient tape (so each kernel's gradient gains 2 λ w), or null when no
 * layer has one. Not tidied: call inside the loss function.
 */
export function regularisationPenalty(model: tf.LayersModel): tf.Scalar | null {
  // Per layer: a Sequential's own `calculateLosses()` finds none (it looks for its layers' nodes in an
  // inner model), while each layer keeps the penalties its weights were given.
  const penalties = model.layers.flatMap((layer) => layer.calculateLosses());
  if (penalties.length === 0) return null;
  return penalties.length === 1 ? (penalties[0] as tf.Scalar) : (tf.addN(penalties) as tf.Scalar);
}

/**
 * Apply every weight's constraint (Keras' `kernel_constraint`, e.g. max-norm) to its current value, as
 * Keras does after each optimiser update. tfjs applies a constraint only when a weight is written
 * with `LayerVariable.write`, never after `optimizer.minimize`/`applyGradients`, so the training
 * step calls this after its update. Frees what it makes.
 */
export function applyWeightConstraints(model: tf.LayersModel): void {
  const constrained = model.trainableWeights.filter((weight) => weight.constraint != null);
  if (constrained.length === 0) return;
  tf.tidy(() => {
    for (const weight of constrained) {
      const variable = weight.read() as tf.Variable;
      variable.assign(weight.constraint.apply(variable));
    }
  });
}
