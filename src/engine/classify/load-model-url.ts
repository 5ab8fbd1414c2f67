import * as tf from '@tensorflow/tfjs';
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
 * The model card beside `modelUrl` (written by scripts/export-pretrained.ts: `testAccuracy`,
 * `testImages`, epochs, settings), or null when there is none or it is not JSON: the card only adds
 * words to the model's name, so its absence is not an error.
 */
export async function fetchModelCard(modelUrl: string): Promise<Record<string, unknown> | null> {
  try {
    const response = await fetch(new URL(MODEL_CARD_FILE, modelUrl));
    if (!response.ok) return null;
    const card: unknown = await response.json();
    return typeof card === 'object' && card !== null && !Array.isArray(card) ? (card as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
