/** A Node worker thread that is a data-parallel gradient worker (src/engine/parallel/gradient-worker-host.ts). */
import { parentPort } from 'node:worker_threads';
import type { GradientRequest } from '../../src/engine/parallel/gradient-protocol';
import { createGradientWorkerHost } from '../../src/engine/parallel/gradient-worker-host';

const port = parentPort;
if (!port) throw new Error('gradient-node-worker.ts must run as a worker thread');
const handle = createGradientWorkerHost((reply, transfer) => port.postMessage(reply, transfer as ArrayBuffer[]));
port.on('message', (request: GradientRequest) => void handle(request));
