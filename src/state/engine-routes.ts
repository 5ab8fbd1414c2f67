/**
 * Where the engine's events go in the store: one route per event kind (`EVENT_ROUTES`), and what each
 * domain does when an engine starts or stops (`ENGINE_LIFECYCLE`). The engine session calls these and
 * nothing else; answers to requests are settled by the session before the event is routed.
 *
 * Adding an event kind to the protocol makes `EVENT_ROUTES` fail to compile until it names the store
 * action that handles it (or null: an answer to a request, or an event the session never sees).
 */
import type { EngineEvent } from '../engine/protocol';
import type { AppState } from './store';

/** The route of one event kind: a store action, or null when no action needs it. */
type Route<K extends EngineEvent['type']> = ((state: AppState, event: Extract<EngineEvent, { type: K }>) => void) | null;

/** Every event kind's route. */
export type EventRoutes = { readonly [K in EngineEvent['type']]: Route<K> };

/** The routing table. */
export const EVENT_ROUTES: EventRoutes = Object.freeze({
  // Start-up answers, taken by the client before the session sees the engine.
  ready: null,
  'init-failed': null,
  // Answers a request (the session settles it).
  error: null,
  'webgl-context-lost': (state, event) => state.contextLost(event.message),
  // The session has already rejected what waited and let the engine go.
  fatal: (state, event) => {
    state.engineFailed(event.message);
    state.dataEngineFailed(event.message);
  },
  'data-progress': (state, event) => state.dataEventReceived(event),
  'data-loaded': (state, event) => state.dataEventReceived(event),
  'data-page-result': null,
  'data-error': (state, event) => state.dataEventReceived(event),
  'train-status': (state, event) => state.trainingEventReceived(event),
  'train-progress': (state, event) => state.trainingEventReceived(event),
  'train-workers': (state, event) => state.trainingEventReceived(event),
  'training-elsewhere': (state, event) => state.trainingEventReceived(event),
  'run-saved': (state, event) => state.runsEventReceived(event),
  'runs-listed': (state, event) => state.runsEventReceived(event),
  'runs-deleted': (state, event) => state.runsEventReceived(event),
  // Answers a request.
  'run-detail-result': null,
  'train-error': (state, event) => state.trainingEventReceived(event),
  // Answers startOwnClassesRun's check of the class set.
  'train-classes-checked': null,
  // Answers to classify and library requests.
  'classify-models': null,
  'classify-answer': null,
  'classify-library': null,
  'classify-files': null,
  'classify-error': null,
  'inspect-result': (state, event) => state.internalsEventReceived(event),
  'inspect-unavailable': (state, event) => state.internalsEventReceived(event),
  'inspect-error': (state, event) => state.internalsEventReceived(event),
  'inspect-epoch-predictions': (state, event) => state.evaluationReceived(event.evaluation),
  // Probes run in throwaway workers of their own (backend-choice commands), never in the session.
  'probe-phase': null,
  'probe-step': null,
  'probe-result': null,
  'evaluate-progress': (state, event) => state.evaluateNowEventReceived(event),
  'evaluate-result': (state, event) => state.evaluateNowEventReceived(event),
  'evaluate-failed': (state, event) => state.evaluateNowEventReceived(event),
  // Answers to "Why this class" requests.
  'saliency-result': null,
  'saliency-error': null,
  // Answers to class-set requests.
  'classes-listed': null,
  'classes-set': null,
  'classes-file': null,
  'classes-error': null,
});

/** Carry `event` to the store action its kind routes to. */
export function routeEngineEvent(state: AppState, event: EngineEvent): void {
  // The table pairs each kind with a handler of that kind's event; TypeScript cannot follow the pairing through the lookup.
  const route = EVENT_ROUTES[event.type] as ((state: AppState, event: EngineEvent) => void) | null;
  route?.(state, event);
}

/** What each domain does when an engine starts or stops (a restart is both). */
export const ENGINE_LIFECYCLE = Object.freeze({
  /** A new engine is ready: it holds no data and no models yet. */
  started(state: AppState): void {
    state.dataEngineStarted();
    state.runsEngineStarted();
    state.classifyEngineStarted();
  },
  /** The engine is going away: what it held is gone, and what it was doing will not finish. */
  stopped(state: AppState): void {
    state.dataEngineStopped();
    state.classifyEngineStopped();
    state.internalsEngineStopped();
    state.evaluateNowAbandoned('The engine restarted before the evaluation finished; evaluate again.');
  },
});
