/**
 * The engine's Web Worker entry: tfjs runs here so training never freezes the page. WebGL works in a
 * worker through OffscreenCanvas, which tfjs-backend-webgl picks up by itself.
 */
import { createEngine } from './engine';
import { isEngineCommand, type EngineEvent } from './protocol';
import { transferablesOf } from './protocol-data';
import { inspectTransferables } from './protocol-inspect';

/** The slice of `DedicatedWorkerGlobalScope` this file uses (the DOM lib is the project's lib). */
interface WorkerScope {
  postMessage(message: EngineEvent, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;
// Pages of images and inspected activations move their buffers to the page instead of copying them.
const engine = createEngine('worker', (event) => scope.postMessage(event, [...transferablesOf(event), ...inspectTransferables(event)]));

scope.addEventListener('message', (event) => {
  if (isEngineCommand(event.data)) void engine.handle(event.data);
});
