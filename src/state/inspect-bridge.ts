/**
 * The store's side of the engine's inspect domain: ask what the network does with the current image
 * (again whenever the image or the model changes), and receive each epoch's validation predictions.
 */
import type { EngineClient } from '../engine/client';
import type { EngineEvent } from '../engine/protocol';
import { isInspectEvent } from '../engine/protocol-inspect';
// The same pretrained model the classifier answers with (one path for both).
import { PRETRAINED_MODEL_PATH } from './classify-bridge';
import type { CurrentImage } from './slices/data-slice';
import type { InternalsRequest } from './slices/inspect-slice';
import { useAppStore } from './store';


let client: EngineClient | null = null;
let unsubscribe: (() => void) | null = null;
/** The latest request and the command id that carries it. */
let latest: { readonly id: number; readonly request: InternalsRequest } | null = null;

/**
 * Give the inspect bridge the engine to talk to (null when it stops). Called by the engine bridge on
 * every (re)start: a request in flight to the old engine is forgotten.
 */
export function attachInspectClient(next: EngineClient | null): void {
  unsubscribe?.();
  unsubscribe = null;
  latest = null;
  useAppStore.getState().internalsCancelled();
  client = next;
  if (next) unsubscribe = next.subscribe(onEvent);
}

/**
 * Ask the engine what its model makes of `image`, unless the latest request was for this very image
 * and model already (several panels ask at once; one answer serves them all) and `again` is not set.
 * @param modelKey names the model's state (`selectInspectModelKey`); a new key asks again.
 * @param again ask even so (the "Try again" button after a failure).
 */
export function requestInternals(image: CurrentImage, modelKey: string, again = false): void {
  if (!client) return;
  if (!again && latest && latest.request.image === image && latest.request.modelKey === modelKey) return;
  const request: InternalsRequest = { image, modelKey };
  // A copy: the store's image keeps its bytes, whatever the message does with the buffer.
  const id = client.send({ type: 'inspect-image', pixels: image.pixels.slice(), pretrainedModelUrl: new URL(PRETRAINED_MODEL_PATH, document.baseURI).href });
  latest = { id, request };
  useAppStore.getState().internalsRequested(request);
}

function onEvent(event: EngineEvent): void {
  if (!isInspectEvent(event)) return;
  const actions = useAppStore.getState();
  if (event.type === 'inspect-epoch-predictions') {
    actions.evaluationReceived(event.evaluation);
    return;
  }
  if (!latest || event.id !== latest.id) return;
  const { request } = latest;
  if (event.type === 'inspect-result') actions.internalsReceived(request, event.internals);
  else if (event.type === 'inspect-unavailable') actions.internalsUnavailable(request, event.message);
  else actions.internalsFailed(request, event.message);
}
