/**
 * The inspect domain's commands to the engine: ask what the network does with the current image
 * (again whenever the image or the model changes). The engine session routes the answers to
 * `internalsEventReceived`, and each epoch's validation predictions to `evaluationReceived`.
 */
import type { StateCreator } from 'zustand';
import type { InspectEvent } from '../../engine/protocol-inspect';
import { sessionOf } from '../engine-session';
import type { AppState } from '../store';
import { pretrainedModelUrl } from './classify-commands';
import type { CurrentImage } from './data-slice';
import type { InternalsRequest } from './inspect-slice';

/** Inspect commands, and what the engine session calls on the inspect domain. */
export interface InspectCommands {
  /**
   * Ask the engine what its model makes of `image`, unless the latest request was for this very
   * image and model already (several panels ask at once; one answer serves them all) and `again` is not set.
   * @param modelKey names the model's state (`selectInspectModelKey`); a new key asks again.
   * @param again ask even so (the "Try again" button after a failure).
   */
  requestInternals(image: CurrentImage, modelKey: string, again?: boolean): void;
  /** An answer from the engine (routed by the engine session); only the latest request's counts. */
  internalsEventReceived(event: Exclude<InspectEvent, { type: 'inspect-epoch-predictions' }>): void;
  /** The engine is going away: the request in flight will not be answered, and the next engine is asked afresh. */
  internalsEngineStopped(): void;
}

/** The inspect commands, spread into the inspect slice. */
export const createInspectCommands: StateCreator<AppState, [], [], InspectCommands> = (set, get) => ({
  requestInternals: (image, modelKey, again = false) => {
    const { internalsAsked } = get();
    if (!again && internalsAsked && internalsAsked.request.image === image && internalsAsked.request.modelKey === modelKey) return;
    const request: InternalsRequest = { image, modelKey };
    // A copy: the store's image keeps its bytes, whatever the message does with the buffer.
    const id = sessionOf(get()).send({ type: 'inspect-image', pixels: image.pixels.slice(), pretrainedModelUrl: pretrainedModelUrl() });
    if (id === null) return;
    set({ internalsAsked: { id, request } });
    get().internalsRequested(request);
  },
  internalsEventReceived: (event) => {
    const state = get();
    if (!state.internalsAsked || event.id !== state.internalsAsked.id) return;
    const { request } = state.internalsAsked;
    if (event.type === 'inspect-result') state.internalsReceived(request, event.internals);
    else if (event.type === 'inspect-unavailable') state.internalsUnavailable(request, event.message);
    else state.internalsFailed(request, event.message);
  },
  internalsEngineStopped: () => {
    set({ internalsAsked: null });
    get().internalsCancelled();
  },
});
