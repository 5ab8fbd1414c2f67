/**
 * The coordinator's side of data-parallel training (issue 19): a pool of gradient workers, started for
 * a run and ended with it, and the exchange of weights and gradients with them — through shared memory
 * where the page is cross-origin isolated (and in Node), by transferred copies elsewhere.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../core/model-spec';
import { copyTensorsInto, type FlatLayout } from './flat-weights';
import type { GradientExchange, GradientReply, GradientRequest, GradientWorkerPort, ShareTimings, SpawnGradientWorker } from './gradient-protocol';

/** How long a worker may take to start (load wasm, build the model) before the pool gives up on it. */
export const WORKER_START_TIMEOUT_MS = 60_000;

/** What a worker gave back for its share. */
export interface ShareResult {
  readonly index: number;
  /** The share's part of the batch's mean loss, and its count of correct answers. */
  readonly loss: number;
  readonly correct: number;
  /** Its gradients, flat: a view of shared memory (valid until its next share) or its own array. */
  readonly gradients: Float32Array;
  readonly timings: ShareTimings;
  /** From sending the share to reading the reply, in milliseconds. */
  readonly roundTripMs: number;
}

/** What a share request carries besides the weights. */
export interface ShareOrder {
  readonly step: number;
  readonly firstImage: number;
  readonly batchImages: number;
  readonly microBatchSize: number;
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/** The exchange a page allows: shared memory when `SharedArrayBuffer` exists and the page is cross-origin isolated (Node always is). */
export function availableExchange(): GradientExchange {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated ?? true;
  return typeof SharedArrayBuffer === 'function' && isolated ? 'shared' : 'transfer';
}

interface Waiting {
  readonly resolve: (result: ShareResult) => void;
  readonly reject: (error: Error) => void;
  readonly sentMs: number;
}

/**
 * Gradient workers 1 … size (the coordinator computes share 0 itself). Owns the workers until
 * `dispose()`. A worker that fails makes the pool `broken`: its pending and later shares reject.
 */
export class GradientWorkerPool {
  private readonly waiting = new Map<number, Waiting>();
  private failure: string | null = null;

  private constructor(
    private readonly ports: GradientWorkerPort[],
    readonly exchange: GradientExchange,
    private readonly layout: FlatLayout,
    private readonly shared: { readonly weights: Float32Array; readonly gradients: Float32Array; readonly flags: Int32Array } | null,
  ) {}

  /**
   * Start `helpers` workers with `spawn`, each building `spec` (from `seed`) and checking it against
   * `layout`, and wait until all are ready.
   * @throws Error when a worker cannot start or fails to (all are terminated then).
   */
  static async start(options: { readonly spawn: SpawnGradientWorker; readonly helpers: number; readonly spec: ModelSpec; readonly seed: number; readonly layout: FlatLayout; readonly exchange: GradientExchange; readonly timeoutMs?: number }): Promise<GradientWorkerPool> {
    const { spawn, helpers, spec, seed, layout, exchange } = options;
    const bytes = layout.size * Float32Array.BYTES_PER_ELEMENT;
    const buffers = exchange === 'shared' ? { weights: new SharedArrayBuffer(bytes), gradients: new SharedArrayBuffer(bytes * helpers), flags: new SharedArrayBuffer(4 * (helpers + 1)) } : null;
    const ports: GradientWorkerPort[] = [];
    try {
      for (let index = 1; index <= helpers; index++) ports.push(spawn(`gradient worker ${index}`));
    } catch (error) {
      for (const port of ports) port.terminate();
      throw error;
    }
    const shared = buffers ? { weights: new Float32Array(buffers.weights), gradients: new Float32Array(buffers.gradients), flags: new Int32Array(buffers.flags) } : null;
    const pool = new GradientWorkerPool(ports, exchange, layout, shared);
    try {
      await pool.startAll(spec, seed, buffers, options.timeoutMs ?? WORKER_START_TIMEOUT_MS);
    } catch (error) {
      pool.dispose();
      throw error;
    }
    return pool;
  }

  /** Gradient workers in the pool (besides the coordinator). */
  get size(): number {
    return this.ports.length;
  }

  /** Why the pool stopped working, or null while it works. */
  get broken(): string | null {
    return this.failure;
  }

