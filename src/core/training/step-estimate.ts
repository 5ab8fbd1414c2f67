/**
 * What one training step of a network will cost before it is started: time, from the network's
 * arithmetic and a measured speed of this backend, and memory, from what the step must hold. Pure; the
 * Train view shows it beside Start and warns when a batch would take more than a few seconds.
 *
 * Time. A layer's forward pass costs multiply-adds: a convolution out-height × out-width × filters ×
 * kernel-height × kernel-width × in-channels per image, a dense layer inputs × units. Backpropagation
 * costs about twice the forward pass again, so a step costs about three forward passes per image, and
 * networks compare by their forward multiply-adds. A measured speed — images per second of some
 * network on this backend (the backend probe's timed steps of the tutorial's network, or a run's own
 * epochs) — converts: seconds per batch = batch × cost(network) ÷ (cost(measured) × images per second).
 *
 * Memory. While a step runs, tfjs keeps every tensor a gradient needs: about 5.2 float32 values per
 * value the layers output (the input, pre- and post-activation values, dropout masks, pooling indices),
 * measured here as 2.35 MB per picture for the tutorial's 112 842 output values (README, "Training
 * speed"). wasm and cpu run a batch in micro-batches of 64, so they hold one micro-batch's worth; webgl
 * holds the whole batch. On top: the weights, their gradients and the gradients' running sum, the
 * optimiser's slots (SGD momentum: one per weight; Adam: two), and the last good epoch's copy of weights
 * and slots kept to recover from divergence.
 */
import type { ProbeRecord } from '../backend/backend-probe-rules';
import type { OptimizerName } from './hyperparameters';
import { DEFAULT_MODEL_SPEC, MODEL_INPUT_SHAPE, sizePair, type ModelSpec } from '../model/model-spec';
import { analyseModelSpec } from '../model/model-spec-validate';

/** Images per micro-batch on wasm and cpu; equals the engine's `CPU_MICRO_BATCH_SIZE` (a unit test checks). */
export const MICRO_BATCH_IMAGES = 64;
/** Bytes a step holds per value the layers output for one picture (5.2 float32 values; see above). */
export const TAPE_BYTES_PER_OUTPUT_VALUE = 5.2 * 4;
/** Above this a batch is called slow: a Stop or Pause may wait that long, and a class loses the thread. */
export const SLOW_BATCH_SECONDS = 5;
/** Above this a step may not fit: wasm's heap stops at 4 GB, and a browser tab or a school laptop's GPU gives out sooner. */
export const LARGE_STEP_BYTES = 2e9;

/** What one picture costs in a network. */
export interface NetworkCost {
  /** Multiply-adds of the forward pass for one picture. */
  readonly forwardMacs: number;
  /** Values the layers output for one picture, the input included. */
  readonly outputValues: number;
  readonly params: number;
}

/** The cost of `spec` per picture, or null when the spec is not valid (its layers' shapes are unknown). */
export function networkCost(spec: ModelSpec): NetworkCost | null {
  const analysis = analyseModelSpec(spec);
  if (!analysis.ok) return null;
  let inputShape: readonly number[] = MODEL_INPUT_SHAPE;
  let forwardMacs = 0;
  let outputValues = MODEL_INPUT_SHAPE.reduce((product, size) => product * size, 1);
  analysis.layers.forEach((summary, index) => {
    const layer = spec.layers[index];
    const outputSize = summary.outputShape.reduce((product, size) => product * size, 1);
    if (layer?.type === 'Conv2D') {
      const [kernelRows, kernelCols] = sizePair(layer.kernelSize);
      forwardMacs += outputSize * kernelRows * kernelCols * (inputShape[2] ?? 1);
    } else if (layer?.type === 'Dense') {
      forwardMacs += outputSize * (inputShape[0] ?? 1);
    } else if (layer?.type === 'MaxPooling2D' || layer?.type === 'AveragePooling2D') {
      const [poolRows, poolCols] = sizePair(layer.poolSize);
      forwardMacs += outputSize * poolRows * poolCols;
    } else {
      forwardMacs += outputSize;
    }
    outputValues += outputSize;
    inputShape = summary.outputShape;
  });
  return { forwardMacs, outputValues, params: analysis.totalParams };
}

