/**
 * Where a training step's time goes (issue 19): one step of our engine on one worker, run as
 * `trainStep` runs it — micro-batches of 64 whose gradients are added up, then one update — under
 * `tf.profile`, with each kernel assigned to the part of the step it ran in: uploading the batch, the
 * forward pass, the loss, the backward pass, adding the micro-batches' gradients, the optimiser's
 * update. On wasm a kernel runs synchronously, so its profiled time is its wall time. Shared by Node
 * and the bench page's worker.
 */
import * as tf from '@tensorflow/tfjs';
import { CIFAR_IMAGE_BYTES } from '../../src/core/data/cifar-format';
import { gatherImages, gatherLabels } from '../../src/core/data/image-batch';
import { batchTensors } from '../../src/engine/training/batch-tensors';
import { setDropoutMaskPosition } from '../../src/engine/training/gpu-dropout-layer';
import { countCorrect, crossEntropyPerImage } from '../../src/engine/training/loss';
import { applySummedGradients, microBatchSizeForBackend } from '../../src/engine/training/train-step';

/** The parts of a step, in the order they run. */
export type StepPhase = 'gather' | 'upload' | 'forward' | 'loss' | 'backward' | 'sum' | 'update';

/** One kernel (by name and output shape) within one part of the step, over the whole step. */
export interface KernelCost {
  readonly phase: StepPhase;
  readonly kernel: string;
  /** Output shape without the batch axis where it has one, e.g. "3×3×32×32" for a filter gradient. */
  readonly shape: string;
  readonly calls: number;
  readonly ms: number;
}

/** A profiled step. */
export interface StepProfile {
  readonly batchSize: number;
  readonly microBatchSize: number;
  /** The step's wall time under the profiler (kernels plus tfjs's own work between them). */
  readonly wallMs: number;
  /** Gathering the batch's pixels and labels from the data set (JavaScript, no kernel). */
  readonly gatherMs: number;
  readonly kernels: readonly KernelCost[];
}

/**
 * Profile one training step of `model` on `count` images of `data` (indices 0 … count − 1), with the
 * engine's micro-batches and dropout placement. It updates the model, like any step.
 */
export async function profileTrainingStep(model: tf.LayersModel, optimizer: tf.Optimizer, variables: tf.Variable[], data: { readonly images: Uint8Array; readonly labels: Uint8Array }, count: number, step: number): Promise<StepProfile> {
  const microBatchSize = Math.min(count, microBatchSizeForBackend());
  const marks: { phase: StepPhase; at: number }[] = [];
  const kernelsSoFar = (): number => tf.engine().state.activeProfile.kernels.length;
  const mark = (phase: StepPhase): void => {
    marks.push({ phase, at: kernelsSoFar() });
  };
  const checks = tf.env().getBool('CHECK_COMPUTATION_FOR_ERRORS');
  tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', false);
  let gatherMs = 0;
  const startMs = performance.now();
  try {
    const profile = await tf.profile(async () => {
      const gatherStart = performance.now();
      const indices = Uint32Array.from({ length: count }, (_, i) => i);
      const images = gatherImages(data.images, indices);
      const labels = gatherLabels(data.labels, indices);
      gatherMs = performance.now() - gatherStart;
      let sums: tf.Tensor[] | null = null;
      let measured: tf.Tensor | null = null;
      for (let start = 0; start < count; start += microBatchSize) {
        const end = Math.min(count, start + microBatchSize);
        const previous: tf.Tensor[] | null = sums;
        const previousMeasured: tf.Tensor | null = measured;
        setDropoutMaskPosition(model, { step, firstImage: start });
        let correct: tf.Scalar | null = null;
        const next: { gradients: tf.Tensor[]; measured: tf.Tensor } = tf.tidy(() => {
          mark('upload');
          const batch = batchTensors(images.subarray(start * CIFAR_IMAGE_BYTES, end * CIFAR_IMAGE_BYTES), labels.subarray(start, end));
          mark('forward');
          const { value, grads } = tf.variableGrads(() => {
            const probabilities = model.apply(batch.images, { training: true }) as tf.Tensor2D;
            mark('loss');
            // Kept out of the gradient function's own tidy, as the engine's step keeps it.
            correct = tf.keep(countCorrect(batch.labels, probabilities));
            const loss = tf.mul(tf.mean(crossEntropyPerImage(batch.oneHot, probabilities)), (end - start) / count) as tf.Scalar;
            mark('backward');
            return loss;
          }, variables);
          mark('sum');
          const gradients = variables.map((variable, index): tf.Tensor => {
            const gradient = grads[variable.name] as tf.Tensor;
            const sum: tf.Tensor | undefined = previous?.[index];
            return sum ? tf.add(sum, gradient) : gradient;
          });
          const stepMeasured = tf.stack([value, (correct as tf.Scalar | null) ?? tf.scalar(0)]);
          return { gradients, measured: previousMeasured ? tf.add(previousMeasured, stepMeasured) : stepMeasured };
        });
        setDropoutMaskPosition(model, null);
        (correct as tf.Scalar | null)?.dispose();
        if (previous) tf.dispose(previous);
        previousMeasured?.dispose();
        sums = next.gradients;
        measured = next.measured;
      }
      mark('update');
      if (sums) applySummedGradients(optimizer, variables, sums);
      await measured?.data();
      tf.dispose([...(sums ?? []), ...(measured ? [measured] : [])]);
      return [];
    });
    return { batchSize: count, microBatchSize, wallMs: performance.now() - startMs, gatherMs, kernels: aggregate(profile.kernels, marks) };
  } finally {
    tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', checks);
  }
}

/** Each profiled kernel in the phase its position falls in, summed by (phase, kernel, shape). */
function aggregate(kernels: Awaited<ReturnType<typeof tf.profile>>['kernels'], marks: readonly { phase: StepPhase; at: number }[]): KernelCost[] {
  const totals = new Map<string, KernelCost>();
  let markIndex = 0;
  kernels.forEach((kernel, position) => {
    while (markIndex + 1 < marks.length && (marks[markIndex + 1]?.at ?? Infinity) <= position) markIndex += 1;
    const phase = marks[markIndex]?.phase ?? 'upload';
    const [first] = kernel.outputShapes;
    const shape = first ? (first.length > 1 && phase !== 'backward' && phase !== 'sum' && phase !== 'update' ? first.slice(1) : first).join('×') : '';
    const key = `${phase}|${kernel.name}|${shape}`;
    const ms = typeof kernel.kernelTimeMs === 'number' ? kernel.kernelTimeMs : 0;
    const previous = totals.get(key);
    totals.set(key, { phase, kernel: kernel.name, shape, calls: (previous?.calls ?? 0) + 1, ms: (previous?.ms ?? 0) + ms });
  });
  return [...totals.values()];
}
