/**
 * What data-parallel training should give on a machine with more cores than this one — a projection
 * from a step's measured parts, not a measurement (issue 19). Pure.
 *
 * The model: a step's forward and backward passes split across the workers (each computes
 * ⌈batch / workers⌉ images, the slowest one sets the pace); what runs once per step on the
 * coordinating worker does not (the optimiser's update, gathering the batch, reading the loss); with
 * more than one worker the exchange adds a fixed part (the weights written out and read in, the
 * gradients written out, the messages: on every worker at once) and a part per extra worker (its
 * gradients read in and added, one after another on the coordinator). It leaves out what a bigger machine does differently: memory bandwidth shared by more cores,
 * turbo clocks that drop when all cores work, hyper-threads that share a core's arithmetic units —
 * so it is an upper bound more than a forecast.
 */

/** A training step's measured parts, in milliseconds. */
export interface StepCostModel {
  /** Forward and backward pass, per image, on one worker. */
  readonly computeMsPerImage: number;
  /** Work done once per step whatever the worker count (update, gathering, read-back). */
  readonly serialMs: number;
  /** Exchange cost of a step with 2 or more workers whatever their number (weights out and in, gradients out, messages). */
  readonly exchangeFixedMs: number;
  /** Exchange cost each extra worker adds on the coordinator (its gradients read in and added). */
  readonly exchangeMsPerWorker: number;
}

/**
 * The step time the model predicts for `workers` workers at `batchSize` images.
 * @throws RangeError when `workers` or `batchSize` is not a whole number ≥ 1.
 */
export function projectedStepMs(model: StepCostModel, batchSize: number, workers: number): number {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number ≥ 1, got ${workers}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size must be a whole number ≥ 1, got ${batchSize}`);
  const exchange = workers > 1 ? model.exchangeFixedMs + model.exchangeMsPerWorker * (workers - 1) : 0;
  return model.serialMs + model.computeMsPerImage * Math.ceil(batchSize / workers) + exchange;
}

/** Images per second the model predicts for `workers` workers at `batchSize`. */
export function projectedImagesPerSecond(model: StepCostModel, batchSize: number, workers: number): number {
  return (batchSize * 1000) / projectedStepMs(model, batchSize, workers);
}

/**
 * The model from measured parts at one batch size: a one-worker step (`oneWorkerMs`) and its serial
 * part (`serialMs`); from a step with `workers` workers, the fixed exchange (`exchangeFixedMs`) and the
 * coordinator's time reading in and adding the workers' gradients (`gatherMs`, all workers together).
 * @throws RangeError when the parts do not fit (serial longer than the step, no extra worker).
 */
export function stepCostModel(measured: { readonly batchSize: number; readonly oneWorkerMs: number; readonly serialMs: number; readonly workers: number; readonly exchangeFixedMs: number; readonly gatherMs: number }): StepCostModel {
  const { batchSize, oneWorkerMs, serialMs, workers } = measured;
  if (!(serialMs >= 0 && serialMs < oneWorkerMs)) throw new RangeError(`the serial part (${serialMs} ms) must be shorter than the whole step (${oneWorkerMs} ms)`);
  if (!Number.isInteger(workers) || workers < 2) throw new RangeError(`the exchange must be measured with 2 or more workers, got ${workers}`);
  return {
    computeMsPerImage: (oneWorkerMs - serialMs) / batchSize,
    serialMs,
    exchangeFixedMs: Math.max(0, measured.exchangeFixedMs),
    exchangeMsPerWorker: Math.max(0, measured.gatherMs) / (workers - 1),
  };
}
