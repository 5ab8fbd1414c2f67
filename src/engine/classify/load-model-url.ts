import * as tf from '@tensorflow/tfjs';
import { parseModelCard } from '../../core/lab/model-card';
// Registers our own layers (DropConnectDense, StochasticPooling2D), so models holding them load.
import '../layers/custom-layers';

/**
 * Load a tfjs layers model from the URL of its model.json; tfjs fetches the weight files the
 * manifest names, relative to that URL. The caller owns the model and must dispose it.
 *
 * @throws Error saying which file could not be fetched or read (tfjs's own message appended).
 */
export async function loadModelFromUrl(url: string): Promise<tf.LayersModel> {
  try {
    return await tf.loadLayersModel(url);
  } catch (error) {
    const path = new URL(url).pathname.split('/').slice(-3).join('/');
    const detail = error instanceof Error ? error.message : String(error);
    const status = /status code (\d+)/.exec(detail)?.[1];
    throw new Error(status ? `${path} could not be fetched (HTTP ${status})` : `${path} could not be loaded: ${detail}`, { cause: error });
  }
}

/** The file beside a shipped model.json that records how it was trained and its test accuracy. */
export const MODEL_CARD_FILE = 'model-card.json';

/**
 * What the model card beside `modelUrl` says of the model (`name`, `testAccuracy`, `testImages`,
 * `epochs`), read by the lab schema (`src/core/lab/model-card.ts`), or null when there is none or it
 * cannot be read: the card only adds words to the model's name, so its absence is not an error.
 */
export async function fetchModelCard(modelUrl: string): Promise<Record<string, unknown> | null> {
  try {
    const response = await fetch(new URL(MODEL_CARD_FILE, modelUrl));
    if (!response.ok) return null;
    const read = parseModelCard(await response.json());
    if (!read.ok) {
      console.warn(`${MODEL_CARD_FILE} beside ${modelUrl} was not read: ${read.problems.map((problem) => problem.message).join('; ')}`);
      return null;
    }
    const { name, testAccuracy, testImages, epochs } = read.card;
    return { name, testAccuracy, testImages, epochs };
  } catch {
    return null;
  }
}
