import type { StateCreator } from 'zustand';
import type { BackendChoice } from '../../core/backend/backend-choice';
import type { ProbeProgress } from '../../core/backend/backend-probe-rules';
import type { AppState } from '../store';
import { createBackendChoiceCommands, type BackendChoiceCommands } from './backend-choice-commands';

/** Which backend the engine was started on and why; the probe's progress while it measures. */
export interface BackendChoiceData {
  /** The choice the running (or starting) engine follows; null before one was made. */
  readonly backendChoice: BackendChoice | null;
  /** Probing progress while backends are being measured; null otherwise. */
  readonly backendProbe: ProbeProgress | null;
  /** Why choosing failed (no backend could start), or null. */
  readonly backendChoiceError: string | null;
  /** The choice in progress (its abort handle): a newer one (Measure again) cancels its probing. */
  readonly backendChoiceRun: AbortController | null;
}

/** Backend-choice actions and commands; the actions are called by the commands. */
export interface BackendChoiceActions extends BackendChoiceCommands {
  backendProbeProgress(progress: ProbeProgress): void;
  backendChosen(choice: BackendChoice): void;
  backendChoiceFailed(message: string): void;
}

/** Initial backend-choice state. */
export const initialBackendChoiceData = (): BackendChoiceData => ({ backendChoice: null, backendProbe: null, backendChoiceError: null, backendChoiceRun: null });

/** Backend-choice slice. */
export const createBackendChoiceSlice: StateCreator<AppState, [], [], BackendChoiceData & BackendChoiceActions> = (set, get, store) => ({
  ...createBackendChoiceCommands(set, get, store),
  ...initialBackendChoiceData(),
  backendProbeProgress: (progress) => set({ backendProbe: progress, backendChoiceError: null }),
  backendChosen: (choice) => set({ backendChoice: choice, backendProbe: null, backendChoiceError: null }),
  backendChoiceFailed: (message) => set({ backendProbe: null, backendChoiceError: message }),
});
