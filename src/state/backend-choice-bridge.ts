/**
 * Choosing the backend the engine trains on, before it starts: the user's `?backend=`, a hardware GPU
 * (WebGL, no probe), a choice measured before on this browser and renderer (localStorage), or a
 * fresh measurement of every backend (src/engine/probe-runner.ts). The rules are pure
 * (src/core/backend-choice.ts); this file does the side effects around them and then starts the
 * engine through the engine bridge.
 */
import { chooseFromProbes, planBackendChoice, type BackendChoice, type BackendRequest } from '../core/backend-choice';
import { parseRememberedChoice, rememberedChoiceKey, serializeChoice } from '../core/backend-choice-memory';
import type { ComputeBackend } from '../core/backend-probe-rules';
import { readPageWebGLRenderer } from '../engine/page-webgl-renderer';
import { openProbeWorker, runProbes } from '../engine/probe-runner';
import { connectEngine, disconnectEngine } from './engine-bridge';
import { useAppStore } from './store';

/** The running choice's abort handle: a newer request (Measure again) cancels an older probe. */
let running: AbortController | null = null;

/**
 * Read `?backend=webgl|wasm|cpu` from the page URL: the user's choice, which always wins; anything
 * else (or nothing) lets the app choose by measuring.
 */
export function backendRequestFromSearch(search: string): BackendRequest {
  const requested = new URLSearchParams(search).get('backend');
  return requested === 'webgl' || requested === 'wasm' || requested === 'cpu' ? { kind: 'user', backend: requested } : { kind: 'auto' };
}

/**
 * Choose the backend for `request` and start the engine on it. With `remeasure`, a remembered
 * choice is forgotten and every backend measured again (the badge's "Measure again").
 * Never rejects: a failure is shown in the badge, and the engine then starts as tfjs would (WebGL,
 * with the engine's own fall-backs).
 */
export async function startEngineByChoice(request: BackendRequest, options: { readonly remeasure?: boolean } = {}): Promise<void> {
  running?.abort(new Error('a newer backend choice replaced this one'));
  const controller = new AbortController();
  running = controller;
  const renderer = readPageWebGLRenderer();
  const key = rememberedChoiceKey(renderer, navigator.userAgent);
  if (options.remeasure) writeStorage(key, null);
  const remembered = request.kind === 'auto' && !options.remeasure ? parseRememberedChoice(readStorage(key)) : null;
  const plan = planBackendChoice(request, renderer, remembered);
  let backend: ComputeBackend = 'webgl';
  try {
    const choice = plan.kind === 'use' ? plan.choice : await measure(controller.signal);
    if (choice.source === 'measured') writeStorage(key, serializeChoice(choice));
    useAppStore.getState().backendChosen(choice);
    backend = choice.backend;
  } catch (error) {
    if (controller.signal.aborted) return;
    useAppStore.getState().backendChoiceFailed(error instanceof Error ? error.message : String(error));
  }
  if (controller.signal.aborted) return;
  running = null;
  await connectEngine(backend);
}

/** Measure every backend in fresh workers while no engine runs (it would compete for the CPU). */
async function measure(signal: AbortSignal): Promise<BackendChoice> {
  disconnectEngine();
  const store = useAppStore.getState();
  store.backendProbeProgress({ records: [], current: null });
  const records = await runProbes({ open: openProbeWorker, onProgress: (progress) => useAppStore.getState().backendProbeProgress(progress), signal });
  return chooseFromProbes(records, new Date());
}

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
