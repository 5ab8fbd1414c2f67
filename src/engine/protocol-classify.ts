/**
 * The classify domain of the engine protocol: load the pretrained model, classify a picture file or a
 * CIFAR-10 image with the chosen model, and keep a library of models in this browser (save, list,
 * load, delete, export as tfjs layers files, load such files back). Unioned into `EngineCommand` /
 * `EngineEvent` in protocol.ts.
 *
 * Picture and model files travel as `Blob`s (structured-clone friendly, and not read on the main
 * thread): the engine reads, checks and decodes them.
 */
import type { ClassifierInfo, ClassifierKind } from '../core/model/classifier-model';
import type { ImageFormat } from '../core/data/image-header';
import type { SquareCrop } from '../core/data/image-resample';
import type { TrainingHyperparameters } from '../core/training/hyperparameters';

export type { ClassifierInfo, ClassifierKind } from '../core/model/classifier-model';

/** What the engine learned while reading a picture file. */
export interface PictureFacts {
  readonly format: ImageFormat;
  /** Size as decoded (after EXIF rotation), in pixels. */
  readonly width: number;
  readonly height: number;
  /** The centred square that was kept. */
  readonly crop: SquareCrop;
  /** Frames of an animation (the first was used); 1 for a still; null when unknown. */
  readonly frames: number | null;
  readonly jpegColour: 'grey' | 'ycbcr' | 'cmyk' | 'ycck' | null;
  /** True when some pixels were transparent and were laid on white. */
  readonly hadTransparency: boolean;
}

/** One answer. */
export interface ClassifyAnswer {
  /** The exact input the network saw: 32 × 32 × 3 uint8, row-major RGB (divided by 255 on the way in). */
  readonly input: Uint8Array;
  /** Ten probabilities in CIFAR10_CLASSES order. */
  readonly probabilities: readonly number[];
  readonly model: ClassifierInfo;
  /** The picture file's facts; null for a CIFAR-10 image given as pixels. */
  readonly picture: PictureFacts | null;
  /** Milliseconds for the prediction alone, and for reading, decoding, resampling and predicting. */
  readonly predictMs: number;
  readonly totalMs: number;
}

/** A model saved in this browser's library. */
export interface LibraryEntry {
  readonly name: string;
  /** ISO 8601 time of saving. */
  readonly savedAt: string;
  /** What it was when saved ("your model, trained here, epoch 5 (…)"). */
  readonly description: string;
  /** Bytes of its weights. */
  readonly weightBytes: number;
}

/** A file handed to or from the engine. */
export interface NamedBlob {
  readonly name: string;
  readonly data: Blob;
}

/** The models the engine holds for classifying (the trained one is the training run's, not listed here). */
export interface ClassifierModels {
  readonly pretrained: ClassifierInfo | null;
  /** Why the pretrained model could not be loaded, or null. */
  readonly pretrainedError: string | null;
  readonly loaded: ClassifierInfo | null;
}

/** Classify commands. */
export type ClassifyCommand =
  /** Load (once) and warm up the pretrained model from `modelUrl` (absolute URL of its model.json). */
  | { readonly type: 'classify-prepare'; readonly id: number; readonly modelUrl: string }
  | { readonly type: 'classify-image'; readonly id: number; readonly file: NamedBlob; readonly model: ClassifierKind }
  /** A 32 × 32 × 3 uint8 RGB image (a CIFAR-10 test image) classified as is. */
  | { readonly type: 'classify-pixels'; readonly id: number; readonly pixels: Uint8Array; readonly model: ClassifierKind }
  | { readonly type: 'classify-library-list'; readonly id: number }
  /** Save the model of kind `model` under `name` (refused when the name is taken). */
  | { readonly type: 'classify-library-save'; readonly id: number; readonly name: string; readonly model: ClassifierKind }
  /** Make the saved model `name` the loaded model (checked first; the current one stays if it fails). */
  | { readonly type: 'classify-library-load'; readonly id: number; readonly name: string }
  | { readonly type: 'classify-library-delete'; readonly id: number; readonly name: string }
  /** The saved model `name` as tfjs layers files (answered by `classify-files`). */
  | { readonly type: 'classify-library-export'; readonly id: number; readonly name: string }
  /** Load a model from dropped files: one model.json and the weight files it names. */
  | { readonly type: 'classify-load-files'; readonly id: number; readonly files: readonly NamedBlob[] }
  /**
   * "Download for Keras": a saved model (`source.kind` 'library') or a held one (the run's, the
   * pretrained, the loaded) zipped with the train.py that loads it in Keras; answered by `classify-files`
   * with the one zip. `settings`: what it was trained with, null when unknown.
   */
  | { readonly type: 'classify-keras-bundle'; readonly id: number; readonly source: KerasBundleSource; readonly settings: TrainingHyperparameters | null; readonly title: string };

/** Which model a Keras bundle is made of. */
export type KerasBundleSource = { readonly kind: 'library'; readonly name: string } | { readonly kind: 'model'; readonly model: ClassifierKind };

/** Classify events. */
export type ClassifyEvent =
  /** The models held, after `classify-prepare` and after a model was loaded. */
  | { readonly type: 'classify-models'; readonly id: number; readonly models: ClassifierModels }
  | { readonly type: 'classify-answer'; readonly id: number; readonly answer: ClassifyAnswer }
  /** The library after a list, save or delete. */
  | { readonly type: 'classify-library'; readonly id: number; readonly entries: readonly LibraryEntry[] }
  /** Files of an export: model.json first, then the weights file it names. */
  | { readonly type: 'classify-files'; readonly id: number; readonly files: readonly NamedBlob[] }
  /** A classify command failed; `message` is a sentence for the user. Nothing else changed. */
  | { readonly type: 'classify-error'; readonly id: number; readonly message: string };

/** The `type` tags of `ClassifyCommand`. */
export const CLASSIFY_COMMAND_TYPES: readonly ClassifyCommand['type'][] = [
  'classify-prepare',
  'classify-image',
  'classify-pixels',
  'classify-library-list',
  'classify-library-save',
  'classify-library-load',
  'classify-library-delete',
  'classify-library-export',
  'classify-load-files',
  'classify-keras-bundle',
];
/** The `type` tags of `ClassifyEvent`. */
export const CLASSIFY_EVENT_TYPES: readonly ClassifyEvent['type'][] = ['classify-models', 'classify-answer', 'classify-library', 'classify-files', 'classify-error'];

/** Narrow any command to a classify command. */
export function isClassifyCommand(command: { readonly type: string }): command is ClassifyCommand {
  return (CLASSIFY_COMMAND_TYPES as readonly string[]).includes(command.type);
}

/** Narrow any event to a classify event. */
export function isClassifyEvent(event: { readonly type: string }): event is ClassifyEvent {
  return (CLASSIFY_EVENT_TYPES as readonly string[]).includes(event.type);
}
