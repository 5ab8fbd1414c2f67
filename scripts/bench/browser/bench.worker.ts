/**
 * The benchmark's Web Worker: runs one training configuration per message, like the app's engine
 * worker runs tfjs (WebGL through OffscreenCanvas, wasm with its binaries from the page's origin).
 */
import type { BenchConfig, BenchOutcome } from '../bench-types';
import { isInterleavedBenchRequest, runInterleavedConfigs, runTrainingConfig, type InterleavedBenchRequest } from '../measure-training';
import { isClassifyBenchConfig, runClassifyConfig, type ClassifyBenchConfig, type ClassifyBenchOutcome } from '../measure-classify';
import { isEvaluationBenchConfig, runEvaluationConfig, type EvaluationBenchConfig, type EvaluationBenchOutcome } from '../measure-engine';
import { isParallelBenchConfig, runParallelConfig, type ParallelBenchConfig, type ParallelBenchOutcome } from '../measure-parallel';
import { spawnBrowserGradientWorker } from '../../../src/engine/parallel/browser-gradient-worker';

interface WorkerScope {
  postMessage(message: BenchOutcome | BenchOutcome[] | ClassifyBenchOutcome | EvaluationBenchOutcome | ParallelBenchOutcome): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BenchConfig | ClassifyBenchConfig | EvaluationBenchConfig | ParallelBenchConfig | InterleavedBenchRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
// One configuration at a time: the page waits for each answer before sending the next.
scope.addEventListener('message', (event) => {
  const config = event.data;
  if (isClassifyBenchConfig(config)) void runClassifyConfig(config, 'worker').then((outcome) => scope.postMessage(outcome));
  else if (isEvaluationBenchConfig(config)) void runEvaluationConfig(config, 'worker').then((outcome) => scope.postMessage(outcome));
  else if (isInterleavedBenchRequest(config)) void runInterleavedConfigs(config.configs, 'worker').then((outcomes) => scope.postMessage(outcomes));
  // Data-parallel training: the gradient workers are Web Workers started from this one, as in the app.
  else if (isParallelBenchConfig(config)) void runParallelConfig(config, spawnBrowserGradientWorker, 'worker').then((outcome) => scope.postMessage(outcome));
  else void runTrainingConfig(config, 'worker').then((outcome) => scope.postMessage(outcome));
});
