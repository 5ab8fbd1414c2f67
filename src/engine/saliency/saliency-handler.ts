/**
 * The engine's handler for saliency commands ("Why this class"): borrow the model Classify answers
 * with for the asked kind, compute both maps on the engine's backend, answer with plain arrays.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ClassifierInfo, ClassifierKind } from '../../core/model/classifier-model';
import type { SaliencyCommand, SaliencyEvent } from '../protocol-saliency';
import { saliencyMaps } from './saliency-maps';

/** What the handler needs from the engine around it. */
export interface SaliencyHandlerOptions {
  readonly emit: (event: SaliencyEvent) => void;
  /** The model of `kind`, borrowed from the classify handler (never disposed here). */
  readonly borrowModel: (kind: ClassifierKind) => Promise<{ readonly model: tf.LayersModel; readonly info: ClassifierInfo }>;
}

/** Handles saliency commands; answers through `emit`. */
export interface SaliencyHandler {
  /** Handle one command. Never throws: failures become `saliency-error` events. */
  handle(command: SaliencyCommand): Promise<void>;
}

/** Make the saliency handler of one engine. */
export function createSaliencyHandler(options: SaliencyHandlerOptions): SaliencyHandler {
  async function handle(command: SaliencyCommand): Promise<void> {
    const { model, info } = await options.borrowModel(command.model);
    options.emit({ type: 'saliency-result', id: command.id, maps: await saliencyMaps(model, command.pixels, command.classIndex, info) });
  }
  return {
    handle: (command) =>
      handle(command).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        options.emit({ type: 'saliency-error', id: command.id, message: `The maps for this picture could not be made: ${reason}.` });
      }),
  };
}
