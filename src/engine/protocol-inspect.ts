/**
 * The inspect domain of the engine protocol: look inside a network. Two kinds of answer:
 *
 * - Network internals for one image: every conv, pooling and dense layer's output, the first conv
 *   layer's weights, from the current training run's model (or, before any run, the pretrained one).
 * - After each epoch of a run, the class the network predicted for every validation image, from which
 *   the Train view builds its confusion matrix.
 *
 * Unioned into `EngineCommand` / `EngineEvent` in protocol.ts. Arrays travel as typed arrays whose
 * buffers are transferred, not copied (see `inspectTransferables`).
 */
import type { RunId } from '../core/training/run-record';

/** Which model answered. */
export type InspectedModel =
  /** The current training run's model, as it is now. */
  | {
      readonly kind: 'trained';
      /** Epochs finished; `batch` batches into the next. */
      readonly epochsDone: number;
      readonly batch: number;
      /** A run on your own classes: what its outputs stand for (absent: CIFAR-10's classes). */
      readonly classNames?: readonly string[];
    }
  /** The pretrained tutorial model shipped with the app (used while there is no training run). */
  | { readonly kind: 'pretrained' };

/** One layer's output for the inspected image (batch axis dropped). */
export interface LayerActivations {
  /** Position in the model's layer list (0 = first layer after the input). */
  readonly layerIndex: number;
  /** tfjs / Keras layer name, e.g. "conv2d_1". */
  readonly name: string;
  /** tfjs class name, e.g. "Conv2D", "MaxPooling2D", "Dense". */
  readonly className: string;
  /** [height, width, channels] for feature maps (NHWC without N), [units] for vectors. */
  readonly shape: readonly number[];
  /** The values, row-major in `shape` order. */
  readonly values: Float32Array;
}

/** The first Conv2D layer's weights and settings: what lesson 9 replays. */
export interface FirstConvLayer {
  readonly layerIndex: number;
  readonly name: string;
  /** HWIO: [kernelHeight, kernelWidth, inChannels, filters], as tfjs stores a conv kernel. */
  readonly kernelShape: readonly [number, number, number, number];
  readonly kernel: Float32Array;
  /** One per filter; null for a layer built without bias. */
  readonly bias: Float32Array | null;
  readonly strides: readonly [number, number];
  readonly padding: 'same' | 'valid';
  /** The layer's activation name ("relu", "linear", ...). */
  readonly activation: string;
  /** True when only Dropout layers (identity when not training) come before it: its input is the image. */
  readonly seesImage: boolean;
}

/** Everything the Train view's internals panel and lesson 9 show for one image. */
export interface NetworkInternals {
  readonly model: InspectedModel;
  /** Layers with an output worth showing: every layer except Dropout, Flatten and input layers. */
  readonly layers: readonly LayerActivations[];
  readonly firstConv: FirstConvLayer | null;
}

/** The class predicted for each validation image after one epoch. */
export interface EpochPredictions {
  readonly runId: RunId;
  /** 0-based epoch that was just validated. */
  readonly epoch: number;
  /** Test-split indices of the validated images, in validation order. */
  readonly indices: Uint32Array;
  /** Their true classes. */
  readonly labels: Uint8Array;
  /** The class with the highest probability for each (argmax of the softmax). */
  readonly predictions: Uint8Array;
  /** A run on your own classes: its class names (absent: CIFAR-10's). */
  readonly classNames?: readonly string[];
  /**
   * A run on your own classes: its held-out pictures, N × 32 × 32 × 3 bytes in test-split order
   * (`indices` point into them), since they live only in the engine. Absent: CIFAR-10's test split.
   */
  readonly pictures?: Uint8Array;
}

/** Inspect commands. */
export type InspectCommand = {
  readonly type: 'inspect-image';
  readonly id: number;
  /** One 32 × 32 × 3 uint8 RGB image (row-major); divided by 255 in the engine, as in training. */
  readonly pixels: Uint8Array;
  /** Absolute URL of the pretrained model's model.json, used while there is no training run. */
  readonly pretrainedModelUrl: string;
};

/** Inspect events. */
export type InspectEvent =
  | { readonly type: 'inspect-result'; readonly id: number; readonly internals: NetworkInternals }
  /** There is no model to look into: no training run, and no pretrained model could be loaded (`message` says why). */
  | { readonly type: 'inspect-unavailable'; readonly id: number; readonly message: string }
  | { readonly type: 'inspect-error'; readonly id: number; readonly message: string }
  /** Sent by the training run after each epoch's validation. */
  | { readonly type: 'inspect-epoch-predictions'; readonly evaluation: EpochPredictions };

/** The `type` tags of `InspectCommand`. */
export const INSPECT_COMMAND_TYPES: readonly InspectCommand['type'][] = ['inspect-image'];
/** The `type` tags of `InspectEvent`. */
export const INSPECT_EVENT_TYPES: readonly InspectEvent['type'][] = ['inspect-result', 'inspect-unavailable', 'inspect-error', 'inspect-epoch-predictions'];

/** Narrow any command to an inspect command. */
export function isInspectCommand(command: { readonly type: string }): command is InspectCommand {
  return (INSPECT_COMMAND_TYPES as readonly string[]).includes(command.type);
}

/** Narrow any event to an inspect event. */
export function isInspectEvent(event: { readonly type: string }): event is InspectEvent {
  return (INSPECT_EVENT_TYPES as readonly string[]).includes(event.type);
}

/**
 * The buffers of an inspect event that `postMessage` should transfer rather than copy; empty for any
 * other event. Each array owns its buffer (the engine makes them fresh for the message).
 */
export function inspectTransferables(event: { readonly type: string }): Transferable[] {
  if (!isInspectEvent(event)) return [];
  if (event.type === 'inspect-epoch-predictions') {
    const { indices, labels, predictions, pictures } = event.evaluation;
    return unique([indices.buffer, labels.buffer, predictions.buffer, ...(pictures ? [pictures.buffer] : [])]);
  }
  if (event.type !== 'inspect-result') return [];
  const { layers, firstConv } = event.internals;
  return unique([...layers.map((layer) => layer.values.buffer), ...(firstConv ? [firstConv.kernel.buffer, ...(firstConv.bias ? [firstConv.bias.buffer] : [])] : [])]);
}

/** Each buffer once (postMessage refuses a buffer listed twice). */
function unique(buffers: ArrayBufferLike[]): Transferable[] {
  return [...new Set(buffers)].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}
