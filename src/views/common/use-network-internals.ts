import { useCallback, useEffect } from 'react';
import { selectCurrentImage, selectEngineStatus, selectInspectModelKey, selectInternals, selectInternalsMessage, selectInternalsStatus } from '../../state/selectors';
import { useAppStore } from '../../state/store';

/**
 * What the network makes of the current image, asked again whenever the image changes or the model
 * does (a new run, each epoch, a pause). Every view that shows the network's insides uses this; they
 * share one request and one answer in the store.
 */
export function useNetworkInternals() {
  const image = useAppStore(selectCurrentImage);
  const modelKey = useAppStore(selectInspectModelKey);
  const engineReady = useAppStore(selectEngineStatus) === 'ready';
  const status = useAppStore(selectInternalsStatus);
  const internals = useAppStore(selectInternals);
  const message = useAppStore(selectInternalsMessage);
  useEffect(() => {
    if (image && modelKey !== null && engineReady) useAppStore.getState().requestInternals(image, modelKey);
  }, [image, modelKey, engineReady]);
  const retry = useCallback(() => {
    if (image && modelKey !== null) useAppStore.getState().requestInternals(image, modelKey, true);
  }, [image, modelKey]);
  return { image, status, internals, message, retry };
}
