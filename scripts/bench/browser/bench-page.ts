/** The benchmark page: exposes `window.benchTrain`, `window.benchClassify` and `window.benchEvaluate`, which hand a configuration to the worker. */
import type { BenchConfig, BenchOutcome, BenchPageApi, InterleavedBenchPageApi } from '../bench-types';
import type { InterleavedBenchRequest } from '../measure-training';
import type { ClassifyBenchConfig, ClassifyBenchOutcome, ClassifyBenchPageApi } from '../measure-classify';
import type { EvaluationBenchConfig, EvaluationBenchOutcome, EvaluationBenchPageApi } from '../measure-engine';
import type { ParallelBenchConfig, ParallelBenchOutcome, ParallelBenchPageApi } from '../measure-parallel';

const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'bench' });

function benchTrain(config: BenchConfig): Promise<BenchOutcome> {
  return ask<BenchOutcome>(config);
}

/** A classify-latency measurement (scripts/bench/measure-classify.ts), in the same worker. */
function benchClassify(config: ClassifyBenchConfig): Promise<ClassifyBenchOutcome> {
  return ask<ClassifyBenchOutcome>(config);
}

/** An evaluation measurement (scripts/bench/measure-engine.ts), in the same worker. */
function benchEvaluate(config: EvaluationBenchConfig): Promise<EvaluationBenchOutcome> {
  return ask<EvaluationBenchOutcome>(config);
}

/** Configurations on one backend with their steps interleaved (scripts/bench/measure-training.ts), in the same worker. */
async function benchInterleaved(configs: readonly BenchConfig[]): Promise<BenchOutcome[]> {
  const answer = await ask<BenchOutcome[]>({ kind: 'interleaved', configs });
  return Array.isArray(answer) ? answer : configs.map(() => answer);
}

/** One worker against data-parallel workers (scripts/bench/measure-parallel.ts), in the same worker. */
function benchParallel(config: ParallelBenchConfig): Promise<ParallelBenchOutcome> {
  return ask<ParallelBenchOutcome>(config);
}

/** Send one message to the worker and resolve with its one answer, or a failed outcome if it breaks. */
function ask<Outcome>(config: BenchConfig | ClassifyBenchConfig | EvaluationBenchConfig | ParallelBenchConfig | InterleavedBenchRequest): Promise<Outcome | { status: 'failed'; reason: string }> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<Outcome>): void => {
      worker.removeEventListener('error', onError);
      resolve(event.data);
    };
    const onError = (event: ErrorEvent): void => {
      worker.removeEventListener('message', onMessage);
      resolve({ status: 'failed', reason: `worker error: ${event.message}` });
    };
    worker.addEventListener('message', onMessage, { once: true });
    worker.addEventListener('error', onError, { once: true });
    worker.postMessage(config);
  });
}

const api: BenchPageApi & ClassifyBenchPageApi & EvaluationBenchPageApi & ParallelBenchPageApi & InterleavedBenchPageApi = { benchTrain, benchClassify, benchEvaluate, benchParallel, benchInterleaved };
Object.assign(window, api);
