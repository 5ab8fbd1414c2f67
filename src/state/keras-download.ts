/**
 * "Download for Keras", as the views call it: ask the engine for a model's tfjs files zipped with the
 * train.py that loads them in Keras 3.
 */
import type { TrainingHyperparameters } from '../core/hyperparameters';
import type { KerasBundleSource, NamedBlob } from '../engine/protocol-classify';

export type { KerasBundleSource } from '../engine/protocol-classify';
import { request } from './classify-channel';

/**
 * The zip for `source`.
 * @param settings what the model was trained with (a run's settings), or null when unknown.
 * @param title where the model comes from, for the script's first line.
 * @throws (rejects) Error with the engine's reason (no such model, not writable as Keras code).
 */
export async function prepareKerasBundle(source: KerasBundleSource, settings: TrainingHyperparameters | null, title: string): Promise<NamedBlob> {
  const event = await request({ type: 'classify-keras-bundle', source, settings, title });
  const zip = event.type === 'classify-files' ? event.files[0] : undefined;
  if (!zip) throw new Error('the engine gave no file');
  return zip;
}
