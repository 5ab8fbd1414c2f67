import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './views/App';
import { startHashSync } from './state/hash-sync';
import { startThemeSync } from './state/theme-sync';
import { backendRequestFromSearch, startEngineByChoice } from './state/backend-choice-bridge';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

startHashSync();
startThemeSync();
// The user's ?backend= wins; otherwise the fastest backend here, measured once and remembered.
void startEngineByChoice(backendRequestFromSearch(window.location.search));

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
