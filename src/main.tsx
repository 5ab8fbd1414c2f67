import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './views/App';
import { startEngine } from './engine/client/engine-client';
import { createEngineSession } from './state/engine-session';
import { startHashSync } from './state/hash-sync';
import { startLabUrlSync } from './state/lab-url-sync';
import { startThemeSync } from './state/theme-sync';
import { backendRequestFromSearch } from './state/slices/backend-choice-commands';
import { useAppStore } from './state/store';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

startHashSync();
startThemeSync();
// ?lab= opens a lab (network, settings, every lesson's example) and keeps the address in step with it.
startLabUrlSync();
// The one engine session: it owns the engine client for the page's life; the store talks through it.
useAppStore.getState().attachEngineSession(createEngineSession({ store: useAppStore, startClient: startEngine }));
// The user's ?backend= wins; otherwise the fastest backend here, measured once and remembered.
void useAppStore.getState().startEngineByChoice(backendRequestFromSearch(window.location.search));

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
