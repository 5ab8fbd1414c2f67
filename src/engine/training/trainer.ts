import type * as tf from '@tensorflow/tfjs';
import { CIFAR_IMAGE_BYTES } from '../../core/data/cifar-format';
import { trainingPool, validationPool } from '../../core/training/run-pools';
import { describeEarlyStop, earlyStoppingOnEpochEnd, initialEarlyStoppingState, type EarlyStoppingState } from '../../core/training/early-stopping';
import { hyperparametersFromSaved, type TrainingHyperparameters } from '../../core/training/hyperparameters';
import { augmentationSeed, augmentBatchInPlace, TRAINING_AUGMENTATION } from '../../core/data/image-augment';
import { gatherImages, gatherLabels } from '../../core/data/image-batch';
import { batchDivergence, describeDivergence, DIVERGENCE_WINDOW, epochDivergence, worthMeasuringWeights, type Divergence } from '../../core/training/divergence';
import { scheduledLearningRate } from '../../core/training/lr-schedule';
import { MODEL_CLASS_COUNT, type ModelSpec } from '../../core/model/model-spec';
import { mulberry32 } from '../../core/common/seeded-random';
import { batchSlice, epochOrder } from '../../core/training/training-batches';
import { runBatchSizes, type RunBatchSizes } from '../../core/training/warm-up-batches';
import { accumulateBatch, batchesPerEpoch, EMPTY_EPOCH_ACCUMULATOR, type BatchPoint, type EpochAccumulator, type EpochSummary } from '../../core/training/training-record';
import { DataParallelTraining, type TrainingWorkersStatus } from '../parallel/data-parallel-training';
import type { ParallelStepTimings } from '../parallel/data-parallel-step';
import { buildModel } from './build-model';
import { startFromSource } from './transfer';
import type { TrainingCheckpoint } from './checkpoint';
import { evaluate } from './evaluate';
import { createOptimizer, OptimizerSnapshot, type TrainingOptimizer } from './optimizer';
import { StepInterruptedError, trainableVariables, trainStep, type StepMeasurement } from './train-step';
import { runWarmUpPasses } from './warm-up';
import { readTrainingWeights, weightNorm, WeightSnapshot, writeModelWeights, writeOptimizerWeights } from './weights';
import type { InterruptedStep, StepOutcome, TrainerOptions, TrainerTransfer, TrainingData, TrainingPosition } from './trainer-types';

/**
 * The settings a run trains with: a checkpoint's own (read as `hyperparametersFromSaved` reads them,
 * older checkpoints lack `augment`) with `requested.epochs`, which may extend it; without a checkpoint,
 * `requested`.
 */
export function runHyperparameters(requested: TrainingHyperparameters, checkpoint: TrainingCheckpoint | null): TrainingHyperparameters {
  return checkpoint ? { ...hyperparametersFromSaved(checkpoint.hyperparameters), epochs: requested.epochs } : requested;
}

/**
 * One training run, step by step: the model, the optimiser, where the run is, and what it recorded.
 * It does not loop by itself; the worker's controller (pause, resume, step, stop) and the CLI drive it.
 *
 * Owns the model, the optimiser and its snapshots until `dispose()`.
 */
export class Trainer {
  private optimizer: TrainingOptimizer;
  private variables: tf.Variable[];
  private order: Uint32Array;
  private epoch: number;
  private batch = 0;
  private iteration: number;
  private sums: EpochAccumulator = EMPTY_EPOCH_ACCUMULATOR;
  private readonly batches: BatchPoint[];
  private readonly epochs: EpochSummary[];
  private earlyStopping: EarlyStoppingState;
  private stopMessage: string | null = null;
  private readonly imageBuffer: Uint8Array;
  private lastGood: { weights: WeightSnapshot; optimizer: OptimizerSnapshot } | null = null;
  /** The weights' L2 norm when this trainer was made: the divergence rule's yardstick for "exploding". */
  private startNorm = Number.NaN;

  private constructor(
    readonly model: tf.LayersModel,
    readonly spec: ModelSpec,
    readonly settings: TrainingHyperparameters,
    private readonly data: TrainingData,
    private readonly backend: string,
    private readonly trainPool: Uint32Array,
    private readonly validationPool: Uint32Array,
    private readonly nowMs: () => number,
    private bestWeights: WeightSnapshot | null,
    checkpoint: TrainingCheckpoint | null,
    optimizer: TrainingOptimizer,
    private readonly parallel: DataParallelTraining | null,
  ) {
    this.optimizer = optimizer;
    this.variables = trainableVariables(model);
    this.epoch = checkpoint?.epochsDone ?? 0;
    this.iteration = checkpoint?.iteration ?? 0;
    this.batches = [...(checkpoint?.history.batches ?? [])];
    this.epochs = [...(checkpoint?.history.epochs ?? [])];
    this.earlyStopping = checkpoint?.earlyStopping ?? initialEarlyStoppingState(settings.earlyStopping);
    this.order = epochOrder(trainPool, settings.seed, this.epoch);
    this.imageBuffer = new Uint8Array(settings.batchSize * CIFAR_IMAGE_BYTES);
  }

