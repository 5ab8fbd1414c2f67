import type { StateCreator } from 'zustand';
import type { BackendInfo, BackendName } from '../../engine/protocol';
import type { AppState } from '../store';

/** Lifecycle of the compute engine. */
export type EngineStatus = 'starting' | 'ready' | 'failed';

/** What the UI knows about the engine. */
export interface EngineData {
  readonly engineStatus: EngineStatus;
  readonly preferredBackend: BackendName;
  readonly backendInfo: BackendInfo | null;
  /** Why start-up failed, in words; null otherwise. */
  readonly engineError: string | null;
  /** Set when the WebGL context was lost; cleared on restart. */
  readonly contextLostMessage: string | null;
}
/** Engine actions, called by the engine bridge (the only place that talks to the engine). */
export interface EngineActions {
  engineStarting(preferred: BackendName): void;
  engineReady(info: BackendInfo): void;
  engineFailed(message: string): void;
  contextLost(message: string): void;
}

/** Initial engine state. */
export const initialEngineData = (): EngineData => ({
  engineStatus: 'starting',
  preferredBackend: 'webgl',
  backendInfo: null,
  engineError: null,
  contextLostMessage: null,
});

/** Engine slice. */
export const createEngineSlice: StateCreator<AppState, [], [], EngineData & EngineActions> = (set) => ({
  ...initialEngineData(),
  engineStarting: (preferred) =>
    set({ engineStatus: 'starting', preferredBackend: preferred, backendInfo: null, engineError: null, contextLostMessage: null }),
  engineReady: (info) => set({ engineStatus: 'ready', backendInfo: info, engineError: null }),
  engineFailed: (message) => set({ engineStatus: 'failed', engineError: message }),
  contextLost: (message) => set({ contextLostMessage: message }),
});
