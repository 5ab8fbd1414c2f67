import type { StateCreator } from 'zustand';
import type { BackendInfo, BackendName } from '../../engine/protocol';
import { sessionOf, type EngineSession } from '../engine-session';
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
  /** The one engine session, handed over once when the app starts (src/main.tsx); null before that. */
  readonly engineSession: EngineSession | null;
}
/** Engine actions. The lifecycle ones (`engineStarting` … `contextLost`) are called by the engine session. */
export interface EngineActions {
  /** Talk to the engine through `session` from now on (once, when the app starts; again in tests). */
  attachEngineSession(session: EngineSession): void;
  /** Start the engine again on `preferred` (after the GPU context was lost); waiting requests are answered by the new one. */
  restartEngine(preferred: BackendName): Promise<void>;
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
  engineSession: null,
});

/** Engine slice. */
export const createEngineSlice: StateCreator<AppState, [], [], EngineData & EngineActions> = (set, get) => ({
  ...initialEngineData(),
  attachEngineSession: (engineSession) => set({ engineSession }),
  restartEngine: (preferred) => sessionOf(get()).start(preferred),
  engineStarting: (preferred) =>
    set({ engineStatus: 'starting', preferredBackend: preferred, backendInfo: null, engineError: null, contextLostMessage: null }),
  engineReady: (info) => set({ engineStatus: 'ready', backendInfo: info, engineError: null }),
  engineFailed: (message) => set({ engineStatus: 'failed', engineError: message }),
  contextLost: (message) => set({ contextLostMessage: message }),
});
