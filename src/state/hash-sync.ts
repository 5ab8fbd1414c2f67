import { hashForArea, parseAreaFromHash } from './hash-route';
import { useAppStore } from './store';

/**
 * Keep the open area and `location.hash` in step, both ways: a link or the back button changes the
 * area; opening an area from code updates the hash. One of the store's three side-effect places.
 *
 * @returns a function that stops syncing.
 */
export function startHashSync(): () => void {
  const applyHash = (): void => {
    const area = parseAreaFromHash(window.location.hash);
    if (area && area !== useAppStore.getState().area) useAppStore.getState().openArea(area);
    if (!area) window.history.replaceState(null, '', hashForArea(useAppStore.getState().area));
  };
  applyHash();
  window.addEventListener('hashchange', applyHash);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.area !== previous.area && parseAreaFromHash(window.location.hash) !== state.area) {
      window.location.hash = hashForArea(state.area);
    }
  });
  return () => {
    window.removeEventListener('hashchange', applyHash);
    unsubscribe();
  };
}
