/**
 * Data-parallel training measured against one worker (issue 19), the way `npm run bench` compares
 * everything: two Trainers of our engine on wasm side by side — one training on its own thread, one
 * with gradient workers — stepped in turn (one worker, all workers, one worker, …), so a slow spell of a
 * shared machine falls on both; then one profiled step of one worker (step-profile.ts). Shared by Node
 * (worker threads) and the bench page's worker (nested Web Workers).
 */
import { DEFAULT_HYPERPARAMETERS } from '../../src/core/training/hyperparameters';
import { DEFAULT_MODEL_SPEC } from '../../src/core/model/model-spec';
import { startBackend } from '../../src/engine/backend';
import type { ParallelStepTimings } from '../../src/engine/parallel/data-parallel-step';
import type { SpawnGradientWorker } from '../../src/engine/parallel/gradient-protocol';
import { buildModel } from '../../src/engine/training/build-model';
import { createOptimizer } from '../../src/engine/training/optimizer';
import { trainableVariables } from '../../src/engine/training/train-step';
import { Trainer } from '../../src/engine/training/trainer';
import { syntheticSplit } from './measure-engine';
import { profileTrainingStep, type StepProfile } from './step-profile';
import { timedStep } from './timed-step';

/** One side-by-side measurement. */
export interface ParallelBenchConfig {
  readonly kind: 'parallel';
  /** Node (worker threads), a Chromium worker on a cross-origin isolated page (shared memory, as the app), or on a plain page (transfer). */
  readonly environment: 'node' | 'chromium-isolated' | 'chromium';
  readonly batchSize: number;
  /** Workers of the data-parallel side (the app's limit on this machine). */
  readonly workers: number;
  /** Timed steps of each side, taken in turn after one untimed step each. */
  readonly pairs: number;
}

/** What it measured. */
export type ParallelBenchOutcome =
  | {
      readonly status: 'ok';
      readonly workers: number;
      readonly exchange: 'shared' | 'transfer' | null;
      /** Logical cores the environment reports (hardwareConcurrency in Chromium). */
      readonly logicalCores: number | null;
      /** Each timed step's wall time, in the order taken, one worker and all workers. */
      readonly oneStepMs: readonly number[];
      readonly allStepMs: readonly number[];
      /** Where each timed data-parallel step's time went. */
      readonly timings: readonly ParallelStepTimings[];
      /** One step of one worker, profiled by kernel. */
      readonly profile: StepProfile;
      readonly backendDetail: string;
    }
  | { readonly status: 'failed'; readonly reason: string };

/** The bench page's data-parallel API, on `window`. */
export interface ParallelBenchPageApi {
  benchParallel(config: ParallelBenchConfig): Promise<ParallelBenchOutcome>;
}

/** True for a message that asks for this measurement. */
export function isParallelBenchConfig(value: unknown): value is ParallelBenchConfig {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'parallel';
}

/** Run the measurement with gradient workers from `spawn`. Never throws. */
export async function runParallelConfig(config: ParallelBenchConfig, spawn: SpawnGradientWorker, host: 'worker' | 'main-thread'): Promise<ParallelBenchOutcome> {
  let backendDetail: string;
  try {
    const info = await startBackend('wasm', host, 'benchmark');
    backendDetail = `SIMD ${info.wasmSimd ? 'on' : 'off'}, ${info.wasmThreads ?? 1} thread(s) per worker`;
  } catch (error) {
    return { status: 'failed', reason: `wasm did not start: ${messageOf(error)}` };
  }
  const { batchSize, workers, pairs } = config;
  const data = { train: syntheticSplit(batchSize * (pairs + 2), 1), test: syntheticSplit(10, 2) };
  const hyperparameters = { ...DEFAULT_HYPERPARAMETERS, batchSize, epochs: 1, trainSubset: null, validationSubset: null };
  const trainers: Trainer[] = [];
  try {
    const one = await Trainer.create({ spec: DEFAULT_MODEL_SPEC, hyperparameters, data, backend: 'wasm' });
    trainers.push(one);
    const all = await Trainer.create({ spec: DEFAULT_MODEL_SPEC, hyperparameters, data, backend: 'wasm', workers: { spawn, limit: { workers, reason: 'the benchmark' }, fixed: workers } });
    trainers.push(all);
    const status = all.workers;
    if (!status || status.workers !== workers) return { status: 'failed', reason: `the data-parallel side runs ${status?.workers ?? 1} worker(s), not ${workers}: ${status?.reason ?? 'no workers'}` };
    await timedStep(one);
    await timedStep(all);
    const oneStepMs: number[] = [];
    const allStepMs: number[] = [];
    const timings: ParallelStepTimings[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      oneStepMs.push(await timedStep(one));
      allStepMs.push(await timedStep(all));
      const last = all.lastParallelTimings;
      if (last) timings.push(last);
    }
    const profile = await profileOneStep(batchSize, data.train);
    const logicalCores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? null;
    return { status: 'ok', workers, exchange: status.exchange, logicalCores, oneStepMs, allStepMs, timings, profile, backendDetail };
  } catch (error) {
    return { status: 'failed', reason: messageOf(error) };
  } finally {
    for (const trainer of trainers) trainer.dispose();
  }
}

/** One untimed step to set up the kernels, then one profiled step, on a model of its own. */
async function profileOneStep(batchSize: number, data: { readonly images: Uint8Array; readonly labels: Uint8Array }): Promise<StepProfile> {
  const model = buildModel(DEFAULT_MODEL_SPEC, 1);
  const { optimizer } = createOptimizer(DEFAULT_HYPERPARAMETERS);
  const variables = trainableVariables(model);
  try {
    await profileTrainingStep(model, optimizer, variables, data, batchSize, 0);
    return await profileTrainingStep(model, optimizer, variables, data, batchSize, 1);
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
