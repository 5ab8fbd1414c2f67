import * as tf from '@tensorflow/tfjs';
import { CIFAR_IMAGE_BYTES } from '../../core/data/cifar-format';
import { batchTensors, modelClassCount } from './batch-tensors';
import { setDropoutMaskPosition, type DropoutMaskPosition } from './gpu-dropout-layer';
import { countCorrect, crossEntropyPerImage, smoothLabels } from './loss';
import { applyWeightConstraints, regularisationPenalty } from './regularisation';


/** What one step measured on its batch, before its update. */
export interface StepMeasurement {
  /** Mean cross-entropy over the batch (nats); NaN or ±Infinity when training diverged. */
  readonly loss: number;
  /** Fraction of the batch classified correctly, 0..1. */
  readonly accuracy: number;
}

/**
 * Images per micro-batch on backends whose memory is the machine's RAM (wasm, cpu). During a step tfjs
 * keeps every activation the gradients need, about 2.2 MB per picture for the tutorial's model, until
 * the step ends: 1.1 GB at its batch of 512, in a WebAssembly heap that never shrinks afterwards. In
 * micro-batches of 64 the step holds one micro-batch's worth (about 140 MB) plus the summed gradients,
 * and computes the same update. On webgl a batch runs whole: a GPU wants the big batch, and its memory
 * is freed as textures are recycled.
 */
export const CPU_MICRO_BATCH_SIZE = 64;

/**
 * Thrown by `trainStep` when its `interrupt` asked it to stop between micro-batches: the step was
 * abandoned, nothing was updated, and every tensor it made is freed.
 */
export class StepInterruptedError extends Error {
  override readonly name = 'StepInterruptedError';
}

/**
 * Let the messages waiting for this thread run (a Stop or Pause command reaches the worker's handler
 * only between tasks). A MessageChannel round trip, not `setTimeout(0)`, which browsers clamp to
 * 4 ms once nested: a 64-image micro-batch of the tutorial takes about 250 ms on wasm here.
 */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The micro-batch size `trainStep` uses on the active backend (Infinity: the batch runs whole). */
export function microBatchSizeForBackend(backend: string = tf.getBackend()): number {
  return backend === 'webgl' ? Number.POSITIVE_INFINITY : CPU_MICRO_BATCH_SIZE;
}

/** How `trainStep` computes its loss and splits its batch. */
export interface TrainStepOptions {
  /**
   * Images per forward/backward pass; default: the active backend's (`microBatchSizeForBackend`).
   */
  readonly microBatchSize?: number;
  /**
   * The run's step number, which picks the dropout masks (each image's by its place in the batch, so
   * they are the same however the batch is cut); absent or null: each dropout layer's own call counter.
   */
  readonly step?: number | null;
  /** Keras' label smoothing ε in [0, 1) (`smoothLabels`); default 0, as in the tutorial. */
  readonly labelSmoothing?: number;
  /**
   * Asked between micro-batches, after queued messages have run (so a Stop clicked during a
   * minutes-long batch lands within one micro-batch); true abandons the step.
   */
  readonly interrupt?: () => boolean;
}

/**
 * One training step on one uint8 batch: upload and normalise it, run the model with dropout active,
 * compute the mean categorical cross-entropy (against smoothed targets when asked) plus the layers'
 * weight-decay penalties, let `optimizer` apply its gradients to `variables`, then apply the layers'
 * weight constraints (max-norm). Everything made on the way is freed here; the model's and optimiser's
 * variables are updated in place.
 *
 * A batch larger than `microBatchSize` is processed in micro-batches whose gradients, each weighted by
 * its share of the batch, are summed before the one update: the mean loss of the batch is the weighted
 * mean of the micro-batches' mean losses, so the update is the whole batch's. With `step` given, the
 * dropout masks are those of that step, each image's taken by its place in the batch, so they too are
 * the same however the batch is cut (`setDropoutMaskPosition`).
 *
 * The penalties are added once per step (a share of them per micro-batch), so the loss reported is the
 * one minimised, as Keras reports it. Batch normalisation, if any, normalises each micro-batch by its
 * own statistics (on webgl the whole batch).
 *
 * The loss and the count of correct answers come back in one download, so a step costs one GPU sync.
 *
 * @param variables the model's trainable variables (`model.trainableWeights`), in a fixed order:
 *   tfjs' momentum and Adam slots are matched to variables by position.
 * @throws StepInterruptedError when `options.interrupt` abandoned the step (the model is unchanged).
 */
