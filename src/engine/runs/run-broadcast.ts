/**
 * Run changes shared between the tabs of the app, so a tab that does not train can watch the one that
 * does: each saved run goes out on a BroadcastChannel (same origin only; nothing leaves the machine),
 * and what other tabs send comes back in as `run-saved` / `runs-deleted` events.
 */
import type { RunId, RunSummary } from '../../core/training/run-record';

/** What travels between tabs. */
export type RunBroadcastMessage = { readonly kind: 'saved'; readonly run: RunSummary } | { readonly kind: 'deleted'; readonly runIds: readonly RunId[]; readonly freedBytes: number };

/** The channel's two ends. */
export interface RunBroadcast {
  post(message: RunBroadcastMessage): void;
  /** Listen to the other tabs. */
  listen(listener: (message: RunBroadcastMessage) => void): void;
}

const CHANNEL_NAME = 'cnn-playground-runs';

/** A BroadcastChannel where the host has one and several tabs can exist (browsers); null elsewhere. */
export function createRunBroadcast(): RunBroadcast | null {
  if (typeof BroadcastChannel === 'undefined' || typeof indexedDB === 'undefined') return null;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  return {
    post: (message) => channel.postMessage(message),
    listen: (listener) => {
      channel.addEventListener('message', (event: MessageEvent<RunBroadcastMessage>) => listener(event.data));
    },
  };
}
