/**
 * What a run is made from besides its spec and settings: the data (CIFAR-10, or its own class set's
 * kept split) and, for transfer learning, the trained network its first layers are copied from.
 */
import type { RunId, RunLab } from '../../core/training/run-record';
import type { ClassSetStore } from '../classes/class-set-store';
import type { TrainingCheckpoint } from './checkpoint';
import { ownClassesRunData } from './own-classes-data';
import type { TrainerTransfer, TrainingData } from './trainer-types';
import type { LoadTransferSource, TransferSourceModel } from './transfer-source';

/** Where the data and a transfer source come from (the controller's options). */
export interface RunSourceOptions {
  readonly getData: () => TrainingData | null;
  readonly classSets?: ClassSetStore | undefined;
  readonly transferSource?: LoadTransferSource | undefined;
}

/** A run's data and transfer; `release()` gives a borrowed source network back once the trainer is made. */
export interface RunSource {
  readonly data: TrainingData;
  readonly transfer: TrainerTransfer | null;
  release(): void;
}

/**
 * Gather what `lab` trains on. The source network is loaded only for a run's first start: a checkpoint
 * holds the copied weights afterwards (freezing still applies).
 * @throws Error saying what is missing (CIFAR-10 not loaded, the class set or the network to start from).
 */
export async function prepareRunSource(runId: RunId, lab: RunLab, checkpoint: TrainingCheckpoint | null, options: RunSourceOptions): Promise<RunSource> {
  const data = await runData(runId, lab, options);
  const transfer = lab.transfer;
  if (!transfer) return { data, transfer: null, release: () => undefined };
  let source: TransferSourceModel | null = null;
  if (!checkpoint) {
    if (!options.transferSource) throw new Error('this engine cannot start a network from another one');
    source = await options.transferSource(transfer.from);
  }
  const lent = source;
  return { data, transfer: { keptLayers: transfer.keptLayers, freeze: transfer.freeze, source: lent?.model ?? null }, release: () => lent?.release() };
}

async function runData(runId: RunId, lab: RunLab, options: RunSourceOptions): Promise<TrainingData> {
  if (lab.classes) {
    if (!options.classSets) throw new Error('this engine keeps no class sets, so it cannot train on your own classes');
    return ownClassesRunData(options.classSets, runId, lab.classes, lab.hyperparameters.seed);
  }
  const data = options.getData();
  if (!data) throw new Error('CIFAR-10 is not loaded yet: wait for the data set to finish loading, then start again');
  return data;
}
