/**
 * One data-parallel training step (issue 19): the batch cut into contiguous shares, share 0 computed
 * here by the coordinator while gradient workers compute the others, the gradients added up in share
 * order, and one update applied — the update one worker computes for the whole batch, since every
 * share's gradients are weighted by its part of the batch and each image gets the dropout mask of its
 * place in the batch.
 */
import * as tf from '@tensorflow/tfjs';
import { splitBatch } from '../../core/training/batch-split';
import { CIFAR_IMAGE_BYTES } from '../../core/data/cifar-format';
import { applyWeightConstraints } from '../training/regularisation';
import { applySummedGradients, shareGradients, StepInterruptedError, type GradientShare, type StepMeasurement } from '../training/train-step';
import { tensorsFromFlat, flatLayout } from './flat-weights';
import type { ShareTimings } from './gradient-protocol';
import type { GradientWorkerPool, ShareResult } from './gradient-pool';

/** Where a data-parallel step's time went on the coordinator, in milliseconds, and each worker's account. */
export interface ParallelStepTimings {
  readonly workers: number;
  /** Copying the weights out for the workers (into shared memory, or a copy to send). */
  readonly publishMs: number;
  /** The coordinator's own share: forward and backward passes. */
  readonly ownShareMs: number;
  /** Waiting, after its own share, for the last worker's reply. */
  readonly waitMs: number;
  /** Copying the workers' gradients in and adding them to its own. */
  readonly sumMs: number;
  /** The optimiser's update. */
  readonly applyMs: number;
  /** Each gradient worker's parts (1 … workers − 1), with the round trip from sending to reply. */
  readonly helpers: readonly (ShareTimings & { readonly roundTripMs: number })[];
}

/** What the step needs besides the model and the batch. */
export interface ParallelStepOptions {
  /** The run's step number: picks the dropout masks. */
  readonly step: number;
  /** Workers sharing the batch, the coordinator included: 2 … pool.size + 1. */
  readonly workers: number;
  readonly microBatchSize: number;
  /** Keras' label smoothing ε of the run's loss, sent with every share; default 0. */
  readonly labelSmoothing?: number;
  /**
   * Asked between the coordinator's own micro-batches (`shareGradients`), then every
   * INTERRUPT_POLL_MS while it waits for the workers; true abandons the step: the workers are asked
   * to drop their shares too (`abandonShares`), each between its own micro-batches, and the step ends
   * once all have answered.
   */
  readonly interrupt?: () => boolean;
}

/** How often a step waiting for its workers asks `interrupt` (a Stop then lands within this, plus a micro-batch). */
export const INTERRUPT_POLL_MS = 100;

/**
 * Train on one uint8 batch with `options.workers` workers: the coordinator and the pool's first
 * workers − 1 gradient workers. Updates `variables` through `optimizer` in place; frees everything it
 * made. Throws (after every worker has answered) when a worker fails, or StepInterruptedError when
 * `options.interrupt` abandoned the step; the weights are then unchanged.
 */
export async function dataParallelStep(
  pool: GradientWorkerPool,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  options: ParallelStepOptions,
): Promise<{ measurement: StepMeasurement; timings: ParallelStepTimings }> {
  const count = labelBytes.length;
  const { step, workers, microBatchSize, interrupt } = options;
  const labelSmoothing = options.labelSmoothing ?? 0;
  if (workers < 2 || workers > pool.size + 1) throw new RangeError(`a data-parallel step needs 2 … ${pool.size + 1} workers, got ${workers}`);
  const shares = splitBatch(count, workers);
  const t0 = performance.now();
  const weights = pool.publishWeights(variables);
  const t1 = performance.now();
  const pending = shares.slice(1).map((share, offset) =>
    pool.computeShare(offset + 1, { step, firstImage: share.start, batchImages: count, microBatchSize, labelSmoothing, images: imageBytes.subarray(share.start * CIFAR_IMAGE_BYTES, share.end * CIFAR_IMAGE_BYTES), labels: labelBytes.subarray(share.start, share.end) }, weights),
  );
  const own = shares[0] as { start: number; end: number };
  let local: GradientShare | null = null;
  try {
    local = await shareGradients(model, variables, imageBytes.subarray(0, own.end * CIFAR_IMAGE_BYTES), labelBytes.subarray(0, own.end), { firstImage: 0, batchImages: count, step }, microBatchSize, { labelSmoothing, interrupt });
  } finally {
    // Every worker answers before this step ends, even when the coordinator's own share failed; an
    // abandoned step (a Stop or Pause) asks them to drop their shares first.
    if (!local) {
      pool.abandonShares(weights.version);
      await Promise.allSettled(pending);
    }
  }
  const t2 = performance.now();
  const layout = flatLayout(variables);
  let sums = local.gradients;
  try {
    const results: ShareResult[] = await sharesOrInterrupt(pending, interrupt, () => pool.abandonShares(weights.version));
    const t3 = performance.now();
    // In share order, so the same worker count always adds in the same order.
    let [loss = Number.NaN, correct = 0] = local.measured.dataSync();
    for (const result of results) {
      const previous = sums;
      sums = tf.tidy(() => {
        const incoming = tensorsFromFlat(result.gradients, layout);
        return previous.map((sum, index) => tf.add(sum, incoming[index] as tf.Tensor));
      });
      tf.dispose(previous);
      loss += result.loss;
      correct += result.correct;
    }
    const t4 = performance.now();
    applySummedGradients(optimizer, variables, sums);
    // After the one update, as `trainStep` does (max-norm); the workers get the constrained weights next step.
    applyWeightConstraints(model);
    const t5 = performance.now();
    const helpers = results.map((result) => ({ ...result.timings, roundTripMs: result.roundTripMs }));
    return {
      measurement: { loss, accuracy: correct / count },
      timings: { workers, publishMs: t1 - t0, ownShareMs: t2 - t1, waitMs: t3 - t2, sumMs: t4 - t3, applyMs: t5 - t4, helpers },
    };
  } catch (error) {
    await Promise.allSettled(pending);
    throw error;
  } finally {
    tf.dispose(sums);
    local.measured.dispose();
  }
}

/**
 * The workers' results; while waiting, `interrupt` is asked every INTERRUPT_POLL_MS, and when it says
 * so the shares are abandoned (`abandon`), every worker's answer awaited, and StepInterruptedError thrown.
 */
export async function sharesOrInterrupt(pending: readonly Promise<ShareResult>[], interrupt: (() => boolean) | undefined, abandon: () => void): Promise<ShareResult[]> {
  const all = Promise.all(pending);
  if (!interrupt) return all;
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), INTERRUPT_POLL_MS);
    });
    try {
      const results = await Promise.race([all, tick]);
      if (results) return results;
    } finally {
      clearTimeout(timer);
    }
    if (interrupt()) {
      abandon();
      await Promise.allSettled(pending);
      throw new StepInterruptedError('the step was abandoned while the gradient workers computed their shares');
    }
  }
}
