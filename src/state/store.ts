import { create } from 'zustand';
import type { BackendInfo, BackendName } from '../engine/protocol';

/** The three areas of the app; each is a hash route (`#/learn`, `#/train`, `#/classify`). */
export const AREAS = ['learn', 'train', 'classify'] as const;
/** One area of the app. */
export type Area = (typeof AREAS)[number];

/** Navigation: which area is open. */
export interface RouteData {
  readonly area: Area;
}
/** Navigation actions. */
export interface RouteActions {
  openArea(area: Area): void;
}

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

/** The whole store: data and actions of every slice. */
export type AppState = RouteData & RouteActions & EngineData & EngineActions;
/** Only the data of the store, as `getInitialState` returns it. */
export type AppData = RouteData & EngineData;

/** The store's data before anything happened; used on start-up and to reset between tests. */
export function getInitialState(): AppData {
  return {
    area: 'learn',
    engineStatus: 'starting',
    preferredBackend: 'webgl',
    backendInfo: null,
    engineError: null,
    contextLostMessage: null,
  };
}

/** The app's one store. */
export const useAppStore = create<AppState>()((set) => ({
  ...getInitialState(),
  openArea: (area) => set({ area }),
  engineStarting: (preferred) =>
    set({ engineStatus: 'starting', preferredBackend: preferred, backendInfo: null, engineError: null, contextLostMessage: null }),
  engineReady: (info) => set({ engineStatus: 'ready', backendInfo: info, engineError: null }),
  engineFailed: (message) => set({ engineStatus: 'failed', engineError: message }),
  contextLost: (message) => set({ contextLostMessage: message }),
}));
