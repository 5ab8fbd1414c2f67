/** The benchmark page: exposes `window.benchTrain`, which hands a configuration to the worker. */
import type { BenchConfig, BenchOutcome, BenchPageApi } from '../bench-types';

const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'bench' });

function benchTrain(config: BenchConfig): Promise<BenchOutcome> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<BenchOutcome>): void => {
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

const api: BenchPageApi = { benchTrain };
Object.assign(window, api);