export async function trainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  options: TrainStepOptions = {},
): Promise<StepMeasurement> {
  const count = labelBytes.length;
  const microBatchSize = options.microBatchSize ?? microBatchSizeForBackend();
  const labelSmoothing = options.labelSmoothing ?? 0;
  const step = options.step ?? null;
  let measured: tf.Tensor1D;
  if (count <= microBatchSize) {
    const lossOf = stepLoss(model, labelSmoothing);
    measured = withMaskPosition(model, step === null ? null : { step, firstImage: 0 }, () => wholeBatchStep(model, optimizer, variables, imageBytes, labelBytes, lossOf));
  } else {
    const share = await shareGradients(model, variables, imageBytes, labelBytes, { firstImage: 0, batchImages: count, step }, microBatchSize, { labelSmoothing, interrupt: options.interrupt });
    applySummedGradients(optimizer, variables, share.gradients);
    tf.dispose(share.gradients);
    measured = share.measured;
  }
  applyWeightConstraints(model);
  const [loss = Number.NaN, correctCount = 0] = await measured.data();
  measured.dispose();
  return { loss, accuracy: correctCount / count };
}

/** The loss of a batch's (or micro-batch's) predictions, to be scaled by its share of the step. */
type StepLoss = (oneHot: tf.Tensor2D, probabilities: tf.Tensor2D, share: number) => tf.Scalar;

/** share × (mean cross-entropy against the (smoothed) targets + the model's penalties). Not tidied. */
function stepLoss(model: tf.LayersModel, labelSmoothing: number): StepLoss {
  return (oneHot, probabilities, share) => {
    const dataLoss = tf.mean(crossEntropyPerImage(smoothLabels(oneHot, labelSmoothing), probabilities)) as tf.Scalar;
    const penalty = regularisationPenalty(model);
    const total = penalty ? tf.add(dataLoss, penalty) : dataLoss;
    return (share === 1 ? total : tf.mul(total, share)) as tf.Scalar;
  };
}

/** The step in one pass: `optimizer.minimize`. Returns [loss, correct count], which the caller disposes. */
function wholeBatchStep(model: tf.LayersModel, optimizer: tf.Optimizer, variables: tf.Variable[], imageBytes: Uint8Array, labelBytes: Uint8Array, lossOf: StepLoss): tf.Tensor1D {
  let correct: tf.Scalar | null = null;
  const measured = tf.tidy(() => {
    const batch = batchTensors(imageBytes, labelBytes, modelClassCount(model));
    const loss = optimizer.minimize(
      () => {
        const probabilities = model.apply(batch.images, { training: true }) as tf.Tensor2D;
        // Computed inside the loss function (whose temporaries tfjs frees), so it is kept explicitly.
        correct = tf.keep(countCorrect(batch.labels, probabilities));
        return lossOf(batch.oneHot, probabilities, 1);
      },
      true,
      variables,
    );
    if (loss === null || correct === null) throw new Error('the optimiser returned no loss');
    return tf.stack([loss, correct]) as tf.Tensor1D;
  });
  // `correct` was kept out of the tidy above, so it is freed by hand.
  (correct as tf.Scalar | null)?.dispose();
  return measured;
}

/** Where a share of a batch sits in it: what its losses are weighted by, and which dropout masks it gets. */
export interface SharePlacement {
  /** Position of the share's first image in the whole batch. */
  readonly firstImage: number;
  /** Images in the whole batch: each micro-batch's mean loss is weighted by its size over this. */
  readonly batchImages: number;
  /** The run's step number, which picks the dropout masks; null: the layers' own call counters. */
  readonly step: number | null;
}

/** What `shareGradients` computed; the caller owns (and disposes) every tensor. */
export interface GradientShare {
  /** Per variable, in `variables`' order: the gradient of the share's part of the batch's mean loss. */
  readonly gradients: tf.Tensor[];
  /** [the share's part of the batch's mean loss, its count of correct answers]. */
  readonly measured: tf.Tensor1D;
}

/** How `shareGradients` computes its loss, and whether it may be abandoned. */
export interface ShareOptions {
  /** Keras' label smoothing ε, as in `TrainStepOptions`; default 0. */
  readonly labelSmoothing?: number;
  /** Asked between micro-batches; true abandons the share (StepInterruptedError). */
  readonly interrupt?: () => boolean;
}

