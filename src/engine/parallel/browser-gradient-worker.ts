/**
 * Data-parallel gradient workers in the browser (issue 19): dedicated Web Workers started from the
 * engine's own worker (nested workers) or from the page, each running gradient.worker.ts. Node's
 * counterpart is scripts/parallel/node-gradient-workers.ts.
 */
import { trainingWorkerLimit } from '../../core/training/training-workers';
import type { GradientReply, GradientWorkerPort, SpawnGradientWorker } from './gradient-protocol';
import type { TrainingWorkersOptions } from './data-parallel-training';

/** Start one gradient worker as a module Web Worker. */
export const spawnBrowserGradientWorker: SpawnGradientWorker = (name) => {
  const worker = new Worker(new URL('./gradient.worker.ts', import.meta.url), { type: 'module', name });
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    listen: (onReply, onFailure) => {
      worker.addEventListener('message', (event: MessageEvent<GradientReply>) => onReply(event.data));
      worker.addEventListener('error', (event) => {
        // Handled here: the pool reports it (the run goes on with one worker), so it is no page error.
        event.preventDefault();
        onFailure(event.message || 'the worker script could not be loaded');
      });
      worker.addEventListener('messageerror', () => onFailure('a message from the worker could not be read'));
    },
    terminate: () => worker.terminate(),
  } satisfies GradientWorkerPort;
};

/** What a browser says about itself: `navigator` in a page or a worker (the DOM lib types both). */
interface NavigatorFacts {
  readonly hardwareConcurrency?: number;
  /** Chromium only: device memory in GiB, rounded down, at most 8. */
  readonly deviceMemory?: number;
}

/**
 * Data-parallel training for runs on wasm in this browser: one worker per logical core
 * (`navigator.hardwareConcurrency`) within the device's memory (`navigator.deviceMemory`, where the
 * browser tells), measured on each run's first batches. Null where Web Workers cannot be started here.
 */
export function browserTrainingWorkers(onStatus?: TrainingWorkersOptions['onStatus']): TrainingWorkersOptions | null {
  if (typeof Worker !== 'function') return null;
  const facts = (globalThis as { navigator?: NavigatorFacts }).navigator;
  return { spawn: spawnBrowserGradientWorker, limit: trainingWorkerLimit(facts?.hardwareConcurrency ?? null, facts?.deviceMemory ?? null), onStatus };
}
