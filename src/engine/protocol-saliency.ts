/**
 * The saliency domain of the engine protocol: "Why this class". For one 32 × 32 picture, one of the
 * classify handler's models and one class, the engine answers with two maps of where the class's
 * score is sensitive — Grad-CAM on the last convolution layer, and the plain gradient per pixel — for
 * the page to lay over the picture — and, as a check that is not a slope, how much the score drops when a
 * grey square covers each part of the picture (occlusion). Unioned into `EngineCommand` / `EngineEvent` in protocol.ts.
 */
import type { ClassifierInfo, ClassifierKind } from '../core/model/classifier-model';
import type { Map2d } from '../core/model/saliency-map';

export type { Map2d } from '../core/model/saliency-map';

/** Grad-CAM on one convolution layer: its grid, before resizing to the picture. */
export interface GradCamMap extends Map2d {
  /** The layer it was computed on (the model's last Conv2D), e.g. "conv2d_1". */
  readonly layerName: string;
  /** Feature maps (channels) of that layer. */
  readonly channels: number;
}

/** The occlusion test's map: per pixel, the mean score drop of the grey squares laid over it. */
export interface OcclusionResult extends Map2d {
  /** Side of the grey square, and the step between its places, in pixels. */
  readonly patch: number;
  readonly stride: number;
}

/** The maps for one picture and one class. */
export interface SaliencyMaps {
  /** Index of the class in the model's output (CIFAR10_CLASSES order). */
  readonly classIndex: number;
  /**
   * What was differentiated: the class's `logit` (its score before softmax, as Grad-CAM's paper
   * uses), or its `probability` when the model's last layer gives no separate logit.
   */
  readonly score: 'logit' | 'probability';
  /** That score's value for this picture. */
  readonly scoreValue: number;
  /** Grad-CAM: ReLU(Σₖ αₖ Aₖ), αₖ the mean of ∂score/∂Aₖ over the grid; null when the model has none (`gradCamNote` says why). */
  readonly gradCam: GradCamMap | null;
  readonly gradCamNote: string | null;
  /** The plain gradient: max over R, G, B of |∂score/∂pixel| for the input scaled to 0…1; 32 × 32. */
  readonly gradient: Map2d;
  /** Occlusion: how much the score drops when a mid-grey square covers each spot (negative: it rises); 32 × 32. */
  readonly occlusion: OcclusionResult;
  /** The model that answered, as it is named in Classify. */
  readonly model: ClassifierInfo;
  /** Milliseconds the engine took for all the maps (forward and backward passes and read-back). */
  readonly ms: number;
}

/** Saliency commands. */
export type SaliencyCommand = {
  readonly type: 'saliency-maps';
  readonly id: number;
  /** 32 × 32 × 3 uint8 RGB, row-major: the input the network saw (a classify answer's `input`). */
  readonly pixels: Uint8Array;
  readonly model: ClassifierKind;
  /** The class to explain, 0…9. */
  readonly classIndex: number;
};

/** Saliency events. */
export type SaliencyEvent =
  | { readonly type: 'saliency-result'; readonly id: number; readonly maps: SaliencyMaps }
  /** The maps could not be made; `message` is a sentence for the user. Nothing else changed. */
  | { readonly type: 'saliency-error'; readonly id: number; readonly message: string };

/** The `type` tags of `SaliencyCommand`. */
export const SALIENCY_COMMAND_TYPES: readonly SaliencyCommand['type'][] = ['saliency-maps'];
/** The `type` tags of `SaliencyEvent`. */
export const SALIENCY_EVENT_TYPES: readonly SaliencyEvent['type'][] = ['saliency-result', 'saliency-error'];

/** Narrow any command to a saliency command. */
export function isSaliencyCommand(command: { readonly type: string }): command is SaliencyCommand {
  return (SALIENCY_COMMAND_TYPES as readonly string[]).includes(command.type);
}