  /**
   * Build the model and optimiser, pick the run's images, and (from a checkpoint) restore everything.
   * @throws ModelSpecError for a bad spec; Error when a checkpoint does not fit its own spec.
   */
  static async create(options: TrainerOptions): Promise<Trainer> {
    const checkpoint = options.checkpoint ?? null;
    const spec = checkpoint?.spec ?? options.spec;
    const settings = runHyperparameters(options.hyperparameters, checkpoint);
    const { train, test } = options.data;
    const trainPool = trainingPool(train, settings);
    const validationImages = validationPool(test, settings);
    const model = buildModel(spec, settings.seed, options.classCount);
    const transfer = options.transfer ?? null;
    const optimizer = createOptimizer(settings);
    let best: WeightSnapshot | null = null;
    try {
      // Frozen before anything lists the trainable variables: the optimiser's slots follow that list.
      if (transfer) freezeLayers(model, transfer);
      if (checkpoint) {
        writeModelWeights(model, checkpoint.weights.model);
        await writeOptimizerWeights(optimizer.optimizer, checkpoint.weights.optimizer);
        if (checkpoint.bestWeights) best = WeightSnapshot.fromArrays(checkpoint.bestWeights);
      } else if (transfer) {
        if (!transfer.source) throw new Error('the network to start from is missing: transfer learning copies its first layers when the run starts');
        startFromSource(model, transfer.source, transfer.keptLayers, transfer.freeze);
      }
    } catch (error) {
      model.dispose();
      optimizer.optimizer.dispose();
      throw error;
    }
    // Data-parallel only on wasm: the workers run our wasm kernels, and webgl wants the batch whole. Not
    // for a class set's run (its workers would build a ten-class network with every layer trainable,
    // and its batches of 16 gain nothing from sharing).
    const parallel = options.workers && options.backend === 'wasm' && !transfer && (options.classCount ?? MODEL_CLASS_COUNT) === MODEL_CLASS_COUNT ? await DataParallelTraining.start(options.workers, spec, settings.seed, settings.batchSize, trainableVariables(model)) : null;
    const trainer = new Trainer(model, spec, settings, options.data, options.backend, trainPool, validationImages, options.nowMs ?? (() => performance.now()), best, checkpoint, optimizer, parallel);
    trainer.startNorm = await weightNorm(trainer.variables);
    await trainer.markLastGood();
    return trainer;
  }

  /** The next step's place in the run. */
  get position(): TrainingPosition {
    return {
      epoch: this.epoch,
      batch: this.batch,
      iteration: this.iteration,
      batchesPerEpoch: batchesPerEpoch(this.trainPool.length, this.settings.batchSize),
      epochs: this.settings.epochs,
    };
  }

  /** What this run trains and validates on (shared with the caller: never write into it). */
  get trainingData(): TrainingData {
    return this.data;
  }

  /** True when every epoch has run or early stopping ended the run. */
  get done(): boolean {
    return this.epoch >= this.settings.epochs || this.earlyStopping.stoppedEpoch !== null;
  }

  /** Why the run ended early, or null. */
  get earlyStopMessage(): string | null {
    return this.stopMessage;
  }

  /** The network's classes: its last layer's units (10 for CIFAR-10; the divergence rule's thresholds scale with ln N). */
  get classCount(): number {
    const units = this.model.outputs[0]?.shape.at(-1);
    return typeof units === 'number' && units > 1 ? units : MODEL_CLASS_COUNT;
  }

  /** Images per epoch and in each validation. */
  get sizes(): { readonly trainImages: number; readonly validationImages: number } {
    return { trainImages: this.trainPool.length, validationImages: this.validationPool.length };
  }

  /** How many data-parallel workers train this run, and why; null when the run trains on this thread only. */
  get workers(): TrainingWorkersStatus | null {
    return this.parallel?.status ?? null;
  }

  /** Where the last data-parallel step's time went (the benchmark's profile); null without one. */
  get lastParallelTimings(): ParallelStepTimings | null {
    return this.parallel?.lastTimings ?? null;
  }

  /** Everything recorded so far (copies). */
  get history(): { readonly batches: readonly BatchPoint[]; readonly epochs: readonly EpochSummary[] } {
    return { batches: [...this.batches], epochs: [...this.epochs] };
  }

