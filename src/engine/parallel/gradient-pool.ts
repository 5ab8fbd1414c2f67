/**
 * The coordinator's side of data-parallel training (issue 19): a pool of gradient workers, started for
 * a run and ended with it, and the exchange of weights and gradients with them — through shared memory
 * where the page is cross-origin isolated (and in Node), by transferred copies elsewhere.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../core/model/model-spec';
import { copyTensorsInto, type FlatLayout } from './flat-weights';
import type { GradientExchange, GradientReply, GradientRequest, GradientWorkerPort, ShareOrder, ShareTimings, SpawnGradientWorker } from './gradient-protocol';

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

/** What a worker's part of a validation gave: summed loss, correct answers, each image's predicted class. */
export interface EvaluationPart {
  readonly lossSum: number;
  readonly correct: number;
  readonly predictions: Uint8Array;
}

/** Weights made available to the workers: their version, and a flat copy to send when exchanging by transfer. */
export interface PublishedWeights {
  readonly version: number;
  readonly flat: Float32Array | null;
}

/** The exchange a page allows: shared memory when `SharedArrayBuffer` exists and the page is cross-origin isolated (Node always is). */
export function availableExchange(): GradientExchange {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated ?? true;
  return typeof SharedArrayBuffer === 'function' && isolated ? 'shared' : 'transfer';
}

interface Waiting {
  /** Turns the worker's reply into the promised value (or throws, when it is not the one awaited). */
  readonly settle: (reply: GradientReply, roundTripMs: number) => void;
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
  private version = 0;

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
   * Make the current weights (`variables`, the coordinator's) available to the workers under a new
   * version: in shared memory, or as a flat copy to send (returned in `flat`).
   */
  publishWeights(variables: readonly tf.Variable[]): PublishedWeights {
    this.version = (this.version + 1) | 0;
    if (this.shared) {
      copyTensorsInto(variables, this.layout, this.shared.weights);
      Atomics.store(this.shared.flags, 0, this.version);
      return { version: this.version, flat: null };
    }
    const flat = new Float32Array(this.layout.size);
    copyTensorsInto(variables, this.layout, flat);
    return { version: this.version, flat };
  }

  /**
   * Send worker `index` (1-based) its share of a batch, computed with the `weights` published (each
   * worker gets its own copy of a flat array; the caller's stays), and resolve with its gradients.
   * @throws Error (rejects) when the pool is broken or the worker fails.
   */
  computeShare(index: number, order: ShareOrder, weights: PublishedWeights): Promise<ShareResult> {
    const images = order.images.slice();
    const labels = order.labels.slice();
    const flat = weights.flat ? weights.flat.slice() : null;
    const request: GradientRequest = { type: 'share', ...order, version: weights.version, images, labels, weights: flat };
    return this.ask(index, request, [images.buffer, labels.buffer, ...(flat ? [flat.buffer] : [])], (reply, roundTripMs) => {
      if (reply.type === 'share-abandoned') throw new Error(`gradient worker ${index} dropped its share: the step was abandoned`);
      if (reply.type !== 'share-done') throw new Error(`gradient worker ${index} answered ${reply.type} to a share`);
      const gradients = reply.gradients ?? this.sharedGradients(index, reply.version);
      if (!gradients) throw new Error(`gradient worker ${index} reported version ${reply.version}, but its shared gradients are not of that version`);
      return { index, loss: reply.loss, correct: reply.correct, gradients, timings: reply.timings, roundTripMs };
    });
  }

  /**
   * Ask every worker still busy (with a share of weights `version`) to drop it between its
   * micro-batches: a Stop or Pause then lands within one micro-batch of each share, not at the end of
   * the workers' shares. Their `computeShare` promises reject; a worker that had already finished
   * answers as usual.
   */
  abandonShares(version: number): void {
    for (const index of this.waiting.keys()) this.ports[index - 1]?.post({ type: 'abandon', version }, []);
  }

  /**
   * Send worker `index` part of a validation — `images` and `labels` (copied), evaluated in batches of
   * `batchSize` with the `weights` published — and resolve with its sums and predictions.
   * @throws Error (rejects) when the pool is broken or the worker fails.
   */
  evaluatePart(index: number, images: Uint8Array, labels: Uint8Array, batchSize: number, weights: PublishedWeights): Promise<EvaluationPart> {
    const ownImages = images.slice();
    const ownLabels = labels.slice();
    const flat = weights.flat ? weights.flat.slice() : null;
    const request: GradientRequest = { type: 'evaluate', version: weights.version, batchSize, images: ownImages, labels: ownLabels, weights: flat };
    return this.ask(index, request, [ownImages.buffer, ownLabels.buffer, ...(flat ? [flat.buffer] : [])], (reply) => {
      if (reply.type !== 'evaluate-done') throw new Error(`gradient worker ${index} answered ${reply.type} to an evaluation`);
      return { lossSum: reply.lossSum, correct: reply.correct, predictions: reply.predictions };
    });
  }

  /** Post `request` to worker `index` and resolve with `read` of its reply; one request per worker at a time. */
  private ask<T>(index: number, request: GradientRequest, transfer: Transferable[], read: (reply: GradientReply, roundTripMs: number) => T): Promise<T> {
    const port = this.ports[index - 1];
    if (!port) return Promise.reject(new Error(`the pool has no gradient worker ${index}`));
    if (this.failure) return Promise.reject(new Error(this.failure));
    if (this.waiting.has(index)) return Promise.reject(new Error(`gradient worker ${index} is still busy with its last request`));
    return new Promise<T>((resolve, reject) => {
      const settle = (reply: GradientReply, roundTripMs: number): void => {
        try {
          resolve(read(reply, roundTripMs));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      this.waiting.set(index, { settle, reject, sentMs: performance.now() });
      port.post(request, transfer);
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
    if (!waiting) return;
    this.waiting.delete(index);
    if (reply.type === 'failed') waiting.reject(new Error(`gradient worker ${index}: ${reply.message}`));
    else waiting.settle(reply, performance.now() - waiting.sentMs);
  }

  /** Worker `index`'s region of shared memory, once its flag says it holds the gradients of weights `version`. */
  private sharedGradients(index: number, version: number): Float32Array | null {
    if (!this.shared || Atomics.load(this.shared.flags, index) !== version) return null;
    return this.shared.gradients.subarray((index - 1) * this.layout.size, index * this.layout.size);
  }

  private fail(message: string): void {
    this.failure ??= message;
    for (const waiting of this.waiting.values()) waiting.reject(new Error(message));
    this.waiting.clear();
  }
}
