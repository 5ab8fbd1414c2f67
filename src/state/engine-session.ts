/**
 * The one engine session: created once when the app starts (src/main.tsx) and handed to the store
 * (`attachEngineSession`), it owns the engine client. Slice actions talk to the engine through it
 * only: `send` for commands whose events the routing table (engine-routes.ts) carries to the store,
 * `request` for queries that have one answer. It keeps the one list of requests waiting for an
 * answer: a request made while the engine starts or restarts (the backends are measured on a first
 * visit, a lost GPU is replaced) waits and is answered by the next engine; only an engine that could
 * not start, died, or was shut down rejects what waits.
 */
import type { EngineClient, EngineRequest } from '../engine/client/engine-client';
import type { BackendName, EngineEvent } from '../engine/protocol';
import { ENGINE_LIFECYCLE, routeEngineEvent } from './engine-routes';
import type { AppState } from './store';

export type { EngineRequest } from '../engine/client/engine-client';

/** The store's handle on the engine. */
export interface EngineSession {
  /**
   * Start the engine on `preferred`, or restart it there: the running engine stops first (each
   * domain hears so through `ENGINE_LIFECYCLE.stopped`), and requests it had not answered are sent
   * again to the new one once it is ready. Never rejects: a failure goes to the store (`engineFailed`)
   * and rejects every waiting request.
   */
  start(preferred: BackendName): Promise<void>;
  /** Stop the running engine until the next `start` (while the backends are measured); requests wait for that one. */
  suspend(): void;
  /** Stop for good: every waiting request is rejected, and so is every later one. */
  shutDown(): void;
  /** True while an engine runs and takes commands. */
  isRunning(): boolean;
  /**
   * Send a command that needs no answer; its events reach the store through the routing table.
   * @returns the id the engine will echo in its events, or null when no engine runs (the command is dropped).
   */
  send(command: EngineRequest): number | null;
  /**
   * Send a query and wait for the event that answers it (the first event with its id). Made while no
   * engine runs (starting, restarting, measuring backends), it waits for the next one.
   * @throws (rejects) Error with the engine's message for an error answer, or when the engine could
   *   not start, died or was shut down.
   */
  request(command: EngineRequest): Promise<EngineEvent>;
}

/** What a session is built from. */
export interface EngineSessionOptions {
  /** The store whose actions the events go to. */
  readonly store: { getState(): AppState };
  /** Start an engine (`startEngine` in the app, a fake in tests). */
  readonly startClient: (preferred: BackendName) => Promise<EngineClient>;
}

/** A request in the waiting list. */
interface Waiting {
  readonly command: EngineRequest;
  /** The id it was sent with to the running engine; null while it waits for one. */
  sentAs: number | null;
  resolve(event: EngineEvent): void;
  reject(error: Error): void;
}

type Phase = 'idle' | 'starting' | 'running' | 'failed' | 'shut-down';

/** Create the app's engine session; it starts nothing until `start`. */
export function createEngineSession({ store, startClient }: EngineSessionOptions): EngineSession {
  let phase: Phase = 'idle';
  let client: EngineClient | null = null;
  let unsubscribe: (() => void) | null = null;
  /** Why requests are refused (phase 'failed' or 'shut-down'). */
  let refusal = '';
  /** Bumped by every start, suspend and shut-down: a start that finds it changed gives its engine up. */
  let generation = 0;
  /** The one waiting list: every request not answered yet, sent or waiting for an engine. */
  const waiting = new Set<Waiting>();

  /** Let the running engine go; what it had not answered waits for the next one. */
  function release(): void {
    unsubscribe?.();
    unsubscribe = null;
    client?.terminate();
    client = null;
    for (const entry of waiting) entry.sentAs = null;
  }

  function refuseAll(message: string, nextPhase: Phase): void {
    phase = nextPhase;
    refusal = message;
    for (const entry of waiting) entry.reject(new Error(message));
    waiting.clear();
  }

  function dispatch(entry: Waiting): void {
    if (client) entry.sentAs = client.send(entry.command);
  }

  function answer(event: EngineEvent): void {
    if (!('id' in event) || event.type === 'data-progress') return;
    for (const entry of waiting) {
      if (entry.sentAs !== event.id) continue;
      waiting.delete(entry);
      const failure = failureOf(event);
      if (failure === null) entry.resolve(event);
      else entry.reject(new Error(failure));
      return;
    }
  }

  function onEvent(event: EngineEvent): void {
    if (event.type === 'fatal') {
      // The worker died: nothing it held will answer, and nothing sent to it would.
      release();
      refuseAll(`the engine stopped: ${event.message}`, 'failed');
    }
    answer(event);
    routeEngineEvent(store.getState(), event);
  }

  function stopRunning(): void {
    generation += 1;
    release();
    ENGINE_LIFECYCLE.stopped(store.getState());
    phase = 'starting';
  }

  return {
    async start(preferred) {
      if (phase === 'shut-down') return;
      stopRunning();
      const mine = generation;
      store.getState().engineStarting(preferred);
      let next: EngineClient;
      try {
        next = await startClient(preferred);
      } catch (error) {
        if (mine !== generation) return;
        const message = error instanceof Error ? error.message : String(error);
        store.getState().engineFailed(message);
        refuseAll(`the engine could not start: ${message}`, 'failed');
        return;
      }
      if (mine !== generation) {
        next.terminate();
        return;
      }
      client = next;
      phase = 'running';
      unsubscribe = next.subscribe(onEvent);
      store.getState().engineReady(next.info);
      ENGINE_LIFECYCLE.started(store.getState());
      for (const entry of waiting) if (entry.sentAs === null) dispatch(entry);
    },
    suspend() {
      if (phase === 'shut-down') return;
      stopRunning();
      const state = store.getState();
      state.engineStarting(state.preferredBackend);
    },
    shutDown() {
      generation += 1;
      release();
      refuseAll('the engine was shut down', 'shut-down');
    },
    isRunning: () => client !== null,
    send: (command) => (client ? client.send(command) : null),
    request(command) {
      if (phase === 'failed' || phase === 'shut-down') return Promise.reject(new Error(refusal));
      return new Promise((resolve, reject) => {
        const entry: Waiting = { command, sentAs: null, resolve, reject };
        waiting.add(entry);
        dispatch(entry);
      });
    },
  };
}

/**
 * The session the store was handed, or, before one is (and in tests that need none), one without an
 * engine: it drops commands and refuses requests.
 */
export function sessionOf(state: { readonly engineSession: EngineSession | null }): EngineSession {
  return state.engineSession ?? NO_SESSION;
}

const NO_SESSION: EngineSession = Object.freeze({
  start: () => Promise.resolve(),
  suspend: () => undefined,
  shutDown: () => undefined,
  isRunning: () => false,
  send: () => null,
  request: () => Promise.reject(new Error('the app has not started its engine')),
});

/** The message of an answer that reports a failure, or null for a good answer. */
function failureOf(event: EngineEvent): string | null {
  switch (event.type) {
    case 'error':
    case 'init-failed':
    case 'data-error':
    case 'classify-error':
    case 'saliency-error':
    case 'classes-error':
    case 'inspect-error':
      return event.message;
    default:
      return null;
  }
}
