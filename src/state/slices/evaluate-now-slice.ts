import type { StateCreator } from 'zustand';
import type { EvaluateEvent, EvaluationNowResult, EvaluationTarget } from '../../engine/protocol-evaluate';
import type { EpochPredictions } from '../../engine/protocol-inspect';
import type { AppState } from '../store';
import { createEvaluateCommands, type EvaluateCommands } from './evaluate-commands';

export type { EvaluatedModel, EvaluationNowResult, EvaluationTarget } from '../../engine/protocol-evaluate';

/** An "evaluate now" result and the epoch evaluation that was on screen when it came (see `selectShownEvaluation`). */
export interface EvaluateNowEntry {
  readonly result: EvaluationNowResult;
  /** `state.evaluation` when the result arrived: a later epoch's evaluation replaces this result on screen. */
  readonly epochEvaluationThen: EpochPredictions | null;
}

/** The evaluation asked for with the "Evaluate now" buttons: the one in flight, and the last result. */
export interface EvaluateNowData {
  /** The evaluation in flight (its command id and target), or null. */
  readonly evaluateNowRequest: { readonly id: number; readonly target: EvaluationTarget } | null;
  /** Images done of the evaluation in flight; null until the engine reports its size. */
  readonly evaluateNowProgress: { readonly imagesDone: number; readonly images: number } | null;
  /** Why the last evaluation did not finish (refused, failed, cancelled), or null. */
  readonly evaluateNowMessage: string | null;
  readonly evaluateNowResult: EvaluateNowEntry | null;
}

/** Evaluate-now actions and commands; the actions are called by the commands and the engine session only. */
export interface EvaluateNowActions extends EvaluateCommands {
  evaluateNowRequested(id: number, target: EvaluationTarget): void;
  evaluateNowEventReceived(event: EvaluateEvent): void;
  /** The engine went away with the evaluation in flight (`message` says so). */
  evaluateNowAbandoned(message: string): void;
}

/** Initial evaluate-now state. */
export const initialEvaluateNowData = (): EvaluateNowData => ({
  evaluateNowRequest: null,
  evaluateNowProgress: null,
  evaluateNowMessage: null,
  evaluateNowResult: null,
});

/** Evaluate-now slice. Events of any evaluation but the one in flight are dropped. */
export const createEvaluateNowSlice: StateCreator<AppState, [], [], EvaluateNowData & EvaluateNowActions> = (set, get, store) => ({
  ...createEvaluateCommands(set, get, store),
  ...initialEvaluateNowData(),
  evaluateNowRequested: (id, target) => set({ evaluateNowRequest: { id, target }, evaluateNowProgress: null, evaluateNowMessage: null }),
  evaluateNowEventReceived: (event) => set((state) => applyEvent(state, event)),
  evaluateNowAbandoned: (message) =>
    set((state) => (state.evaluateNowRequest ? { evaluateNowRequest: null, evaluateNowProgress: null, evaluateNowMessage: message } : {})),
});

function applyEvent(state: AppState, event: EvaluateEvent): Partial<EvaluateNowData> {
  const id = event.type === 'evaluate-result' ? event.result.evaluationId : event.evaluationId;
  if (state.evaluateNowRequest?.id !== id) return {};
  switch (event.type) {
    case 'evaluate-progress':
      return { evaluateNowProgress: { imagesDone: event.imagesDone, images: event.images } };
    case 'evaluate-result':
      return { evaluateNowRequest: null, evaluateNowProgress: null, evaluateNowResult: { result: event.result, epochEvaluationThen: state.evaluation } };
    case 'evaluate-failed':
      return { evaluateNowRequest: null, evaluateNowProgress: null, evaluateNowMessage: event.message };
  }
}
