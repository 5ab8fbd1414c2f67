/**
 * The measured loops, shared by Node and the browser worker: the tutorial model, stock
 * `model.trainOnBatch` on one synthetic CIFAR-shaped batch, or our engine's `Trainer`
 * (measure-engine.ts); one warm-up step, then timed steps.
 */
import * as tf from '@tensorflow/tfjs';
import { startBackend } from '../../src/engine/backend';
import { registerWasmTrainingKernels, restoreStockWasmKernels } from '../../src/engine/wasm/register-wasm-kernels';
import { registerWebGLTrainingKernels, restoreStockWebGLKernels } from '../../src/engine/webgl/register-webgl-kernels';
import type { BenchConfig, BenchOutcome, TrainingSpeed } from './bench-types';
import { buildTutorialModel, syntheticBatch } from './tutorial-model';
import { timeEngineTraining } from './measure-engine';

/**
 * Start `config.backend` as the engine does (software WebGL allowed, wasm binaries and kernels
 * prepared), then put the stock wasm and webgl kernels back when `config.kernels` is 'stock', and time training.
 * Never throws: a backend that cannot start or a model that cannot train is a `failed` outcome.
 */
export async function runTrainingConfig(config: BenchConfig, host: 'worker' | 'main-thread'): Promise<BenchOutcome> {
  let backendDetail: string;
  try {
    // On a cross-origin isolated page, measure the threaded build even where the app would not use it.
    if (config.environment === 'chromium-isolated') (await import('../../src/engine/wasm/wasm-backend')).setMinLogicalCoresForThreads(1);
    const info = await startBackend(config.backend, host, 'benchmark');
    if (config.kernels === 'stock') {
      restoreStockWasmKernels();
      restoreStockWebGLKernels();
    } else {
      registerWasmTrainingKernels();
      registerWebGLTrainingKernels();
    }
    backendDetail = info.renderer ?? (info.wasmSimd === null ? config.backend : `SIMD ${info.wasmSimd ? 'on' : 'off'}, ${info.wasmThreads ?? 1} thread(s)`);
  } catch (error) {
    return { status: 'failed', reason: `backend did not start: ${messageOf(error)}` };
  }
  try {
    const speed = config.loop === 'engine' ? await timeEngineTraining(config, config.backend) : await timeTraining(config);
    return { status: 'ok', speed, backendDetail };
  } catch (error) {
    const missing = /Kernel '(\w+)' not registered/.exec(messageOf(error));
    return { status: 'failed', reason: missing ? `cannot train: no ${missing[1]} kernel` : messageOf(error) };
  } finally {
    registerWasmTrainingKernels();
    registerWebGLTrainingKernels();
  }
}

async function timeTraining(config: BenchConfig): Promise<TrainingSpeed> {
  const model = buildTutorialModel();
  const { xs, ys } = syntheticBatch(config.batchSize, 1);
  try {
    const firstStepMs = await timedStep(model, xs, ys);
    if (firstStepMs > config.warmUpOnlyAboveMs) {
      return { imagesPerSecond: (config.batchSize * 1000) / firstStepMs, firstStepMs, stepMs: [] };
    }
    const stepMs: number[] = [];
    const total = (): number => stepMs.reduce((sum, ms) => sum + ms, 0);
    while (stepMs.length < config.minTimedSteps || (total() < config.minTimedMs && stepMs.length < config.maxTimedSteps)) {
      stepMs.push(await timedStep(model, xs, ys));
    }
    return { imagesPerSecond: (config.batchSize * stepMs.length * 1000) / total(), firstStepMs, stepMs };
  } finally {
    tf.dispose([xs, ys]);
    model.optimizer.dispose();
    model.dispose();
  }
}

/** One `trainOnBatch`; it resolves after the loss is read back, so the step's work is done. */
async function timedStep(model: tf.LayersModel, xs: tf.Tensor, ys: tf.Tensor): Promise<number> {
  const startMs = performance.now();
  await model.trainOnBatch(xs, ys);
  return performance.now() - startMs;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
