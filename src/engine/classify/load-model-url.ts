import * as tf from '@tensorflow/tfjs';

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