  /**
   * Make the weights of `step` (`variables`, the coordinator's) available to the workers: in shared
   * memory (returns null), or as a flat copy to send (returned).
   */
  publishWeights(variables: readonly tf.Variable[], step: number): Float32Array | null {
    if (this.shared) {
      copyTensorsInto(variables, this.layout, this.shared.weights);
      Atomics.store(this.shared.flags, 0, step);
      return null;
    }
    const flat = new Float32Array(this.layout.size);
    copyTensorsInto(variables, this.layout, flat);
    return flat;
  }

  /**
   * Send worker `index` (1-based) its share, with `weights` when exchanging by transfer (it gets its
   * own copy; `weights` stays the caller's), and resolve with its gradients.
   * @throws Error (rejects) when the pool is broken or the worker fails.
   */
  computeShare(index: number, order: ShareOrder, weights: Float32Array | null): Promise<ShareResult> {
    const port = this.ports[index - 1];
    if (!port) return Promise.reject(new Error(`the pool has no gradient worker ${index}`));
    if (this.failure) return Promise.reject(new Error(this.failure));
    if (this.waiting.has(index)) return Promise.reject(new Error(`gradient worker ${index} is still busy with its last share`));
    const images = order.images.slice();
    const labels = order.labels.slice();
    const ownWeights = weights ? weights.slice() : null;
    const request: GradientRequest = { type: 'share', ...order, images, labels, weights: ownWeights };
    return new Promise<ShareResult>((resolve, reject) => {
      this.waiting.set(index, { resolve, reject, sentMs: performance.now() });
      port.post(request, [images.buffer, labels.buffer, ...(ownWeights ? [ownWeights.buffer] : [])]);
    });
  }

  /** End the workers after the first `helpers` (they are idle: shares go to the first ones). */
  retain(helpers: number): void {
    for (const port of this.ports.splice(Math.max(0, helpers))) port.terminate();
  }

  /** End every worker; pending shares reject. */
  dispose(): void {
    this.fail('the gradient workers were ended');
    for (const port of this.ports) port.terminate();
  }

  private startAll(spec: ModelSpec, seed: number, buffers: { weights: SharedArrayBuffer; gradients: SharedArrayBuffer; flags: SharedArrayBuffer } | null, timeoutMs: number): Promise<void> {
    const ready = new Set<number>();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the gradient workers did not start within ${timeoutMs / 1000} s`)), timeoutMs);
      const done = (error: Error | null): void => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      this.ports.forEach((port, offset) => {
        const index = offset + 1;
        port.listen(
          (reply) => {
            if (reply.type === 'ready') {
              ready.add(reply.index);
              if (ready.size === this.ports.length) done(null);
            } else if (reply.type === 'failed' && !ready.has(index)) {
              done(new Error(`gradient worker ${index} could not start: ${reply.message}`));
            }
            this.onReply(index, reply);
          },
          (message) => {
            if (!ready.has(index)) done(new Error(`gradient worker ${index} could not start: ${message}`));
            this.fail(`gradient worker ${index} failed: ${message}`);
          },
        );
        port.post({ type: 'init', spec, seed, layout: this.layout, index, shared: buffers }, []);
      });
    });
  }

  private onReply(index: number, reply: GradientReply): void {
    if (reply.type === 'ready') return;
    const waiting = this.waiting.get(index);
    if (reply.type === 'failed') {
      if (waiting) {
        this.waiting.delete(index);
        waiting.reject(new Error(`gradient worker ${index}: ${reply.message}`));
      }
      return;
    }
    if (!waiting) return;
    this.waiting.delete(index);
    const gradients = reply.gradients ?? this.sharedGradients(index, reply.step);
    if (!gradients) {
      waiting.reject(new Error(`gradient worker ${index} reported step ${reply.step}, but its shared gradients are not of that step`));
      return;
    }
    waiting.resolve({ index, loss: reply.loss, correct: reply.correct, gradients, timings: reply.timings, roundTripMs: performance.now() - waiting.sentMs });
  }

  /** Worker `index`'s region of shared memory, once its flag says it holds `step`'s gradients. */
  private sharedGradients(index: number, step: number): Float32Array | null {
    if (!this.shared || Atomics.load(this.shared.flags, index) !== step) return null;
    return this.shared.gradients.subarray((index - 1) * this.layout.size, index * this.layout.size);
  }

  private fail(message: string): void {
    this.failure ??= message;
    for (const waiting of this.waiting.values()) waiting.reject(new Error(message));
    this.waiting.clear();
  }
}
