/**
 * The "evaluate now" domain of the engine protocol: score a model on test images without training it —
 * the Train area's run as it rests (paused, stopped, finished), or the shipped pretrained model — and
 * send back every image's predicted class, from which the Train view draws the same confusion matrix
 * it draws after an epoch. Unioned into `EngineCommand` / `EngineEvent` in protocol.ts.
 *
 * One evaluation runs at a time. It goes batch by batch, reporting progress, and stops before its next
 * batch when cancelled, or when the run it looks at is resumed, stepped, replaced or reset (the
 * weights it reads must not move under it).
 */

import type { RunId } from '../core/training/run-record';

/** Which model to evaluate. */
export type EvaluationTarget =
  /** The current training run's model; only while no step can run (paused, stopped, finished, failed). */
  | 'run'
  /** The pretrained tutorial model shipped with the app (the one Classify answers with first). */
  | 'pretrained';

/** The model an evaluation scored, as it stood. */
export type EvaluatedModel =
  | {
      readonly kind: 'trained';
      readonly runId: RunId;
      /** Epochs finished; `batch` batches into the next; `iteration` updates in all. */
      readonly epochsDone: number;
      readonly batch: number;
      readonly iteration: number;
    }
  | { readonly kind: 'pretrained' };

/** What an evaluation found. Arrays are fresh, the receiver's to keep. */
export interface EvaluationNowResult {
  /** The `id` of the `evaluate-now` command. */
  readonly evaluationId: number;
  readonly model: EvaluatedModel;
  /** Test-split indices of the evaluated images, in evaluation order. */
  readonly indices: Uint32Array;
  /** Their true classes. */
  readonly labels: Uint8Array;
  /** The class with the highest probability for each. */
  readonly predictions: Uint8Array;
  /** Mean categorical cross-entropy (nats) and the fraction right, 0..1. */
  readonly loss: number;
  readonly accuracy: number;
  /** ISO 8601 time the evaluation finished. */
  readonly evaluatedAt: string;
  /** Seconds it took. */
  readonly seconds: number;
}

/** Evaluate commands. */
export type EvaluateCommand =
  | {
      readonly type: 'evaluate-now';
      readonly id: number;
      readonly target: EvaluationTarget;
      /** Test images to evaluate on: a class-balanced subset of this many drawn with `seed` as a run draws its validation images, or null for all. */
      readonly validationSubset: number | null;
      readonly seed: number;
      /** Images per forward pass, ≥ 1 (the run's own batch size reuses the programs it compiled). */
      readonly batchSize: number;
      /** Absolute URL of the pretrained model's model.json (target `pretrained`). */
      readonly pretrainedModelUrl: string;
    }
  /** Stop the evaluation `evaluationId` before its next batch (answered by `evaluate-failed`, cancelled). */
  | { readonly type: 'evaluate-cancel'; readonly id: number; readonly evaluationId: number };

/** Evaluate events. */
export type EvaluateEvent =
  /** Sent when the evaluation starts (0 done) and after every batch. */
  | { readonly type: 'evaluate-progress'; readonly evaluationId: number; readonly imagesDone: number; readonly images: number }
  | { readonly type: 'evaluate-result'; readonly result: EvaluationNowResult }
  /** It could not run or did not finish; `cancelled` when it was stopped on purpose (`message` says by what). */
  | { readonly type: 'evaluate-failed'; readonly evaluationId: number; readonly message: string; readonly cancelled: boolean };

/** The `type` tags of `EvaluateCommand`. */
export const EVALUATE_COMMAND_TYPES: readonly EvaluateCommand['type'][] = ['evaluate-now', 'evaluate-cancel'];
/** The `type` tags of `EvaluateEvent`. */
export const EVALUATE_EVENT_TYPES: readonly EvaluateEvent['type'][] = ['evaluate-progress', 'evaluate-result', 'evaluate-failed'];

/** Narrow any command to an evaluate command. */
export function isEvaluateCommand(command: { readonly type: string }): command is EvaluateCommand {
  return (EVALUATE_COMMAND_TYPES as readonly string[]).includes(command.type);
}

/** Narrow any event to an evaluate event. */
export function isEvaluateEvent(event: { readonly type: string }): event is EvaluateEvent {
  return (EVALUATE_EVENT_TYPES as readonly string[]).includes(event.type);
}
