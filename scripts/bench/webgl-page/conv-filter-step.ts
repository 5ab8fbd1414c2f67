/**
 * One training step of the tutorial's model (stock tfjs-layers `trainOnBatch`) with stock tfjs's webgl
 * kernels and with ours: what our kernels change in a whole step, where the filter gradient is one
 * kernel among many.
 */
import * as tf from '@tensorflow/tfjs';
import { registerWebGLTrainingKernels, restoreStockWebGLKernels } from '../../../src/engine/webgl/register-webgl-kernels';
import { buildTutorialModel, syntheticBatch } from '../tutorial-model';
import type { StepBenchResult } from './conv-filter-types';

type Kernels = 'stock' | 'ours';

function useKernels(kernels: Kernels): void {
  if (kernels === 'stock') restoreStockWebGLKernels();
  else registerWebGLTrainingKernels();
}

/** One `trainOnBatch`, timed until its loss is read back (so the step's GPU work is done). */
async function timedStep(model: tf.LayersModel, xs: tf.Tensor, ys: tf.Tensor): Promise<number> {
  const startMs = performance.now();
  await model.trainOnBatch(xs, ys);
  return performance.now() - startMs;
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/**
 * Two copies of the tutorial model with the same initial weights, one trained on each kernel set:
 * a first step each (shader compilation), then `steps` timed steps each, taken in turn.
 */
export async function benchTutorialStep(batchSize: number, steps: number): Promise<StepBenchResult> {
  const models: Record<Kernels, tf.LayersModel> = { stock: buildTutorialModel({ weightSeed: 7, dropoutSeed: 3 }), ours: buildTutorialModel({ weightSeed: 7, dropoutSeed: 3 }) };
  const { xs, ys } = syntheticBatch(batchSize, 1);
  const first: Record<Kernels, number> = { stock: 0, ours: 0 };
  const samples: Record<Kernels, number[]> = { stock: [], ours: [] };
  try {
    for (const kernels of ['stock', 'ours'] as const) {
      useKernels(kernels);
      first[kernels] = await timedStep(models[kernels], xs, ys);
    }
    for (let step = 0; step < steps; step++) {
      for (const kernels of ['stock', 'ours'] as const) {
        useKernels(kernels);
        samples[kernels].push(await timedStep(models[kernels], xs, ys));
      }
    }
  } finally {
    useKernels('ours');
    tf.dispose([xs, ys]);
    for (const model of Object.values(models)) {
      model.optimizer.dispose();
      model.dispose();
    }
  }
  const timing = (kernels: Kernels): StepBenchResult['stock'] => ({ firstStepMs: first[kernels], medianMs: median(samples[kernels]), samplesMs: samples[kernels] });
  return { batchSize, stock: timing('stock'), ours: timing('ours') };
}
