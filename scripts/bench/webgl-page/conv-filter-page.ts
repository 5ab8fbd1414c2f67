/**
 * The WebGL kernel benchmark page: exposes `window.benchConvFilter`, which times stock tfjs's
 * `Conv2DBackpropFilter` and ours (src/engine/webgl/conv2d-backprop-filter.ts) on this page's WebGL,
 * on the main thread (a kernel's GPU time does not depend on which thread queued it).
 */
import * as tf from '@tensorflow/tfjs';
import { startBackend } from '../../../src/engine/backend';
import { planFilterGradient } from '../../../src/engine/webgl/conv2d-backprop-filter';
import { registerWebGLTrainingKernels, restoreStockWebGLKernels } from '../../../src/engine/webgl/register-webgl-kernels';
import { benchTutorialStep } from './conv-filter-step';
import type { ConvFilterBenchCase, ConvFilterBenchOptions, ConvFilterBenchPageApi, ConvFilterBenchResult, KernelTiming, StepBenchResult } from './conv-filter-types';

type Kernels = 'stock' | 'ours';

function useKernels(kernels: Kernels): void {
  if (kernels === 'stock') restoreStockWebGLKernels();
  else registerWebGLTrainingKernels();
}

/** One filter-gradient call on the installed kernel, timed until its result is read back. */
async function timedCall(x: tf.Tensor4D, dy: tf.Tensor4D, benchCase: ConvFilterBenchCase): Promise<{ ms: number; values: Float32Array }> {
  const attrs = { strides: [1, 1], pad: benchCase.pad, dataFormat: 'NHWC', filterShape: benchCase.filterShape };
  const startMs = performance.now();
  const dw = tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, attrs) as tf.Tensor;
  // data() waits for the GPU: the time covers the shader work, plus a readback both kernels share.
  const values = (await dw.data()) as Float32Array;
  const ms = performance.now() - startMs;
  dw.dispose();
  return { ms, values };
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function timing(firstCallMs: number, samples: readonly number[]): KernelTiming {
  return { firstCallMs, medianMs: median(samples), minMs: Math.min(...samples), samplesMs: [...samples] };
}

/**
 * max |ours − stock| / max |stock|. Norm-wise, because a gradient element is a sum of thousands of
 * products: its rounding error scales with the size of those products, not with the (possibly
 * near-zero) sum itself.
 */
function largestDifference(ours: Float32Array, stock: Float32Array): number {
  let worst = 0;
  let scale = 0;
  stock.forEach((want, i) => {
    worst = Math.max(worst, Math.abs((ours[i] ?? NaN) - want));
    scale = Math.max(scale, Math.abs(want));
  });
  return worst / Math.max(scale, Number.MIN_VALUE);
}

/**
 * Time one case: a first call of each kernel (shader compilation included), then samples taken in
 * turn, stock then ours, so a machine busy with other work slows both alike.
 */
async function benchCase(benchCase: ConvFilterBenchCase, options: ConvFilterBenchOptions): Promise<ConvFilterBenchResult> {
  const info = tf.backend_util.computeConv2DInfo(benchCase.xShape, benchCase.filterShape, 1, 1, benchCase.pad);
  const [x, dy] = tf.tidy(() => [
    tf.randomUniform(benchCase.xShape, -1, 1, 'float32', 1) as tf.Tensor4D,
    tf.randomUniform(info.outShape, -1, 1, 'float32', 2) as tf.Tensor4D,
  ]);
  if (!x || !dy) throw new Error('benchCase: inputs were not created');
  try {
    useKernels('stock');
    const stockFirst = await timedCall(x, dy, benchCase);
    useKernels('ours');
    const oursFirst = await timedCall(x, dy, benchCase);
    const samples: Record<Kernels, number[]> = { stock: [], ours: [] };
    const spent = (): number => samples.stock.reduce((a, b) => a + b, 0) + samples.ours.reduce((a, b) => a + b, 0);
    while (samples.ours.length < options.minSamples || (spent() < options.minTotalMs && samples.ours.length < options.maxSamples)) {
      for (const kernels of ['stock', 'ours'] as const) {
        useKernels(kernels);
        samples[kernels].push((await timedCall(x, dy, benchCase)).ms);
      }
    }
    const plan = planFilterGradient(info, tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE'));
    return {
      benchCase,
      stock: timing(stockFirst.ms, samples.stock),
      ours: timing(oursFirst.ms, samples.ours),
      largestRelativeDifference: largestDifference(oursFirst.values, stockFirst.values),
      split: plan.split,
      stockThreads: benchCase.filterShape.reduce((a, b) => a * b),
      ourThreads: plan.split.groups * plan.threadsPerGroup,
    };
  } finally {
    useKernels('ours');
    tf.dispose([x, dy]);
  }
}

/** Start webgl as the app does, then time every case in order. */
async function benchConvFilter(cases: readonly ConvFilterBenchCase[], options: ConvFilterBenchOptions): Promise<{ renderer: string; results: ConvFilterBenchResult[] }> {
  const backend = await startBackend('webgl', 'main-thread', 'WebGL kernel benchmark');
  const results: ConvFilterBenchResult[] = [];
  for (const c of cases) results.push(await benchCase(c, options));
  if (tf.getBackend() !== 'webgl') throw new Error(`the benchmark must run on webgl, ran on ${tf.getBackend()}`);
  return { renderer: backend.renderer ?? 'unknown', results };
}

/** Tutorial-model training steps at each batch size, on the webgl backend benchConvFilter started. */
async function benchTutorialSteps(batchSizes: readonly number[], steps: number): Promise<StepBenchResult[]> {
  if (tf.getBackend() !== 'webgl') throw new Error(`the step benchmark must run on webgl, got ${tf.getBackend()}`);
  const results: StepBenchResult[] = [];
  for (const batchSize of batchSizes) results.push(await benchTutorialStep(batchSize, steps));
  return results;
}

const api: ConvFilterBenchPageApi = { benchConvFilter, benchTutorialStep: benchTutorialSteps };
Object.assign(window, api);
