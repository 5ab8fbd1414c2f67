/**
 * The messages between a training run's coordinator (the engine, which owns the model and the
 * optimiser) and its data-parallel gradient workers (issue 19). A gradient worker holds a copy of the
 * model and nothing else: each step it is given the weights and its share of the batch, and it gives
 * back the gradients of that share. Everything here is structured-clone friendly.
 */
import type { ModelSpec } from '../../core/model/model-spec';
import type { FlatLayout } from './flat-weights';

/**
 * How weights and gradients move: through `SharedArrayBuffer`s both sides see (a cross-origin isolated
 * page, and Node), or copied into each message and transferred (any page).
 */
export type GradientExchange = 'shared' | 'transfer';

/**
 * The shared memory of a pool, allocated by the coordinator. `weights`: the model's trainable weights,
 * flat (`FlatLayout`). `gradients`: one flat region per worker, worker k's (1-based) at (k − 1) × layout.size.
 * `flags`: Int32 words for `Atomics` — word 0 the version of the weights `weights` holds (the
 * coordinator counts every publication), word k the version worker k last wrote gradients for — so
 * each side reads only after the other's writes are complete.
 */
export interface SharedExchangeBuffers {
  readonly weights: SharedArrayBuffer;
  readonly gradients: SharedArrayBuffer;
  readonly flags: SharedArrayBuffer;
}

/** What a share request carries besides the weights and their version. */
export interface ShareOrder {
  /** The step number: picks the dropout masks. */
  readonly step: number;
  /** Position of the share's first image in the batch, and the batch's size. */
  readonly firstImage: number;
  readonly batchImages: number;
  readonly microBatchSize: number;
  /** Keras' label smoothing ε of the run's loss (0: none); the weight-decay penalties come with the model. */
  readonly labelSmoothing: number;
  /** The share's images (NHWC uint8) and labels, the worker's own (transferred). */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/** Messages to a gradient worker. */
export type GradientRequest =
  | {
      readonly type: 'init';
      /** The model to build (with `seed`, so its dropout layers draw the coordinator's masks). */
      readonly spec: ModelSpec;
      readonly seed: number;
      /** The coordinator's layout: the worker checks its own model against it. */
      readonly layout: FlatLayout;
      /** 1-based index among the pool's workers (the coordinator computes share 0). */
      readonly index: number;
      /** Shared memory, or null to exchange by transfer. */
      readonly shared: SharedExchangeBuffers | null;
    }
  | ({
      readonly type: 'share';
      /** The version of the weights to use (see `SharedExchangeBuffers`). */
      readonly version: number;
      /** The weights to use, when exchanging by transfer; null when they are in shared memory. */
      readonly weights: Float32Array | null;
    } & ShareOrder)
  | {
      /**
       * Drop the share of weights `version` between its micro-batches (a Stop or Pause abandoned the
       * step): it is answered with `share-abandoned` instead of `share-done`. Handled on arrival, not
       * queued behind the share it is about; for any other version it does nothing.
       */
      readonly type: 'abandon';
      readonly version: number;
    }
  | {
      /** Evaluate (dropout off) the model with these weights on these images: part of a validation. */
      readonly type: 'evaluate';
      readonly version: number;
      readonly batchSize: number;
      readonly images: Uint8Array;
      readonly labels: Uint8Array;
      readonly weights: Float32Array | null;
    };

/** How long a worker spent on the parts of its share, in milliseconds. */
export interface ShareTimings {
  /** Copying the weights into its model. */
  readonly readWeightsMs: number;
  /** Forward and backward passes over its images. */
  readonly computeMs: number;
  /** Copying its gradients out. */
  readonly writeGradientsMs: number;
}

/** Messages from a gradient worker. */
export type GradientReply =
  | { readonly type: 'ready'; readonly index: number; readonly simd: boolean; readonly startMs: number }
  | {
      readonly type: 'share-done';
      readonly index: number;
      /** The version of the weights it used, which tags its shared gradients. */
      readonly version: number;
      /** The share's part of the batch's mean loss, and its count of correct answers. */
      readonly loss: number;
      readonly correct: number;
      /** The share's gradients, flat, when exchanging by transfer; null when written to shared memory. */
      readonly gradients: Float32Array | null;
      readonly timings: ShareTimings;
    }
  | {
      /** The share of weights `version` was dropped on request (`abandon`): no gradients. */
      readonly type: 'share-abandoned';
      readonly index: number;
      readonly version: number;
    }
  | {
      readonly type: 'evaluate-done';
      readonly index: number;
      /** Summed cross-entropy and count of correct answers over its images, and each image's predicted class. */
      readonly lossSum: number;
      readonly correct: number;
      readonly predictions: Uint8Array;
    }
  | { readonly type: 'failed'; readonly index: number; readonly message: string };

/** A worker as the coordinator's pool drives it: a browser `Worker` or a Node `worker_threads` one, adapted. */
export interface GradientWorkerPort {
  post(request: GradientRequest, transfer: Transferable[]): void;
  /** Called with every reply, and with a message when the worker itself fails (script error, crash). */
  listen(onReply: (reply: GradientReply) => void, onFailure: (message: string) => void): void;
  terminate(): void;
}

/** Starts one gradient worker (named for debugging tools). */
export type SpawnGradientWorker = (name: string) => GradientWorkerPort;
