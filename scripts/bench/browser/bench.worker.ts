/**
 * The benchmark's Web Worker: runs one training configuration per message, like the app's engine
 * worker runs tfjs (WebGL through OffscreenCanvas, wasm with its binaries from the page's origin).
 */
import type { BenchConfig, BenchOutcome } from '../bench-types';
import { runTrainingConfig } from '../measure-training';

interface WorkerScope {
  postMessage(message: BenchOutcome): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BenchConfig>) => void): void;
}

const scope = self as unknown as WorkerScope;
// One configuration at a time: the page waits for each answer before sending the next.
scope.addEventListener('message', (event) => {
  void runTrainingConfig(event.data, 'worker').then((outcome) => scope.postMessage(outcome));
});