/**
 * The gradients of one share of a batch (the images `imageBytes` / `labelBytes`, sitting at
 * `placement.firstImage` in a batch of `placement.batchImages`), in micro-batches of at most
 * `microBatchSize`: per micro-batch, the gradients of its loss (`trainStep`'s: mean cross-entropy against
 * the smoothed targets plus the layers' penalties) × its size / the batch's size, added to running sums (each micro-batch's tape is freed before the next starts). The shares of a
 * batch, however it is cut, add up to the whole batch's gradient and loss (the penalties counted once,
 * as the shares' weights sum to 1) — what a data-parallel worker computes, and what a micro-batched step
 * applies. Nothing is applied here, and no weight constraint: the caller applies both after the sum.
 *
 * With `interrupt`, queued messages run between micro-batches and the share is abandoned (sums freed)
 * when it says so: it then throws StepInterruptedError. Without it nothing here waits, so the work runs
 * in one task as before.
 */
export async function shareGradients(
  model: tf.LayersModel,
  variables: tf.Variable[],
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  placement: SharePlacement,
  microBatchSize: number,
  options: ShareOptions = {},
): Promise<GradientShare> {
  const count = labelBytes.length;
  const { interrupt } = options;
  const lossOf = stepLoss(model, options.labelSmoothing ?? 0);
  let sums: tf.Tensor[] | null = null;
  let measured: tf.Tensor1D | null = null;
  try {
    for (let start = 0; start < count; start += microBatchSize) {
      if (interrupt && start > 0) {
        await yieldToEvents();
        if (interrupt()) throw new StepInterruptedError('the step was abandoned between micro-batches');
      }
      const end = Math.min(count, start + microBatchSize);
      const share = (end - start) / placement.batchImages;
      const position = placement.step === null ? null : { step: placement.step, firstImage: placement.firstImage + start };
      const previousSums: tf.Tensor[] | null = sums;
      const previousMeasured: tf.Tensor1D | null = measured;
      let correct: tf.Scalar | null = null;
      const next: { gradients: tf.Tensor[]; measured: tf.Tensor1D } = withMaskPosition(model, position, () =>
        tf.tidy(() => {
          const batch = batchTensors(imageBytes.subarray(start * CIFAR_IMAGE_BYTES, end * CIFAR_IMAGE_BYTES), labelBytes.subarray(start, end), modelClassCount(model));
          const { value, grads } = tf.variableGrads(() => {
            const probabilities = model.apply(batch.images, { training: true }) as tf.Tensor2D;
            // Kept out of the gradient function's own tidy; freed by hand below.
            correct = tf.keep(countCorrect(batch.labels, probabilities));
            return lossOf(batch.oneHot, probabilities, share);
          }, variables);
          const correctCount = correct as tf.Scalar | null;
          if (correctCount === null) throw new Error('the model produced no predictions');
          const gradients = variables.map((variable, index): tf.Tensor => {
            const gradient = grads[variable.name];
            if (!gradient) throw new Error(`no gradient for ${variable.name}`);
            const sum = previousSums?.[index];
            return sum ? tf.add(sum, gradient) : gradient;
          });
          const step = tf.stack([value, correctCount]) as tf.Tensor1D;
          return { gradients, measured: previousMeasured ? (tf.add(previousMeasured, step) as tf.Tensor1D) : step };
        }),
      );
      (correct as tf.Scalar | null)?.dispose();
      if (previousSums) tf.dispose(previousSums);
      previousMeasured?.dispose();
      sums = next.gradients;
      measured = next.measured;
    }
    if (sums === null || measured === null) throw new Error('a training step needs at least one image');
    const result = { gradients: sums, measured };
    sums = null;
    measured = null;
    return result;
  } finally {
    if (sums) tf.dispose(sums);
    measured?.dispose();
  }
}

/**
 * One `applyGradients` with `gradients` (one per variable, in `variables`' order), keyed by variable
 * name in that order — the order tfjs' momentum and Adam slots follow. Does not dispose `gradients`.
 */
export function applySummedGradients(optimizer: tf.Optimizer, variables: tf.Variable[], gradients: readonly tf.Tensor[]): void {
  const named: tf.NamedTensorMap = {};
  variables.forEach((variable, index) => {
    const gradient = gradients[index];
    if (!gradient) throw new Error(`no gradient for ${variable.name}`);
    named[variable.name] = gradient;
  });
  optimizer.applyGradients(named);
}

/** Run `compute` with the model's dropout masks placed at `position` (none: the layers' counters), then clear it. */
function withMaskPosition<T>(model: tf.LayersModel, position: DropoutMaskPosition | null, compute: () => T): T {
  if (position === null) return compute();
  setDropoutMaskPosition(model, position);
  try {
    return compute();
  } finally {
    setDropoutMaskPosition(model, null);
  }
}

/** The model's trainable variables, in the order `trainStep` needs. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((weight) => weight.read() as tf.Variable);
}
