/**
 * "Evaluate now": score the Train area's model as it rests (or the pretrained one) on test images,
 * without training — the same `evaluate` an epoch's validation runs, so the confusion matrix means the
 * same thing. The run's weights, optimiser and history are only read.
 */
import type * as tf from '@tensorflow/tfjs';
import { gatherLabels } from '../../core/data/image-batch';
import { ownClassNames } from '../../core/model/classifier-model';
import { validationPool } from '../../core/training/run-pools';
import type { EvaluateCommand, EvaluatedModel, EvaluateEvent } from '../protocol-evaluate';
import { evaluate } from './evaluate';
import type { ModelLoan } from './model-loan';
import type { TrainingData } from './trainer-types';

/** What the handler needs from the engine around it. */
export interface EvaluateNowOptions {
  readonly emit: (event: EvaluateEvent) => void;
  /** The loaded data set, or null while none is loaded. */
  readonly getData: () => TrainingData | null;
  /** The training controller's `lendModel`: the resting run's model, or null. */
  readonly lendRunModel: () => ModelLoan | null;
  /** The pretrained model from its model.json URL; borrowed (the classify handler owns it). */
  readonly loadPretrained: (url: string) => Promise<tf.LayersModel>;
  /** Milliseconds clock and wall clock, for tests. */
  readonly nowMs?: () => number;
  readonly now?: () => Date;
}

/** Handles evaluate commands; answers through `emit`. */
export interface EvaluateNowHandler {
  /** Handle one command. Never throws: failures become `evaluate-failed` events. */
  handle(command: EvaluateCommand): Promise<void>;
}

/** Make the handler of one engine: one evaluation at a time. */
export function createEvaluateNowHandler(options: EvaluateNowOptions): EvaluateNowHandler {
  const nowMs = options.nowMs ?? (() => performance.now());
  const now = options.now ?? (() => new Date());
  let active: { readonly id: number; readonly abort: AbortController } | null = null;

  function failed(evaluationId: number, message: string, cancelled = false): void {
    options.emit({ type: 'evaluate-failed', evaluationId, message, cancelled });
  }

  async function run(command: Extract<EvaluateCommand, { type: 'evaluate-now' }>, abort: AbortController): Promise<void> {
    const data = options.getData();
    if (!data) throw new Error('CIFAR-10 is not loaded yet: wait for the data set to finish loading, then evaluate again');
    const { validationSubset: subset, batchSize } = command;
    if (subset !== null && (!Number.isInteger(subset) || subset < 1 || subset > data.test.count)) {
      throw new RangeError(`the number of test images must be a whole number from 1 to ${data.test.count}, got ${subset}`);
    }
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size must be a whole number ≥ 1, got ${batchSize}`);
    const indices = validationPool(data.test, { validationSubset: subset, seed: command.seed });
    const loan = command.target === 'run' ? options.lendRunModel() : null;
    if (command.target === 'run' && !loan) {
      throw new Error('there is no resting training run to evaluate: pause or stop the run (or let it finish) first, or resume one from its checkpoint');
    }
    try {
      if (loan && ownClassNames(loan.classNames)) throw new Error(`this run learns your own classes, not CIFAR-10's: it is scored on its held-out pictures after every epoch`);
      // The run may need its model back (Resume, Step, Start, Reset): that ends this evaluation too.
      loan?.signal.addEventListener('abort', () => abort.abort(loan.signal.reason), { once: true });
      const model = loan ? loan.model : await pretrained(command.pretrainedModelUrl);
      const which: EvaluatedModel = loan
        ? { kind: 'trained', runId: loan.runId, epochsDone: loan.position.epoch, batch: loan.position.batch, iteration: loan.position.iteration }
        : { kind: 'pretrained' };
      const progress = (imagesDone: number): void => options.emit({ type: 'evaluate-progress', evaluationId: command.id, imagesDone, images: indices.length });
      progress(0);
      const startMs = nowMs();
      const scored = await evaluate(model, data.test, indices, loan ? loan.batchSize : batchSize, { signal: abort.signal, onBatch: progress });
      options.emit({
        type: 'evaluate-result',
        result: {
          evaluationId: command.id,
          model: which,
          indices,
          labels: gatherLabels(data.test.labels, indices),
          predictions: scored.predictions,
          loss: scored.loss,
          accuracy: scored.accuracy,
          evaluatedAt: now().toISOString(),
          seconds: (nowMs() - startMs) / 1000,
        },
      });
    } finally {
      loan?.giveBack();
    }
  }

  async function pretrained(url: string): Promise<tf.LayersModel> {
    try {
      return await options.loadPretrained(url);
    } catch (error) {
      throw new Error(`the pretrained model could not be loaded: ${describe(error)}`, { cause: error });
    }
  }

  async function handle(command: EvaluateCommand): Promise<void> {
    if (command.type === 'evaluate-cancel') {
      if (active?.id === command.evaluationId) active.abort.abort(new Error('you cancelled it'));
      return;
    }
    if (active) {
      failed(command.id, 'another evaluation is still running: wait for it or cancel it');
      return;
    }
    const abort = new AbortController();
    const current = { id: command.id, abort };
    active = current;
    try {
      await run(command, abort);
    } catch (error) {
      if (abort.signal.aborted) failed(command.id, `The evaluation stopped: ${describe(abort.signal.reason)}.`, true);
      else failed(command.id, `The evaluation failed: ${describe(error)}`);
    } finally {
      if (active === current) active = null;
    }
  }

  return { handle };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
