import type { StateCreator } from 'zustand';
import type { EpochPredictions, NetworkInternals } from '../../engine/protocol-inspect';
import type { CurrentImage } from './data-slice';
import type { AppState } from '../store';
import { createInspectCommands, type InspectCommands } from './inspect-commands';

export type { EpochPredictions, FirstConvLayer, InspectedModel, LayerActivations, NetworkInternals } from '../../engine/protocol-inspect';

/** One cell of the confusion matrix: images of class `trueClass` the network called `predictedClass`. */
export interface ConfusionCell {
  readonly trueClass: number;
  readonly predictedClass: number;
}

/**
 * What an internals answer was asked for: an image and the model as it stood (`modelKey` changes
 * whenever the weights may have: a new run, an epoch, a pause).
 */
export interface InternalsRequest {
  readonly image: CurrentImage;
  readonly modelKey: string;
}

/**
 * Where looking inside the network stands. `loading` keeps the last answer on screen until the next
 * arrives, so the panels do not flash empty at every epoch.
 */
export type InternalsStatus = 'idle' | 'loading' | 'ready' | 'unavailable' | 'failed';

/** Evaluation after each epoch, and the network's insides for the current image. */
export interface InspectData {
  /** The latest epoch's predictions of any run; `selectEvaluation` shows them for the shown run only. */
  readonly evaluation: EpochPredictions | null;
  /** The confusion-matrix cell whose images are shown, or null. */
  readonly confusionCell: ConfusionCell | null;
  readonly internalsStatus: InternalsStatus;
  /** The request in flight, or the one the shown answer belongs to. */
  readonly internalsRequest: InternalsRequest | null;
  /** The last answer, and the image it was computed on (lesson 9 replays that very image). */
  readonly internals: { readonly request: InternalsRequest; readonly result: NetworkInternals } | null;
  /** Why there is no answer (no model yet, or an error), for `unavailable` and `failed`. */
  readonly internalsMessage: string | null;
  /** The latest request sent and the command id that carries it; answers to any other are dropped. */
  readonly internalsAsked: { readonly id: number; readonly request: InternalsRequest } | null;
}

/** Inspect actions and commands. The `internals*` and `evaluationReceived` ones are called by the commands and the engine session only. */
export interface InspectActions extends InspectCommands {
  evaluationReceived(evaluation: EpochPredictions): void;
  chooseConfusionCell(cell: ConfusionCell | null): void;
  internalsRequested(request: InternalsRequest): void;
  internalsReceived(request: InternalsRequest, result: NetworkInternals): void;
  internalsUnavailable(request: InternalsRequest, message: string): void;
  internalsFailed(request: InternalsRequest, message: string): void;
  /** The engine stopped: answers in flight will not come. */
  internalsCancelled(): void;
}

/** Initial inspect state. */
export const initialInspectData = (): InspectData => ({
  evaluation: null,
  confusionCell: null,
  internalsStatus: 'idle',
  internalsRequest: null,
  internals: null,
  internalsMessage: null,
  internalsAsked: null,
});

/** Inspect slice. Answers to anything but the latest request are dropped. */
export const createInspectSlice: StateCreator<AppState, [], [], InspectData & InspectActions> = (set, get, store) => ({
  ...createInspectCommands(set, get, store),
  ...initialInspectData(),
  evaluationReceived: (evaluation) => set({ evaluation }),
  chooseConfusionCell: (confusionCell) => set({ confusionCell }),
  internalsRequested: (internalsRequest) => set({ internalsRequest, internalsStatus: 'loading', internalsMessage: null }),
  internalsReceived: (request, result) =>
    set((state) => (state.internalsRequest === request ? { internalsStatus: 'ready', internals: { request, result }, internalsMessage: null } : {})),
  internalsUnavailable: (request, message) =>
    set((state) => (state.internalsRequest === request ? { internalsStatus: 'unavailable', internals: null, internalsMessage: message } : {})),
  internalsFailed: (request, message) => set((state) => (state.internalsRequest === request ? { internalsStatus: 'failed', internalsMessage: message } : {})),
  internalsCancelled: () => set((state) => (state.internalsStatus === 'loading' ? { internalsStatus: state.internals ? 'ready' : 'idle', internalsRequest: state.internals?.request ?? null } : {})),
});