  /**
   * Train on the next batch (mirrored and shifted first when the settings say `augment`); after an epoch's last batch, validate, consult early stopping and keep the
   * weights as the new "last good" ones. After the batch, and after the epoch's validation, the
   * divergence rule (core/training/divergence.ts) is consulted: a diverged run is put back to its last good
   * epoch and the outcome says why and what to change.
   * @param interrupt asked between micro-batches (trainStep): true abandons the batch, which the next step takes again.
   * @throws Error when the run is done.
   */
  async step(): Promise<StepOutcome>;
  async step(interrupt: () => boolean): Promise<StepOutcome | InterruptedStep>;
  async step(interrupt?: () => boolean): Promise<StepOutcome | InterruptedStep> {
    if (this.done) throw new Error('the run is finished; start a new one');
    const startMs = this.nowMs();
    const chosen = batchSlice(this.order, this.batch, this.settings.batchSize);
    const { batchesPerEpoch: perEpoch, epochs } = this.position;
    const learningRate = scheduledLearningRate(this.settings, this.iteration, perEpoch * epochs);
    this.optimizer.setLearningRate(learningRate);
    const images = gatherImages(this.data.train.images, chosen, this.imageBuffer).subarray(0, chosen.length * CIFAR_IMAGE_BYTES);
    // In place on the trainer's own copy: the data set keeps its pixels, and labels are unchanged.
    if (this.settings.augment) augmentBatchInPlace(images, TRAINING_AUGMENTATION, mulberry32(augmentationSeed(this.settings.seed, this.iteration)));
    const labels = gatherLabels(this.data.train.labels, chosen);
    let measured: StepMeasurement;
    try {
      // Either path gives the same update and measurement, so the divergence rule below applies to both.
      const options = { step: this.iteration, labelSmoothing: this.settings.labelSmoothing, interrupt };
      measured = this.parallel
        ? await this.parallel.step(this.model, this.optimizer.optimizer, this.variables, images, labels, options)
        : await trainStep(this.model, this.optimizer.optimizer, this.variables, images, labels, options);
    } catch (error) {
      if (error instanceof StepInterruptedError) return { kind: 'interrupted' };
      throw error;
    }
    const point: BatchPoint = { iteration: this.iteration, epoch: this.epoch, batch: this.batch, loss: measured.loss, accuracy: measured.accuracy, learningRate };
    this.batches.push(point);
    // The norm is read only when the loss looks wrong, so a healthy run pays nothing for it.
    const growth = Number.isFinite(measured.loss) && worthMeasuringWeights(point, this.classCount) ? (await weightNorm(this.variables)) / this.startNorm : null;
    const diverged = batchDivergence(this.batches.slice(-DIVERGENCE_WINDOW), growth, this.classCount);
    if (diverged) return { kind: 'diverged', point, message: await this.recoverFromDivergence(diverged) };
    this.iteration += 1;
    this.batch += 1;
    this.sums = accumulateBatch(this.sums, chosen.length, measured.loss, measured.accuracy, (this.nowMs() - startMs) / 1000);
    if (this.batch < this.position.batchesPerEpoch) return { kind: 'batch', point };
    const finished = await this.finishEpoch(point);
    if ('diverged' in finished) return { kind: 'diverged', point, message: await this.recoverFromDivergence(finished.diverged) };
    const { summary, predictions } = finished;
    const validation = { indices: this.validationPool.slice(), labels: gatherLabels(this.data.test.labels, this.validationPool), predictions };
    return { kind: 'epoch', point, summary, stopMessage: this.stopMessage, validation };
  }

  /** The distinct batch sizes this run trains and validates on. */
  get batchSizes(): RunBatchSizes {
    return runBatchSizes(this.trainPool.length, this.validationPool.length, this.settings.batchSize);
  }

  /**
   * Compile the backend's programs for every batch shape of the run before its first step (webgl
   * compiles one program per operation and shape: ~18 s on the first step in software, and a stall
   * again at an epoch's last, smaller batch and at validation). Runs the real step and validation on
   * zero pictures between a snapshot of the weights and optimiser and its restoration, so the run goes
   * on exactly as if this had not happened (the snapshot costs no copy on the backend until the warm-up
   * step writes new weights). Best called before the first `step()`; harmless later.
   */
  async warmUp(): Promise<void> {
    const snapshot = { weights: WeightSnapshot.take(this.model), optimizer: await OptimizerSnapshot.take(this.optimizer.optimizer) };
    try {
      await runWarmUpPasses(this.model, this.optimizer.optimizer, this.variables, this.batchSizes);
    } finally {
      await this.restore(snapshot);
      snapshot.weights.dispose();
      snapshot.optimizer.dispose();
    }
  }

