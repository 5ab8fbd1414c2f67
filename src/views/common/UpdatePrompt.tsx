import { useRegisterSW } from 'virtual:pwa-register/react';
import './update-prompt.css';

/**
 * Registers the service worker (scripts/vite/pwa.ts) and, when a newer version of the app has been
 * deployed and installed in the background, says so with a Reload button. The new version takes over
 * only when the user presses it, so a lesson or a training run is never cut off by a reload.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status">
      <p>A new version of CNN Playground is ready.</p>
      <button type="button" onClick={() => void updateServiceWorker(true)}>
        Reload
      </button>
      <button type="button" className="update-prompt-later" onClick={() => setNeedRefresh(false)}>
        Later
      </button>
    </div>
  );
}