/** A measured training speed on this backend: `imagesPerSecond` for the network `spec`, and where it came from. */
export interface SpeedReference {
  readonly spec: ModelSpec;
  readonly imagesPerSecond: number;
  /** Where the speed was measured, as a clause the estimate quotes ("the last run saved here trained at 11 images/s on wasm"). */
  readonly source: string;
}

/** What the estimate is for. */
export interface StepEstimateInput {
  readonly spec: ModelSpec;
  readonly batchSize: number;
  /** Training images per epoch (for the epoch's time). */
  readonly trainImages: number;
  readonly optimizer: OptimizerName;
  readonly backend: 'webgl' | 'wasm' | 'cpu';
  /** Null when no speed has been measured on this backend yet. */
  readonly speed: SpeedReference | null;
}

/** The estimate. */
export interface StepEstimate {
  /** Seconds for one full batch, or null without a measured speed. */
  readonly batchSeconds: number | null;
  readonly epochSeconds: number | null;
  readonly batchesPerEpoch: number;
  /** Bytes the step holds at its peak (tape, weights, gradients, optimiser, snapshot). */
  readonly bytes: number;
  /** Images the step holds activations for at once (a micro-batch on wasm and cpu). */
  readonly imagesAtOnce: number;
  /** How many times the reference network's cost per picture this one's is. */
  readonly costRatio: number | null;
  readonly slow: boolean;
  readonly large: boolean;
}

/** Estimate a step of `input.spec`, or null when the spec is not valid. */
export function estimateStep(input: StepEstimateInput): StepEstimate | null {
  const cost = networkCost(input.spec);
  if (!cost) return null;
  const batchSize = Math.max(1, Math.floor(input.batchSize));
  const trainImages = Math.max(1, Math.floor(input.trainImages));
  const imagesAtOnce = input.backend === 'webgl' ? Math.min(batchSize, trainImages) : Math.min(batchSize, trainImages, MICRO_BATCH_IMAGES);
  const slots = input.optimizer === 'adam' ? 2 : 1;
  // Weights, gradients, their running sum, the optimiser's slots, and the last good copy of weights and slots.
  const paramCopies = 3 + slots + (1 + slots);
  const bytes = imagesAtOnce * cost.outputValues * TAPE_BYTES_PER_OUTPUT_VALUE + cost.params * 4 * paramCopies;
  const batchesPerEpoch = Math.ceil(trainImages / batchSize);
  const reference = input.speed ? networkCost(input.speed.spec) : null;
  const costRatio = reference && reference.forwardMacs > 0 ? cost.forwardMacs / reference.forwardMacs : null;
  const imagesPerSecond = input.speed && costRatio !== null && input.speed.imagesPerSecond > 0 ? input.speed.imagesPerSecond / costRatio : null;
  const batchSeconds = imagesPerSecond === null ? null : Math.min(batchSize, trainImages) / imagesPerSecond;
  const epochSeconds = imagesPerSecond === null ? null : trainImages / imagesPerSecond;
  return { batchSeconds, epochSeconds, batchesPerEpoch, bytes, imagesAtOnce, costRatio, slow: batchSeconds !== null && batchSeconds > SLOW_BATCH_SECONDS, large: bytes > LARGE_STEP_BYTES };
}

/** "0.4 s", "12 s", "3 min", "1 h 20 min": a duration as the estimate says it. */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return `${seconds < 1 ? seconds.toFixed(1) : seconds.toFixed(1).replace(/\.0$/, '')} s`;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "240 MB", "3.1 GB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}

