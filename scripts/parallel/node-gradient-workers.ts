/**
 * Data-parallel gradient workers in Node (issue 19): `worker_threads` running the engine's own
 * gradient-worker code (src/engine/parallel/gradient-worker-host.ts), for `npm run train`, the
 * benchmark and the tests. The browser's counterpart is src/engine/parallel/browser-gradient-worker.ts.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GradientReply, GradientWorkerPort, SpawnGradientWorker } from '../../src/engine/parallel/gradient-protocol';

/**
 * The worker's entry: a plain .mjs that loads the TypeScript worker through tsx, since a worker thread
 * does not inherit the tsx loader the main thread runs under.
 */
const ENTRY = new URL('./gradient-node-entry.mjs', import.meta.url);

/** Start one gradient worker thread. */
export const spawnNodeGradientWorker: SpawnGradientWorker = (name) => {
  const worker = new Worker(ENTRY, { name });
  let ended = false;
  const port: GradientWorkerPort = {
    post: (request, transfer) => worker.postMessage(request, transfer as ArrayBuffer[]),
    listen: (onReply, onFailure) => {
      worker.on('message', (reply: GradientReply) => onReply(reply));
      worker.on('error', (error: Error) => onFailure(error.message));
      worker.on('exit', (code) => {
        // terminate() ends a thread with code 1: only an exit nobody asked for is a failure.
        if (!ended) onFailure(`the worker thread exited with code ${code}`);
      });
    },
    terminate: () => {
      ended = true;
      void worker.terminate();
    },
  };
  return port;
};

/** Logical cores Node may use (`os.availableParallelism()`), what the browser calls hardwareConcurrency. */
export function nodeLogicalCores(): number {
  return availableParallelism();
}
