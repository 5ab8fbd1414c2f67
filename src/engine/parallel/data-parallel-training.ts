/**
 * A run's data-parallel training (issue 19): its gradient workers, how many of them each step uses,
 * and the measurement that decides it. The Trainer hands it every step; with one worker a step is the
 * plain `trainStep` on the coordinator, with more it is `dataParallelStep` — the same update either way.
 */
import type * as tf from '@tensorflow/tfjs';
import { MIN_IMAGES_PER_WORKER, splitBatch, workersForBatch, type BatchShare } from '../../core/training/batch-split';
import type { CifarArrays } from '../../core/data/cifar-format';
import { gatherImages, gatherLabels } from '../../core/data/image-batch';
import type { ModelSpec } from '../../core/model/model-spec';
import { modelWorkerLimit, WorkerCountTrial, type WorkerLimit } from '../../core/training/training-workers';
import type { TrainingWorkersInfo } from '../protocol-train';
import { evaluate, type Evaluation } from '../training/evaluate';
import { microBatchSizeForBackend, StepInterruptedError, trainStep, type StepMeasurement } from '../training/train-step';
import { dataParallelStep, type ParallelStepTimings } from './data-parallel-step';
import { flatLayout } from './flat-weights';
import type { GradientExchange, SpawnGradientWorker } from './gradient-protocol';
import { availableExchange, GradientWorkerPool } from './gradient-pool';

/** How a run may train data-parallel: given by the engine (browser workers) or the CLI (worker threads). */
export interface TrainingWorkersOptions {
  /** Starts one gradient worker. */
  readonly spawn: SpawnGradientWorker;
  /** The most workers this machine should use, and why (`trainingWorkerLimit`). */
  readonly limit: WorkerLimit;
  /** Use exactly this many (within the limit and the batch) instead of measuring; null or absent: measure. */
  readonly fixed?: number | null;
  /** Force an exchange (tests, the benchmark); default: shared memory where the page allows it. */
  readonly exchange?: GradientExchange;
  /** Called whenever the status changes (workers started, the measurement decided, a worker failed). */
  readonly onStatus?: (status: TrainingWorkersStatus) => void;
}

/** How many workers a run trains with, and why — what the badge and the CLI show (the protocol's `TrainingWorkersInfo`). */
export type TrainingWorkersStatus = TrainingWorkersInfo;

/** What `DataParallelTraining.step` takes besides the model and the batch. */
export interface ParallelTrainStepOptions {
  /** The run's step number: picks the dropout masks. */
  readonly step: number;
  /** Keras' label smoothing ε of the run's loss; default 0. */
  readonly labelSmoothing?: number;
  /** Asked between the coordinator's micro-batches; true abandons the step. */
  readonly interrupt?: () => boolean;
}

/** Owns a run's gradient workers until `dispose()`. */
export class DataParallelTraining {
  private pool: GradientWorkerPool | null;
  private trial: WorkerCountTrial | null;
  private note: string;
  private timings: ParallelStepTimings | null = null;

  private constructor(
    pool: GradientWorkerPool | null,
    trial: WorkerCountTrial | null,
    note: string,
    private readonly limit: number,
    private readonly batchSize: number,
    private readonly onStatus: ((status: TrainingWorkersStatus) => void) | undefined,
  ) {
    this.pool = pool;
    this.trial = trial;
    this.note = note;
  }

  /**
   * Start the gradient workers a run at `batchSize` can use (none when the machine or the batch allows
   * only one), each with the model `spec` built from `seed`. Never throws: workers that cannot start
   * leave the run on one worker, and the status says why.
   */
  static async start(options: TrainingWorkersOptions, spec: ModelSpec, seed: number, batchSize: number, variables: readonly tf.Variable[]): Promise<DataParallelTraining> {
    // A model whose update depends on where the batch is cut trains on one worker, even when asked for more.
    const machine = modelWorkerLimit(options.limit, spec);
    const byBatch = workersForBatch(batchSize, machine.workers);
    const fixed = options.fixed ?? null;
    const limit = fixed === null ? byBatch : Math.max(1, Math.min(fixed, byBatch));
    const make = (pool: GradientWorkerPool | null, note: string): DataParallelTraining => {
      const trial = pool && fixed === null ? new WorkerCountTrial(limit, machine.reason) : null;
      const training = new DataParallelTraining(pool, trial, note, limit, batchSize, options.onStatus);
      training.announce();
      return training;
    };
    if (limit === 1) {
      // The model's own rule already says "trains on one worker".
      if (machine !== options.limit) return make(null, machine.reason);
      const why = fixed === 1 ? 'one worker was asked for' : byBatch < machine.workers ? `batches of ${batchSize} images are too small to share (at least ${MIN_IMAGES_PER_WORKER} images per worker)` : machine.reason;
      return make(null, `1 worker: ${why}`);
    }
    try {
      const pool = await GradientWorkerPool.start({ spawn: options.spawn, helpers: limit - 1, spec, seed, layout: flatLayout(variables), exchange: options.exchange ?? availableExchange() });
      return make(pool, fixed === null ? `measuring 1 to ${limit} workers on this run's first batches (${machine.reason})` : `${limit} workers, as asked for (${machine.reason})`);
    } catch (error) {
      return make(null, `1 worker: the gradient workers could not start (${describe(error)})`);
    }
  }

