/**
 * What a data-parallel gradient worker does (issue 19), whatever hosts it (a browser Worker, a Node
 * worker thread): start single-threaded wasm with the engine's kernels, build the run's model, and per
 * step take the weights, compute the gradients of its share of the batch (`shareGradients`, the very
 * code a one-worker step runs) and hand them back; after an epoch, evaluate its part of the
 * validation images (`evaluate`, the code a one-worker validation runs). A share the coordinator
 * abandons (`abandon`, on a Stop or Pause) is dropped between its micro-batches.
 */
import * as tf from '@tensorflow/tfjs';
import { CIFAR_IMAGE_BYTES } from '../../core/data/cifar-format';
import { allIndices } from '../../core/training/training-batches';
import { startBackend } from '../backend';
import { buildModel } from '../training/build-model';
import { evaluate } from '../training/evaluate';
import { shareGradients, StepInterruptedError, trainableVariables, type GradientShare } from '../training/train-step';
import { setMinLogicalCoresForThreads } from '../wasm/wasm-backend';
import { assignFromFlat, copyTensorsInto, flatLayout, sameLayout, type FlatLayout } from './flat-weights';
import type { GradientReply, GradientRequest, SharedExchangeBuffers } from './gradient-protocol';

/** A worker's state after `init`. */
interface Prepared {
  readonly index: number;
  readonly model: tf.LayersModel;
  readonly variables: tf.Variable[];
  readonly layout: FlatLayout;
  readonly shared: { readonly weights: Float32Array; readonly gradients: Float32Array; readonly flags: Int32Array } | null;
}

/**
 * Make the worker's message handler. `post` sends a reply (with the buffers to transfer). Requests are
 * handled one at a time in arrival order (the coordinator sends the next share only after this one's
 * reply); a request that fails is answered with `failed`, never thrown.
 */
export function createGradientWorkerHost(post: (reply: GradientReply, transfer: Transferable[]) => void): (request: GradientRequest) => Promise<void> {
  let prepared: Prepared | null = null;
  let index = 0;
  let queue = Promise.resolve();
  /** The weights version whose share the coordinator abandoned (a Stop or Pause), or null. */
  let abandoned: number | null = null;

  async function init(request: Extract<GradientRequest, { type: 'init' }>): Promise<void> {
    const startMs = performance.now();
    index = request.index;
    // One thread per worker: the workers themselves are the parallelism; tfjs's pool would only compete.
    setMinLogicalCoresForThreads(Number.POSITIVE_INFINITY);
    const info = await startBackend('wasm', 'worker', 'a data-parallel gradient worker');
    prepared?.model.dispose();
    const model = buildModel(request.spec, request.seed);
    const variables = trainableVariables(model);
    const layout = flatLayout(variables);
    if (!sameLayout(layout, request.layout)) {
      model.dispose();
      throw new Error(`the worker's model has ${layout.size} weights in ${layout.shapes.length} tensors, the coordinator's ${request.layout.size} in ${request.layout.shapes.length}`);
    }
    prepared = { index, model, variables, layout, shared: request.shared ? sharedViews(request.shared, layout, index) : null };
    post({ type: 'ready', index, simd: info.wasmSimd === true, startMs: performance.now() - startMs }, []);
  }

  /** Give the model the weights of `version`: from shared memory, or those the request carries. */
  function takeWeights(worker: Prepared, version: number, weights: Float32Array | null): void {
    if (worker.shared) {
      const published = Atomics.load(worker.shared.flags, 0);
      if (published !== version) throw new Error(`the shared weights are version ${published}, not ${version}`);
      assignFromFlat(worker.variables, worker.shared.weights, worker.layout);
    } else {
      if (!weights) throw new Error('a request without shared memory must carry its weights');
      assignFromFlat(worker.variables, weights, worker.layout);
    }
  }

  async function evaluateShare(request: Extract<GradientRequest, { type: 'evaluate' }>): Promise<void> {
    const worker = prepared;
    if (!worker) throw new Error('an evaluation came before the worker was set up');
    takeWeights(worker, request.version, request.weights);
    const count = request.labels.length;
    const result = await evaluate(worker.model, { count, images: request.images, labels: request.labels }, allIndices(count), request.batchSize);
    post({ type: 'evaluate-done', index: worker.index, lossSum: result.loss * count, correct: Math.round(result.accuracy * count), predictions: result.predictions }, [result.predictions.buffer]);
  }

  async function share(request: Extract<GradientRequest, { type: 'share' }>): Promise<void> {
    const worker = prepared;
    if (!worker) throw new Error('a share came before the worker was set up');
    const t0 = performance.now();
    takeWeights(worker, request.version, request.weights);
    const t1 = performance.now();
    const count = request.labels.length;
    if (request.images.length !== count * CIFAR_IMAGE_BYTES) throw new Error(`a share of ${count} labels needs ${count * CIFAR_IMAGE_BYTES} image bytes, got ${request.images.length}`);
    const placement = { firstImage: request.firstImage, batchImages: request.batchImages, step: request.step };
    let share: GradientShare;
    try {
      // Asked between micro-batches (which lets an `abandon` message in): a Stop lands within one of them.
      share = await shareGradients(worker.model, worker.variables, request.images, request.labels, placement, request.microBatchSize, { labelSmoothing: request.labelSmoothing, interrupt: () => abandoned === request.version });
    } catch (error) {
      if (!(error instanceof StepInterruptedError)) throw error;
      post({ type: 'share-abandoned', index: worker.index, version: request.version }, []);
      return;
    }
    const { gradients, measured } = share;
    let loss: number;
    let correct: number;
    let flat: Float32Array | null = null;
    let t2: number;
    try {
      [loss = Number.NaN, correct = 0] = measured.dataSync();
      t2 = performance.now();
      if (worker.shared) {
        copyTensorsInto(gradients, worker.layout, worker.shared.gradients);
        Atomics.store(worker.shared.flags, worker.index, request.version);
      } else {
        flat = new Float32Array(worker.layout.size);
        copyTensorsInto(gradients, worker.layout, flat);
      }
    } finally {
      tf.dispose(gradients);
      measured.dispose();
    }
    const timings = { readWeightsMs: t1 - t0, computeMs: t2 - t1, writeGradientsMs: performance.now() - t2 };
    post({ type: 'share-done', index: worker.index, version: request.version, loss, correct, gradients: flat, timings }, flat ? [flat.buffer] : []);
  }

  async function handle(request: GradientRequest): Promise<void> {
    try {
      if (request.type === 'init') await init(request);
      else if (request.type === 'evaluate') await evaluateShare(request);
      else if (request.type === 'share') await share(request);
    } catch (error) {
      post({ type: 'failed', index, message: error instanceof Error ? error.message : String(error) }, []);
    }
  }

  return (request) => {
    // Not queued: it is about the share in progress, which reads it between its micro-batches.
    if (request.type === 'abandon') {
      abandoned = request.version;
      return Promise.resolve();
    }
    queue = queue.then(() => handle(request));
    return queue;
  };
}

/** This worker's views of the pool's shared memory: the weights, its own gradient region, the flags. */
function sharedViews(shared: SharedExchangeBuffers, layout: FlatLayout, index: number): NonNullable<Prepared['shared']> {
  return {
    weights: new Float32Array(shared.weights, 0, layout.size),
    gradients: new Float32Array(shared.gradients, (index - 1) * layout.size * Float32Array.BYTES_PER_ELEMENT, layout.size),
    flags: new Int32Array(shared.flags),
  };
}
