/**
 * Where transfer learning's first layers come from: the pretrained CIFAR-10 model the app ships (held by
 * the classify handler, loaded once), or a CIFAR-10 run of the student's, rebuilt from its last checkpoint.
 */
import type * as tf from '@tensorflow/tfjs';
import type { TransferSource } from '../../core/lab/own-classes-lab';
import type { RunRepository } from '../runs/run-repository';
import { buildModel } from './build-model';
import { writeModelWeights } from './weights';

/** A trained network to copy from, lent until `release()` (which frees it if it was built for this). */
export interface TransferSourceModel {
  readonly model: tf.LayersModel;
  release(): void;
}

/** Load the network `from` names. */
export type LoadTransferSource = (from: TransferSource) => Promise<TransferSourceModel>;

/** What loading a source needs. */
export interface TransferSourceOptions {
  readonly runs: RunRepository;
  /** The pretrained model (shared: never disposed here). @throws Error when it cannot be loaded. */
  readonly pretrained: () => Promise<tf.LayersModel>;
}

/**
 * Make the loader.
 * @throws (from the loader) Error saying which network is missing and why: the pretrained model could
 *   not be loaded, the run was deleted, trained on your own classes, or has no saved epoch.
 */
export function createTransferSources(options: TransferSourceOptions): LoadTransferSource {
  return async (from) => {
    if (from.kind === 'pretrained') {
      try {
        return { model: await options.pretrained(), release: () => undefined };
      } catch (error) {
        throw new Error(`The pretrained CIFAR-10 model could not be loaded to start from: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
    const record = await options.runs.get(from.runId);
    if (!record) throw new Error(`The run “${from.name}” to start from is not in this browser any more (it may have been deleted): choose another network to start from.`);
    if (record.lab.classes) throw new Error(`The run “${from.name}” trained on your own classes: transfer learning starts from a network trained on CIFAR-10.`);
    const checkpoint = record.epochsDone > 0 ? await options.runs.loadCheckpoint(from.runId) : null;
    if (!checkpoint) throw new Error(`The run “${from.name}” has no saved epoch yet: train it for at least one epoch, or start from the pretrained model.`);
    const model = buildModel(checkpoint.spec, checkpoint.hyperparameters.seed);
    try {
      writeModelWeights(model, checkpoint.weights.model);
    } catch (error) {
      model.dispose();
      throw error;
    }
    return { model, release: () => model.dispose() };
  };
}
