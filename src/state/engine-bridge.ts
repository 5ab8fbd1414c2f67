import { startEngine, type EngineClient } from '../engine/client';
import type { BackendName } from '../engine/protocol';
import { useAppStore } from './store';
import { attachDataClient } from './data-bridge';
import { attachTrainingClient } from './training-bridge';
import { attachInspectClient } from './inspect-bridge';
import { attachClassifyClient } from './classify-bridge';

let client: EngineClient | null = null;

/**
 * Read the backend the user asked for with `?backend=webgl|wasm|cpu` in the page URL; webgl otherwise.
 * A link with the query lets a teacher force a backend on a laptop whose GPU misbehaves (wasm is the
 * fast choice there: WebAssembly with SIMD on the CPU).
 */
export function preferredBackendFromSearch(search: string): BackendName {
  const requested = new URLSearchParams(search).get('backend');
  return requested === 'cpu' || requested === 'wasm' ? requested : 'webgl';
}

/**
 * Start (or restart) the engine and report its life into the store. The only place the store talks
 * to the engine; views call this through `useEngine`-style effects, never the engine itself.
 */
export async function connectEngine(preferred: BackendName): Promise<void> {
  client?.terminate();
  client = null;
  attachDataClient(null);
  attachTrainingClient(null);
  attachInspectClient(null);
  attachClassifyClient(null);
  const actions = useAppStore.getState();
  actions.engineStarting(preferred);
  try {
    const started = await startEngine(preferred);
    client = started;
    started.subscribe((event) => {
      if (event.type === 'webgl-context-lost') useAppStore.getState().contextLost(event.message);
      if (event.type === 'fatal') useAppStore.getState().engineFailed(event.message);
    });
    useAppStore.getState().engineReady(started.info);
    attachDataClient(started);
    attachTrainingClient(started);
    attachInspectClient(started);
    attachClassifyClient(started);
  } catch (error) {
    useAppStore.getState().engineFailed(error instanceof Error ? error.message : String(error));
  }
}
