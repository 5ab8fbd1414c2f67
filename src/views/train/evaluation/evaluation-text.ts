/** Words for the evaluation section: which model was scored, and when. Pure. */
import type { EvaluationNowResult } from '../../../state/slices/evaluate-now-slice';
import type { EpochPredictions } from '../../../state/slices/inspect-slice';
import { formatCount } from '../training/training-text';

/** An evaluation the section can show: after an epoch, or asked for with "Evaluate now". */
export type ShownEvaluation = EpochPredictions | EvaluationNowResult;

/** True for an "evaluate now" result. */
export function isEvaluatedNow(shown: ShownEvaluation): shown is EvaluationNowResult {
  return 'evaluationId' in shown;
}

/**
 * "after epoch 3"; "by your network, evaluated now, after epoch 3, batch 12 (at 14:05:09)";
 * "by the pretrained tutorial model, evaluated now (at 14:05:09)". `timeZone` for tests.
 */
export function evaluationWhen(shown: ShownEvaluation, timeZone?: string): string {
  if (!isEvaluatedNow(shown)) return `after epoch ${shown.epoch + 1}`;
  const at = `at ${new Date(shown.evaluatedAt).toLocaleTimeString('en-GB', { hour12: false, ...(timeZone ? { timeZone } : {}) })}`;
  const model = shown.model;
  if (model.kind === 'pretrained') return `by the pretrained tutorial model, evaluated now (${at})`;
  return `by your network, evaluated now, ${trainedPosition(model.epochsDone, model.batch)} (${at})`;
}

/** "after epoch 3, batch 12", "after epoch 3", "after batch 12 of epoch 1", "before any training". */
export function trainedPosition(epochsDone: number, batch: number): string {
  if (epochsDone === 0) return batch === 0 ? 'before any training' : `after batch ${batch} of epoch 1`;
  return batch === 0 ? `after epoch ${epochsDone}` : `after epoch ${epochsDone}, batch ${batch}`;
}

/** "Evaluating your network: 1 024 of 10 000 test images…". */
export function evaluationProgressText(target: 'run' | 'pretrained', imagesDone: number, images: number | null): string {
  const who = target === 'run' ? 'your network' : 'the pretrained model';
  return images === null ? `Evaluating ${who}…` : `Evaluating ${who}: ${formatCount(imagesDone)} of ${formatCount(images)} test images…`;
}
