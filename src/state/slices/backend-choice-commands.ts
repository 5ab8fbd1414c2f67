/**
 * Choosing the backend the engine trains on, before it starts: the user's `?backend=`, a hardware GPU
 * (WebGL, no probe), a choice measured before on this browser and renderer (localStorage), or a
 * fresh measurement of every backend (src/engine/client/probe-runner.ts). The rules are pure
 * (src/core/backend/backend-choice.ts); these commands do the side effects around them and then start the
 * engine session.
 */
import type { StateCreator } from 'zustand';
import { chooseFromProbes, planBackendChoice, type BackendChoice, type BackendRequest } from '../../core/backend/backend-choice';
import { parseRememberedChoice, rememberedChoiceKey, serializeChoice } from '../../core/backend/backend-choice-memory';
import type { ComputeBackend } from '../../core/backend/backend-probe-rules';
import { readPageWebGLRenderer } from '../../engine/client/page-webgl-renderer';
import { openProbeWorker, runProbes } from '../../engine/client/probe-runner';
import { sessionOf } from '../engine-session';
import type { AppState } from '../store';

/** Backend-choice commands. */
export interface BackendChoiceCommands {
  /**
   * Choose the backend for `request` and start the engine on it. With `remeasure`, a remembered
   * choice is forgotten and every backend measured again (the badge's "Measure again"); a newer call
   * cancels the probing of an older one. Never rejects: a failure is shown in the badge, and the
   * engine then starts as tfjs would (WebGL, with the engine's own fall-backs).
   */
  startEngineByChoice(request: BackendRequest, options?: { readonly remeasure?: boolean }): Promise<void>;
}

/**
 * Read `?backend=webgl|wasm|cpu` from the page URL: the user's choice, which always wins; anything
 * else (or nothing) lets the app choose by measuring.
 */
export function backendRequestFromSearch(search: string): BackendRequest {
  const requested = new URLSearchParams(search).get('backend');
  return requested === 'webgl' || requested === 'wasm' || requested === 'cpu' ? { kind: 'user', backend: requested } : { kind: 'auto' };
}

/** The backend-choice commands, spread into the backend-choice slice. */
export const createBackendChoiceCommands: StateCreator<AppState, [], [], BackendChoiceCommands> = (set, get) => {
  /** Measure every backend in fresh workers while no engine runs (it would compete for the CPU). */
  const measure = async (signal: AbortSignal): Promise<BackendChoice> => {
    sessionOf(get()).suspend();
    get().backendProbeProgress({ records: [], current: null });
    const records = await runProbes({ open: openProbeWorker, onProgress: (progress) => get().backendProbeProgress(progress), signal });
    return chooseFromProbes(records, new Date());
  };
  return {
    startEngineByChoice: async (request, options = {}) => {
      get().backendChoiceRun?.abort(new Error('a newer backend choice replaced this one'));
      const controller = new AbortController();
      set({ backendChoiceRun: controller });
      const renderer = readPageWebGLRenderer();
      const key = rememberedChoiceKey(renderer, navigator.userAgent);
      if (options.remeasure) writeStorage(key, null);
      const remembered = request.kind === 'auto' && !options.remeasure ? parseRememberedChoice(readStorage(key)) : null;
      const plan = planBackendChoice(request, renderer, remembered);
      let backend: ComputeBackend = 'webgl';
      try {
        const choice = plan.kind === 'use' ? plan.choice : await measure(controller.signal);
        if (choice.source === 'measured') writeStorage(key, serializeChoice(choice));
        get().backendChosen(choice);
        backend = choice.backend;
      } catch (error) {
        if (controller.signal.aborted) return;
        get().backendChoiceFailed(error instanceof Error ? error.message : String(error));
      }
      if (controller.signal.aborted) return;
      set({ backendChoiceRun: null });
      await sessionOf(get()).start(backend);
    },
  };
};

/** localStorage, which may be missing or refuse (private windows, storage turned off): then nothing is remembered. */
function readStorage(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not remembering only costs a measurement on the next visit.
  }
}
