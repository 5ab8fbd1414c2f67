import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './views/App';
import { startHashSync } from './state/hash-sync';
import { connectEngine, preferredBackendFromSearch } from './state/engine-bridge';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

startHashSync();
void connectEngine(preferredBackendFromSearch(window.location.search));

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
