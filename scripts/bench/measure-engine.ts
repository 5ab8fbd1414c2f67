/**
 * Our engine's own loops, timed like the stock ones: training steps of the app's `Trainer` and the
 * evaluation it runs after each epoch (`evaluate`), on synthetic CIFAR-shaped uint8 data (speed does
 * not depend on the pixels). Shared by Node and the bench page's worker.
 */
import { CIFAR_IMAGE_BYTES, type CifarArrays } from '../../src/core/data/cifar-format';
import { DEFAULT_HYPERPARAMETERS } from '../../src/core/training/hyperparameters';
import { DEFAULT_MODEL_SPEC } from '../../src/core/model/model-spec';
import { seededRandom } from '../../src/core/common/seeded-random';
import { startBackend } from '../../src/engine/backend';
import { buildModel } from '../../src/engine/training/build-model';
import { evaluate } from '../../src/engine/training/evaluate';
import { Trainer } from '../../src/engine/training/trainer';
import type { BenchConfig, TrainingSpeed } from './bench-types';

/** `count` seeded random images (NHWC uint8) with labels cycling through the ten classes. */
export function syntheticSplit(count: number, seed: number): CifarArrays {
  const random = seededRandom(seed);
  const images = new Uint8Array(count * CIFAR_IMAGE_BYTES);
  for (let i = 0; i < images.length; i++) images[i] = Math.floor(random() * 256);
  return { count, images, labels: Uint8Array.from({ length: count }, (_, i) => i % 10) };
}

/** A training loop set up and ready to step: each call trains one batch and gives its wall time. */
export interface PreparedLoop {
  readonly step: () => Promise<number>;
  readonly dispose: () => void;
}

/**
 * Our engine's `Trainer` on synthetic data, ready to step on the active backend: one worker, an epoch
 * longer than the steps `config` allows, so no validation falls inside the timing.
 */
export async function prepareEngineLoop(config: BenchConfig, backendName: string): Promise<PreparedLoop> {
  const train = syntheticSplit(config.batchSize * (config.maxTimedSteps + 2), 1);
  const trainer = await Trainer.create({
    spec: DEFAULT_MODEL_SPEC,
    hyperparameters: { ...DEFAULT_HYPERPARAMETERS, batchSize: config.batchSize, epochs: 1, trainSubset: null, validationSubset: null },
    data: { train, test: syntheticSplit(10, 2) },
    backend: backendName,
  });
  return {
    step: async () => {
      const startMs = performance.now();
      const outcome = await trainer.step();
      if (outcome.kind !== 'batch') throw new Error(`a timed step ended the epoch (${outcome.kind}); the synthetic epoch is too short`);
      return performance.now() - startMs;
    },
    dispose: () => trainer.dispose(),
  };
}

/**
 * Time a prepared loop: one untimed step, then timed ones as `config` says (a warm-up step over
 * `warmUpOnlyAboveMs` is the only one). Disposes the loop.
 */
export async function timeLoop(loop: PreparedLoop, config: BenchConfig): Promise<TrainingSpeed> {
  try {
    const firstStepMs = await loop.step();
    if (firstStepMs > config.warmUpOnlyAboveMs) return { imagesPerSecond: (config.batchSize * 1000) / firstStepMs, firstStepMs, stepMs: [] };
    const stepMs: number[] = [];
    const total = (): number => stepMs.reduce((sum, ms) => sum + ms, 0);
    while (stepMs.length < config.minTimedSteps || (total() < config.minTimedMs && stepMs.length < config.maxTimedSteps)) stepMs.push(await loop.step());
    return { imagesPerSecond: (config.batchSize * stepMs.length * 1000) / total(), firstStepMs, stepMs };
  } finally {
    loop.dispose();
  }
}

/** Time `Trainer.step()` on the active backend (see `prepareEngineLoop` and `timeLoop`). */
export async function timeEngineTraining(config: BenchConfig, backendName: string): Promise<TrainingSpeed> {
  return timeLoop(await prepareEngineLoop(config, backendName), config);
}

/** One evaluation measurement: the engine's `evaluate` (dropout off, loss + argmax read back) on a backend. */
export interface EvaluationBenchConfig {
  readonly kind: 'evaluate';
  readonly environment: 'node' | 'chromium';
  readonly backend: 'wasm' | 'webgl' | 'cpu';
  readonly batchSize: number;
  /** Aim for this much timed work; the image count is sized from the warm-up (64 to 4 096 images). */
  readonly targetMs: number;
}

/** What an evaluation measurement gave. */
export type EvaluationBenchOutcome =
  | { readonly status: 'ok'; readonly imagesPerSecond: number; readonly images: number; readonly warmUpMs: number; readonly backendDetail: string }
  | { readonly status: 'failed'; readonly reason: string };

/** True for a message that asks for an evaluation measurement. */
export function isEvaluationBenchConfig(value: unknown): value is EvaluationBenchConfig {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'evaluate';
}

/**
 * Start `config.backend` as the engine does, evaluate one batch untimed (kernels compiled), then time
 * `evaluate` over as many whole batches as fit `targetMs` at the warm-up's pace. Never throws.
 */
export async function runEvaluationConfig(config: EvaluationBenchConfig, host: 'worker' | 'main-thread'): Promise<EvaluationBenchOutcome> {
  let backendDetail: string;
  try {
    const info = await startBackend(config.backend, host, 'benchmark');
    backendDetail = info.renderer ?? (info.wasmSimd === null ? config.backend : `SIMD ${info.wasmSimd ? 'on' : 'off'}`);
  } catch (error) {
    return { status: 'failed', reason: `backend did not start: ${error instanceof Error ? error.message : String(error)}` };
  }
  const model = buildModel(DEFAULT_MODEL_SPEC, 1);
  try {
    const split = syntheticSplit(4096, 3);
    const indices = (count: number): Uint32Array => Uint32Array.from({ length: count }, (_, i) => i);
    const warmStart = performance.now();
    await evaluate(model, split, indices(config.batchSize), config.batchSize);
    const warmUpMs = performance.now() - warmStart;
    const batches = Math.min(4096 / config.batchSize, Math.max(1, Math.round((config.targetMs / warmUpMs))));
    const images = batches * config.batchSize;
    const startMs = performance.now();
    await evaluate(model, split, indices(images), config.batchSize);
    return { status: 'ok', imagesPerSecond: (images * 1000) / (performance.now() - startMs), images, warmUpMs, backendDetail };
  } catch (error) {
    return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    model.dispose();
  }
}

/** The bench page's evaluation API, on `window`. */
export interface EvaluationBenchPageApi {
  benchEvaluate(config: EvaluationBenchConfig): Promise<EvaluationBenchOutcome>;
}