  /** Save everything needed to continue this run. Reads the weights from the backend. */
  async checkpoint(savedAt: Date = new Date()): Promise<TrainingCheckpoint> {
    return {
      format: 'cnn-playground-training-checkpoint',
      version: 1,
      savedAt: savedAt.toISOString(),
      backend: this.backend,
      spec: this.spec,
      hyperparameters: this.settings,
      epochsDone: this.epoch,
      iteration: this.iteration,
      history: this.history,
      earlyStopping: this.earlyStopping,
      weights: await readTrainingWeights(this.model, this.optimizer.optimizer),
      bestWeights: this.bestWeights ? await this.bestWeights.read(this.model) : null,
    };
  }

  /** Free the model, the optimiser and every snapshot, and end the gradient workers. */
  dispose(): void {
    this.parallel?.dispose();
    this.model.dispose();
    this.optimizer.optimizer.dispose();
    this.bestWeights?.dispose();
    this.lastGood?.weights.dispose();
    this.lastGood?.optimizer.dispose();
  }

  /** Validate the finished epoch and record it — unless it shows the run diverged (then nothing is recorded). */
  private async finishEpoch(lastPoint: BatchPoint): Promise<{ summary: EpochSummary; predictions: Uint8Array } | { diverged: Divergence }> {
    const validationStartMs = this.nowMs();
    const validation = this.parallel
      ? await this.parallel.evaluate(this.model, this.variables, this.data.test, this.validationPool, this.settings.batchSize)
      : await evaluate(this.model, this.data.test, this.validationPool, this.settings.batchSize);
    const validationSeconds = (this.nowMs() - validationStartMs) / 1000;
    const summary: EpochSummary = {
      epoch: this.epoch,
      loss: this.sums.lossSum / this.sums.images,
      accuracy: this.sums.correct / this.sums.images,
      valLoss: validation.loss,
      valAccuracy: validation.accuracy,
      seconds: this.sums.trainSeconds + validationSeconds,
      imagesPerSecond: this.sums.images / Math.max(this.sums.trainSeconds, 1e-9),
    };
    const diverged = epochDivergence(summary, this.validationPool.length, lastPoint, this.classCount);
    if (diverged) return { diverged };
    this.epochs.push(summary);
    const stopping = this.settings.earlyStopping;
    const decision = earlyStoppingOnEpochEnd(stopping, this.earlyStopping, this.epoch, { val_loss: validation.loss, val_accuracy: validation.accuracy });
    this.earlyStopping = decision.state;
    if (decision.actions.keepCurrentWeights) {
      this.bestWeights?.dispose();
      this.bestWeights = WeightSnapshot.take(this.model);
    }
    if (decision.actions.restoreBestWeights && this.bestWeights) this.bestWeights.restoreInto(this.model);
    if (decision.actions.stop) this.stopMessage = describeEarlyStop(stopping, this.earlyStopping, decision.actions.restoreBestWeights);
    this.epoch += 1;
    this.batch = 0;
    this.sums = EMPTY_EPOCH_ACCUMULATOR;
    this.order = epochOrder(this.trainPool, this.settings.seed, this.epoch);
    await this.markLastGood();
    return { summary, predictions: validation.predictions };
  }

  /** Remember the current weights and optimiser state as the ones to fall back to. */
  private async markLastGood(): Promise<void> {
    const optimizer = await OptimizerSnapshot.take(this.optimizer.optimizer);
    this.lastGood?.weights.dispose();
    this.lastGood?.optimizer.dispose();
    this.lastGood = { weights: WeightSnapshot.take(this.model), optimizer };
  }

  /** Put the weights and the optimiser back as `snapshot` holds them (the snapshot stays valid). */
  private async restore(snapshot: { weights: WeightSnapshot; optimizer: OptimizerSnapshot }): Promise<void> {
    snapshot.weights.restoreInto(this.model);
    const restored = await snapshot.optimizer.restore(this.settings);
    this.optimizer.optimizer.dispose();
    this.optimizer = restored;
  }

  /**
   * Put back the last good epoch's weights and optimiser and rewind to the start of the failed epoch.
   * @returns what happened and what to change, for the user.
   */
  private async recoverFromDivergence(divergence: Divergence): Promise<string> {
    if (!this.lastGood) throw new Error('no weights to fall back to');
    await this.restore(this.lastGood);
    const firstOfEpoch = this.batches.findIndex((batch) => batch.epoch === this.epoch);
    this.iteration = firstOfEpoch >= 0 ? (this.batches[firstOfEpoch]?.iteration ?? this.iteration) : this.iteration;
    if (firstOfEpoch >= 0) this.batches.length = firstOfEpoch;
    this.batch = 0;
    this.sums = EMPTY_EPOCH_ACCUMULATOR;
    return describeDivergence(divergence, this.settings, this.epoch);
  }
}

/** Keep transfer learning's copied layers out of training when the student froze them (every sitting). */
function freezeLayers(model: tf.LayersModel, transfer: TrainerTransfer): void {
  if (!transfer.freeze) return;
  for (const layer of model.layers.slice(0, transfer.keptLayers)) layer.trainable = false;
}
