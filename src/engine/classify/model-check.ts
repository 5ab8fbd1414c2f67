import type * as tf from '@tensorflow/tfjs';
import { CIFAR_IMAGE_BYTES } from '../../core/data/cifar-format';
import { classifierShapeProblem, probabilityProblem } from '../../core/model/classifier-model';
import { predictProbabilities } from './predict';

/** A model that cannot be the classifier; `message` says why, for the user. */
export class ModelRejectedError extends Error {
  override readonly name = 'ModelRejectedError';
}

/**
 * Check that `model` meets the classifier's contract — one input [N, 32, 32, 3] of float32, one output
 * [N, classCount] of probabilities (10 unless its file names its own classes) — by its shapes and by one prediction on a mid-grey picture, which also
 * warms the backend up (kernels compiled, buffers allocated) so the first real answer is quick.
 * Frees its own tensors; never disposes `model`.
 *
 * @throws ModelRejectedError naming the failed constraint.
 */
export async function checkClassifier(model: tf.LayersModel, classCount = 10): Promise<void> {
  const problem = classifierShapeProblem(
    model.inputs.map((input) => input.shape),
    model.outputs.map((output) => output.shape),
    classCount,
  );
  if (problem) throw new ModelRejectedError(problem);
  const dtype = model.inputs[0]?.dtype;
  if (dtype !== 'float32') throw new ModelRejectedError(`it takes ${String(dtype)} inputs; the classifier feeds float32 values in [0, 1]`);
  let probabilities: Float32Array;
  try {
    probabilities = await predictProbabilities(model, new Uint8Array(CIFAR_IMAGE_BYTES).fill(128));
  } catch (error) {
    throw new ModelRejectedError(`it failed on a test picture: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const notProbabilities = probabilityProblem(probabilities);
  if (notProbabilities) throw new ModelRejectedError(notProbabilities);
}

/**
 * The input shape a tfjs layers topology declares for its first layer (`batch_input_shape`), read
 * before building: a model for other pictures is refused before any of its weights are allocated.
 * Null when the topology does not say (tfjs then decides while building).
 */
export function declaredInputShape(topology: Record<string, unknown>): (number | null)[] | null {
  const config = (topology.model_config as Record<string, unknown> | undefined)?.config ?? topology.config;
  const layers = (config as { layers?: unknown } | undefined)?.layers;
  const first = Array.isArray(layers) ? (layers[0] as { config?: { batch_input_shape?: unknown } } | undefined) : undefined;
  const shape = first?.config?.batch_input_shape;
  return Array.isArray(shape) && shape.every((size) => size === null || typeof size === 'number') ? (shape as (number | null)[]) : null;
}
