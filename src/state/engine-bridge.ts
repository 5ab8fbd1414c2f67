import { startEngine, type EngineClient } from '../engine/client';
import type { BackendName } from '../engine/protocol';
import { useAppStore } from './store';
import { attachDataClient } from './data-bridge';
import { attachTrainingClient } from './training-bridge';
import { attachInspectClient } from './inspect-bridge';
import { attachClassifyClient } from './classify-bridge';
import { attachEvaluateClient } from './evaluate-bridge';

let client: EngineClient | null = null;

/**
 * Start (or restart) the engine and report its life into the store. The only place the store talks
 * to the engine; views call this through `useEngine`-style effects, never the engine itself.
 */
export async function connectEngine(preferred: BackendName): Promise<void> {
  detachClient();
  useAppStore.getState().engineStarting(preferred);
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
    attachEvaluateClient(started);
  } catch (error) {
    useAppStore.getState().engineFailed(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Stop the engine (if one runs) and mark it as starting again: used while the backends are measured,
 * so an idle engine neither competes with the probes nor accepts a run that the restart would end.
 */
export function disconnectEngine(): void {
  detachClient();
  const state = useAppStore.getState();
  state.engineStarting(state.preferredBackend);
}

function detachClient(): void {
  client?.terminate();
  client = null;
  attachDataClient(null);
  attachTrainingClient(null);
  attachInspectClient(null);
  attachClassifyClient(null);
  attachEvaluateClient(null);
}