  /** The workers this run uses now, and why. */
  get status(): TrainingWorkersStatus {
    const decision = this.trial?.decision ?? null;
    const workers = this.pool ? (this.trial ? this.trial.next() : this.limit) : 1;
    // Once decided, the trial's own account (with its measurements) says why.
    return {
      workers,
      limit: this.limit,
      measuring: this.trial?.measuring ?? false,
      exchange: this.pool && workers > 1 ? this.pool.exchange : null,
      reason: decision?.reason ?? this.note,
      measured: decision?.measured ?? [],
    };
  }

  /** Where the last data-parallel step's time went (null until one ran, or with one worker). */
  get lastTimings(): ParallelStepTimings | null {
    return this.timings;
  }

  /**
   * Train on one uint8 batch (step `step` of the run): with the workers the measurement (or the fixed
   * count) says for a full batch, with as many as its size allows for a smaller one. A worker that
   * fails ends the pool, and the step — and the run — goes on with one worker.
   * @param options `step`: the run's step number (picks the dropout masks); `labelSmoothing`: as
   *   `trainStep`'s; `interrupt`: as `trainStep`'s, asked between the coordinator's micro-batches. On a
   *   data-parallel step the gradient workers' shares are not interrupted (they are a fraction of the
   *   batch); the step is abandoned once they have answered.
   * @throws StepInterruptedError when `interrupt` abandoned the step (nothing was updated; the workers stay).
   */
  async step(model: tf.LayersModel, optimizer: tf.Optimizer, variables: tf.Variable[], imageBytes: Uint8Array, labelBytes: Uint8Array, options: ParallelTrainStepOptions): Promise<StepMeasurement> {
    const { step, labelSmoothing = 0, interrupt } = options;
    const count = labelBytes.length;
    const full = count === this.batchSize;
    const pool = this.pool;
    const planned = pool ? (this.trial ? this.trial.next() : this.limit) : 1;
    const workers = full ? planned : Math.min(planned, workersForBatch(count, planned));
    const microBatchSize = microBatchSizeForBackend();
    const startMs = performance.now();
    let measurement: StepMeasurement;
    if (!pool || workers === 1) {
      measurement = await trainStep(model, optimizer, variables, imageBytes, labelBytes, { microBatchSize, step, labelSmoothing, interrupt });
    } else {
      try {
        const result = await dataParallelStep(pool, model, optimizer, variables, imageBytes, labelBytes, { step, workers, microBatchSize, labelSmoothing, interrupt });
        measurement = result.measurement;
        this.timings = result.timings;
      } catch (error) {
        // A Stop or Pause, not a failure: the workers are fine and the batch is taken again.
        if (error instanceof StepInterruptedError) throw error;
        // The update was not applied (it comes after every worker answered): redo the step here.
        this.stopWorkers(`1 worker: a gradient worker failed (${describe(error)}), so the run goes on with one`);
        return trainStep(model, optimizer, variables, imageBytes, labelBytes, { microBatchSize, step, labelSmoothing, interrupt });
      }
    }
    if (full && this.trial?.measuring) {
      this.trial.record(workers, count, performance.now() - startMs);
      if (!this.trial.measuring) this.settle();
    }
    return measurement;
  }

  /**
   * Evaluate `model` on the images of `split` at `indices` (a run's validation) as `evaluate` does,
   * its contiguous parts shared among the workers the run uses (the coordinator takes the first). The
   * same loss, accuracy and predictions as one worker, up to the order of adding the losses; one
   * worker (or a worker that fails, which ends the pool) evaluates it all here.
   */
  async evaluate(model: tf.LayersModel, variables: readonly tf.Variable[], split: CifarArrays, indices: Uint32Array, batchSize: number): Promise<Evaluation> {
    const pool = this.pool;
    const available = pool ? pool.size + 1 : 1;
    const workers = pool && indices.length > 0 ? workersForBatch(indices.length, available) : 1;
    if (!pool || workers === 1) return evaluate(model, split, indices, batchSize);
    const parts = splitBatch(indices.length, workers);
    const weights = pool.publishWeights(variables);
    const pending = parts.slice(1).map((part, offset) => {
      const chosen = indices.subarray(part.start, part.end);
      return pool.evaluatePart(offset + 1, gatherImages(split.images, chosen), gatherLabels(split.labels, chosen), batchSize, weights);
    });
    try {
      const own = await evaluate(model, split, indices.subarray(0, (parts[0] as BatchShare).end), batchSize);
      const others = await Promise.all(pending);
      const predictions = new Uint8Array(indices.length);
      predictions.set(own.predictions, 0);
      let lossSum = own.loss * own.predictions.length;
      let correct = Math.round(own.accuracy * own.predictions.length);
      others.forEach((part, offset) => {
        predictions.set(part.predictions, (parts[offset + 1] as BatchShare).start);
        lossSum += part.lossSum;
        correct += part.correct;
      });
      return { loss: lossSum / indices.length, accuracy: correct / indices.length, predictions };
    } catch (error) {
      await Promise.allSettled(pending);
      this.stopWorkers(`1 worker: a gradient worker failed (${describe(error)}), so the run goes on with one`);
      return evaluate(model, split, indices, batchSize);
    }
  }

  /** End the workers. */
  dispose(): void {
    this.pool?.dispose();
    this.pool = null;
  }

  /** The measurement decided: workers beyond the chosen count are ended (each holds its memory). */
  private settle(): void {
    const chosen = this.trial?.decision?.workers ?? 1;
    if (chosen === 1) this.dispose();
    else this.pool?.retain(chosen - 1);
    this.announce();
  }

  private stopWorkers(note: string): void {
    this.dispose();
    this.trial = null;
    this.note = note;
    this.announce();
  }

  private announce(): void {
    this.onStatus?.(this.status);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
