/** The DOM event by which a part of the Train area asks the tabs to open another tab (its id in `detail`). */
const OPEN_TAB_EVENT = 'cnn-playground:open-train-tab';

/**
 * Ask the Train tabs to open tab `id` — e.g. a confusion-matrix thumbnail, "look inside the network",
 * opens "Inside the network". A page event rather than store state: which tab is open is the view's
 * own business, remembered by the tabs themselves.
 */
export function requestTrainTab(id: string): void {
  window.dispatchEvent(new CustomEvent<string>(OPEN_TAB_EVENT, { detail: id }));
}

/** Call `onRequest` with each requested tab id until the returned function is called. */
export function onTrainTabRequest(onRequest: (id: string) => void): () => void {
  const listener = (event: Event) => {
    if (event instanceof CustomEvent && typeof event.detail === 'string') onRequest(event.detail);
  };
  window.addEventListener(OPEN_TAB_EVENT, listener);
  return () => window.removeEventListener(OPEN_TAB_EVENT, listener);
}
