/**
 * Our own Keras layers, registered with tfjs's serialization when this module is imported: anything
 * that loads a saved model (the classifier's model library, `loadModelFromUrl`) imports it, so a model
 * holding a DropConnectDense or a StochasticPooling2D layer loads back.
 */
import { DropConnectDense } from './drop-connect-dense';
import { StochasticPooling2D } from './stochastic-pooling-2d';

/** The class names our layers are saved under. */
export const CUSTOM_LAYER_CLASS_NAMES: readonly string[] = [DropConnectDense.className, StochasticPooling2D.className];

export { DropConnectDense, StochasticPooling2D };
