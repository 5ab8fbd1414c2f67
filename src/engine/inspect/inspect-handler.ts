/**
 * The engine's handler for inspect commands: look into the current training run's model, or, while
 * there is none, into the pretrained tutorial model (loaded once, on first need).
 */
import type * as tf from '@tensorflow/tfjs';
import { ownClassNames } from '../../core/model/classifier-model';
import type { InspectCommand, InspectedModel, InspectEvent } from '../protocol-inspect';
import { readInternals } from './read-internals';

/** The training run's model as the inspector borrows it: never disposed here. */
export interface BorrowedTrainedModel {
  readonly model: tf.LayersModel;
  /** Where the run stands: epochs finished (`epoch`) and batches into the next (`batch`). */
  readonly position: { readonly epoch: number; readonly batch: number };
  /** What its outputs stand for, in order (absent: CIFAR-10's classes). */
  readonly classNames?: readonly string[];
}

/** What the handler needs from the engine around it. */
export interface InspectHandlerOptions {
  readonly emit: (event: InspectEvent) => void;
  /** The current training run's model, or null when no run holds one. Read again for every command. */
  readonly trainedModel: () => BorrowedTrainedModel | null;
  /**
   * The pretrained model from the URL of its model.json. Borrowed: in the app the classify handler
   * loads and owns it (one copy per engine), and this handler never disposes it.
   */
  readonly loadPretrained: (url: string) => Promise<tf.LayersModel>;
}

/** Handles inspect commands; answers through `emit`. */
export interface InspectHandler {
  /** Handle one command. Never throws: failures become `inspect-error` / `inspect-unavailable` events. */
  handle(command: InspectCommand): Promise<void>;
}

/** Make the inspect handler of one engine. */
export function createInspectHandler(options: InspectHandlerOptions): InspectHandler {
  // One request per URL, its failure included: a missing model is not fetched again for every image.
  // The model is borrowed (the classify handler owns it), so nothing here disposes it.
  let pretrained: { readonly url: string; readonly model: Promise<tf.LayersModel> } | null = null;

  function pretrainedModel(url: string): Promise<tf.LayersModel> {
    if (pretrained?.url !== url) pretrained = { url, model: options.loadPretrained(url) };
    return pretrained.model;
  }

  async function inspect(command: InspectCommand): Promise<void> {
    const trained = options.trainedModel();
    if (trained) {
      // A run on your own classes names its outputs, so the probabilities are labelled with them.
      const classNames = trained.classNames ? ownClassNames(trained.classNames) : null;
      const which: InspectedModel = { kind: 'trained', epochsDone: trained.position.epoch, batch: trained.position.batch, ...(classNames ? { classNames } : {}) };
      options.emit({ type: 'inspect-result', id: command.id, internals: await readInternals(trained.model, command.pixels, which) });
      return;
    }
    let model: tf.LayersModel;
    try {
      model = await pretrainedModel(command.pretrainedModelUrl);
    } catch (error) {
      options.emit({
        type: 'inspect-unavailable',
        id: command.id,
        message: `There is no model to look into yet: no network has been trained here, and the pretrained one could not be loaded (${describe(error)}).`,
      });
      return;
    }
    options.emit({ type: 'inspect-result', id: command.id, internals: await readInternals(model, command.pixels, { kind: 'pretrained' }) });
  }

  return {
    handle: (command) =>
      inspect(command).catch((error: unknown) => {
        options.emit({ type: 'inspect-error', id: command.id, message: `The network could not be inspected: ${describe(error)}` });
      }),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
