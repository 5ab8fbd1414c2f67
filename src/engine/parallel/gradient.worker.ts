/**
 * A data-parallel gradient worker's Web Worker entry (issue 19): started by the engine for a training
 * run on wasm, it computes the gradients of its share of every batch (gradient-worker-host.ts).
 */
import type { GradientReply, GradientRequest } from './gradient-protocol';
import { createGradientWorkerHost } from './gradient-worker-host';

/** The slice of `DedicatedWorkerGlobalScope` this file uses (the DOM lib is the project's lib). */
interface WorkerScope {
  postMessage(message: GradientReply, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<GradientRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const handle = createGradientWorkerHost((reply, transfer) => scope.postMessage(reply, transfer));
scope.addEventListener('message', (event) => void handle(event.data));
