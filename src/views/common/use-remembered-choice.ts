import { useCallback, useSyncExternalStore } from 'react';

/** Said on the page whenever a remembered choice changes, so every component showing it follows. */
const CHANGED_EVENT = 'cnn-playground:remembered-choice';

/** This page's choices, for when localStorage refuses to keep them (private windows, storage turned off). */
const onThisPage = new Map<string, string>();

/** localStorage, which may be missing or refuse: then only this page remembers. */
function readStored(key: string): string | null {
  const here = onThisPage.get(key);
  if (here !== undefined) return here;
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string): void {
  onThisPage.set(key, value);
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not kept for the next visit; this page still has it.
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED_EVENT, onChange);
  // Another tab of this browser changed it.
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key !== null) onThisPage.delete(event.key);
    onChange();
  };
  window.addEventListener('storage', fromOtherTab);
  return () => {
    window.removeEventListener(CHANGED_EVENT, onChange);
    window.removeEventListener('storage', fromOtherTab);
  };
}

/**
 * A small view choice (a tab, a panel shown or hidden) that this browser remembers across reloads,
 * the same in every component that shows it (the Train dashboard's switch and the dock it hides).
 * `allowed` lists the values it may take; anything else stored (an older version's, a typo) reads as
 * `fallback`.
 */
export function useRememberedChoice<T extends string>(key: string, allowed: readonly T[], fallback: T): readonly [T, (value: T) => void] {
  const stored = useSyncExternalStore(subscribe, () => readStored(key));
  const value = allowed.find((candidate) => candidate === stored) ?? fallback;
  const choose = useCallback(
    (next: T) => {
      writeStored(key, next);
      window.dispatchEvent(new Event(CHANGED_EVENT));
    },
    [key],
  );
  return [value, choose] as const;
}
