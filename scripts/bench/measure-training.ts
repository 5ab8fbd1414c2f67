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
import { prepareEngineLoop, timeEngineTraining, timeLoop, type PreparedLoop } from './measure-engine';

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
  return timeLoop(prepareStockLoop(config), config);
}

/** Stock `trainOnBatch` on the tutorial model and one synthetic batch, ready to step. */
function prepareStockLoop(config: BenchConfig): PreparedLoop {
  const model = buildTutorialModel();
  const { xs, ys } = syntheticBatch(config.batchSize, 1);
  return {
    step: async () => {
      const startMs = performance.now();
      // It resolves after the loss is read back, so the step's work is done.
      await model.trainOnBatch(xs, ys);
      return performance.now() - startMs;
    },
    dispose: () => {
      tf.dispose([xs, ys]);
      model.optimizer.dispose();
      model.dispose();
    },
  };
}

/** A request to time several configurations on one backend with our kernels, their steps interleaved. */
export interface InterleavedBenchRequest {
  readonly kind: 'interleaved';
  readonly configs: readonly BenchConfig[];
}

/** True for a message that asks for an interleaved measurement. */
export function isInterleavedBenchRequest(value: unknown): value is InterleavedBenchRequest {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'interleaved';
}

/**
 * Time `configs` — loops on one backend, all with our kernels — side by side: each set up and stepped
 * once untimed, then one timed step of each in turn (A, B, A, B, …; the order reversed every round),
 * until every one has the steps its config asks for; all get as many. A slow spell of a shared
 * machine so falls on all of them, and their spreads can be compared. Never throws.
 */
export async function runInterleavedConfigs(configs: readonly BenchConfig[], host: 'worker' | 'main-thread'): Promise<BenchOutcome[]> {
  const [first] = configs;
  const failed = (reason: string): BenchOutcome[] => configs.map(() => ({ status: 'failed', reason }));
  if (!first || configs.some((c) => c.backend !== first.backend || c.kernels !== 'ours' || c.batchSize !== first.batchSize)) return failed('interleaved configurations must share a backend and batch size and use our kernels');
  let backendDetail: string;
  try {
    const info = await startBackend(first.backend, host, 'benchmark');
    registerWasmTrainingKernels();
    registerWebGLTrainingKernels();
    backendDetail = info.renderer ?? (info.wasmSimd === null ? first.backend : `SIMD ${info.wasmSimd ? 'on' : 'off'}, ${info.wasmThreads ?? 1} thread(s)`);
  } catch (error) {
    return failed(`backend did not start: ${messageOf(error)}`);
  }
  const loops: PreparedLoop[] = [];
  try {
    for (const config of configs) loops.push(config.loop === 'engine' ? await prepareEngineLoop(config, config.backend) : prepareStockLoop(config));
    const firstStepMs: number[] = [];
    for (const loop of loops) firstStepMs.push(await loop.step());
    const stepMs: number[][] = configs.map(() => []);
    const satisfied = (index: number): boolean => {
      const config = configs[index] as BenchConfig;
      const taken = stepMs[index] as number[];
      const total = taken.reduce((sum, ms) => sum + ms, 0);
      return taken.length >= config.maxTimedSteps || (taken.length >= config.minTimedSteps && total >= config.minTimedMs);
    };
    for (let round = 0; !configs.every((_, index) => satisfied(index)); round++) {
      const order = loops.map((_, index) => index);
      if (round % 2 === 1) order.reverse();
      for (const index of order) (stepMs[index] as number[]).push(await (loops[index] as PreparedLoop).step());
    }
    return configs.map((config, index) => {
      const taken = stepMs[index] as number[];
      const total = taken.reduce((sum, ms) => sum + ms, 0);
      return { status: 'ok', speed: { imagesPerSecond: (config.batchSize * taken.length * 1000) / total, firstStepMs: firstStepMs[index] ?? 0, stepMs: taken }, backendDetail: `${backendDetail}; steps interleaved with ${configs.length - 1} other loop(s)` };
    });
  } catch (error) {
    return failed(messageOf(error));
  } finally {
    for (const loop of loops) loop.dispose();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
