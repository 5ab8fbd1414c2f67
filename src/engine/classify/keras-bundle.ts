/**
 * "Download for Keras": a model's tfjs files (model.json and its weights) with the `train.py` that
 * builds the same network in Keras 3 and reads those weights through the json's manifest, zipped into
 * one download. Made in the engine's worker so zipping 15 MB of weights never stalls the page.
 */
import { zipSync, strToU8 } from 'fflate';
import { DEFAULT_HYPERPARAMETERS, type TrainingHyperparameters } from '../../core/training/hyperparameters';
import { kerasScript } from '../../core/keras/keras-script';
import { modelSpecFromTopology } from '../../core/keras/keras-topology';
import { parseLayersModelJson } from '../../core/model/layers-model-json';
import { readModelMetadata } from '../../core/model/classifier-model';
import type { NamedBlob } from '../protocol-classify';

/** What the script says about the model, and the settings it trains with if asked to train further. */
export interface KerasBundleOptions {
  /** Where the model comes from, for the script's first line ("your run, epoch 5"). */
  readonly title: string;
  /** The settings the model was trained with; null when unknown (then the tutorial's, and the script says so). */
  readonly settings: TrainingHyperparameters | null;
  /** The zip's name and its folder's, without extension. */
  readonly baseName: string;
}

/**
 * Zip `files` (the tfjs layers files: one .json, then the weights files it names) with a `train.py`
 * for them, in a folder `<baseName>-keras/`.
 * @throws Error naming why when the model cannot be written as Keras code (not Sequential, a layer
 *   the app does not know).
 */
export async function kerasBundle(files: readonly NamedBlob[], options: KerasBundleOptions): Promise<NamedBlob> {
  const json = files.find((file) => file.name.toLowerCase().endsWith('.json'));
  if (!json) throw new Error('the model has no model.json to write Keras code for');
  const parsed = parseLayersModelJson(await json.data.text(), json.name);
  const reading = modelSpecFromTopology(parsed.modelTopology);
  if (!reading.ok) throw new Error(`${options.title} cannot be written as Keras code: ${reading.reason}`);
  const title = options.settings === null ? `${options.title} (its training settings were not saved with it: the tutorial's are used if you train on)` : options.title;
  // A model of your own classes carries their names in its model.json: the script names its outputs.
  const classNames = readModelMetadata(parsed.userDefinedMetadata).classNames;
  const script = kerasScript({ modelSpec: reading.spec, settings: options.settings ?? DEFAULT_HYPERPARAMETERS }, { title, weightsFile: json.name, ...(classNames ? { classNames } : {}) });
  const folder = `${options.baseName}-keras`;
  const entries: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = { [`${folder}/train.py`]: strToU8(script) };
  for (const file of files) {
    // Weights barely compress; storing them keeps the zip quick to make.
    entries[`${folder}/${file.name}`] = [new Uint8Array(await file.data.arrayBuffer()), { level: 0 }];
  }
  const zipped = zipSync(entries, { level: 6 });
  return { name: `${folder}.zip`, data: new Blob([zipped.buffer as ArrayBuffer], { type: 'application/zip' }) };
}