/** The estimate in words: one sentence of numbers and where the speed came from, then, when slow or large, what to change. */
export function describeStepEstimate(estimate: StepEstimate, input: Pick<StepEstimateInput, 'batchSize' | 'trainImages' | 'backend' | 'speed'>): { readonly text: string; readonly warning: string | null } {
  const images = Math.min(input.batchSize, input.trainImages).toLocaleString('en-US');
  const memory = `≈ ${formatBytes(estimate.bytes)}`;
  const speed = input.speed;
  let text: string;
  if (estimate.batchSeconds === null || estimate.epochSeconds === null || !speed) {
    text = `One batch of ${images} images needs ${memory} on ${input.backend} here; how long it takes is not known yet (no speed measured on ${input.backend}): the first epoch will tell.`;
  } else {
    const epoch = estimate.batchesPerEpoch > 1 ? `; an epoch (${estimate.batchesPerEpoch.toLocaleString('en-US')} batches) ≈ ${formatDuration(estimate.epochSeconds)}` : '';
    const ratio = estimate.costRatio !== null && Math.abs(estimate.costRatio - 1) > 0.05 ? `; this network does ${formatRatio(estimate.costRatio)} its arithmetic per picture` : '';
    text = `One batch of ${images} images ≈ ${formatDuration(estimate.batchSeconds)} and ${memory} on ${input.backend} here${epoch}. From: ${speed.source}${ratio}.`;
  }
  const problems = [
    ...(estimate.slow && estimate.batchSeconds !== null ? [`a batch would take about ${formatDuration(estimate.batchSeconds)}, and the charts move once a batch`] : []),
    ...(estimate.large ? [`the step needs about ${formatBytes(estimate.bytes)}, more than this browser may give it`] : []),
  ];
  if (problems.length === 0) return { text, warning: null };
  const cures = input.backend === 'webgl' ? 'fewer filters or units, or a smaller batch' : estimate.large ? 'fewer filters or units (on wasm and cpu a batch is already split into 64-picture parts)' : 'fewer filters or units, a smaller batch, or fewer training images';
  return { text, warning: `Heavy for this machine: ${problems.join('; and ')}. To lighten it: ${cures}.` };
}

/** "23×", "0.5×" */
function formatRatio(ratio: number): string {
  return ratio >= 10 ? `${Math.round(ratio)}×` : `${ratio.toFixed(1)}×`;
}

/** A finished epoch's measured speed and the run it belongs to (a saved checkpoint, as the page knows it). */
export interface MeasuredRun {
  readonly backend: string;
  readonly spec: ModelSpec;
  readonly epochs: readonly { readonly imagesPerSecond: number }[];
}

/**
 * The best measured speed on `backend`: a saved run's last epoch there (its own network, real batches),
 * else the backend probe's timed steps of the tutorial's network (small 16-image steps, made while the
 * page started: they undersell the speed of large batches, so the estimate errs long), else null.
 */
export function chooseSpeedReference(backend: string, run: MeasuredRun | null, probes: readonly ProbeRecord[]): SpeedReference | null {
  const epochSpeed = run && run.backend === backend ? run.epochs.at(-1)?.imagesPerSecond : undefined;
  if (run && epochSpeed !== undefined && Number.isFinite(epochSpeed) && epochSpeed > 0) {
    return { spec: run.spec, imagesPerSecond: epochSpeed, source: `the last run saved here trained at ${Math.round(epochSpeed).toLocaleString('en-US')} images/s on ${backend}` };
  }
  const probe = probes.find((record) => record.backend === backend && record.outcome.status === 'measured');
  if (probe?.outcome.status === 'measured' && probe.outcome.imagesPerSecond > 0) {
    const imagesPerSecond = probe.outcome.imagesPerSecond;
    return {
      spec: DEFAULT_MODEL_SPEC,
      imagesPerSecond,
      source: `the tutorial’s network trained at ${Math.round(imagesPerSecond).toLocaleString('en-US')} images/s in ${probe.batchSize}-image steps when the backend was chosen (small steps undersell large batches, so this errs long)`,
    };
  }
  return null;
}
