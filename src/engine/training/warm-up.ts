import type * as tf from '@tensorflow/tfjs';
import { CIFAR_IMAGE_BYTES } from '../../core/data/cifar-format';
import { allIndices } from '../../core/training/training-batches';
import type { RunBatchSizes } from '../../core/training/warm-up-batches';
import { evaluate } from './evaluate';
import { trainStep } from './train-step';
import { weightNorm } from './weights';

/** Backends whose first use of an operation at a tensor shape compiles a program worth doing early. */
const COMPILING_BACKENDS: readonly string[] = ['webgl'];

/**
 * Whether a run on `backend` should warm up before its first step: webgl on a GPU, yes; cpu and wasm
 * compile nothing. Not webgl on a software renderer (SwiftShader): there a step's arithmetic takes
 * tens of seconds at the tutorial's batch and a compile a fraction of it, so warming up would about
 * double the wait before the first step instead of removing a stall.
 */
export function backendNeedsWarmUp(backend: string, softwareRenderer = false): boolean {
  return COMPILING_BACKENDS.includes(backend) && !softwareRenderer;
}

/**
 * Run, on all-zero pictures, exactly the work the run will do: one training step (forward with dropout,
 * backward, optimiser update) at each training batch size, and one validation pass whose batches have
 * the validation sizes. Running the real code, rather than a copy of its operations, is what makes the
 * backend compile every program the run will use (ours and stock tfjs' alike), with the same shapes.
 *
 * It CHANGES the weights, the optimiser's state and its iteration count: the caller must put them back
 * (Trainer.warmUp does, from a snapshot of its own taken just before). Frees every tensor it makes.
 */
export async function runWarmUpPasses(model: tf.LayersModel, optimizer: tf.Optimizer, variables: tf.Variable[], sizes: RunBatchSizes): Promise<void> {
  const validationImages = sizes.validation.reduce((sum, size) => sum + size, 0);
  const largest = Math.max(0, validationImages, ...sizes.train);
  const zeros = new Uint8Array(largest * CIFAR_IMAGE_BYTES);
  const labels = new Uint8Array(largest);
  for (const size of sizes.train) {
    await trainStep(model, optimizer, variables, zeros.subarray(0, size * CIFAR_IMAGE_BYTES), labels.subarray(0, size));
  }
  // The divergence rule reads the weights' norm after a step whose loss looks wrong; the updated
  // weights are laid out as the optimiser's programs write them, so the norm's programs differ from
  // those run on the freshly made weights at the start.
  await weightNorm(variables);
  const [fullValidation] = sizes.validation;
  if (fullValidation !== undefined) {
    // A full batch then the partial one, if any: the batches evaluate() will cut each epoch.
    const split = { count: validationImages, images: zeros.subarray(0, validationImages * CIFAR_IMAGE_BYTES), labels: labels.subarray(0, validationImages) };
    await evaluate(model, split, allIndices(validationImages), fullValidation);
  }
}
