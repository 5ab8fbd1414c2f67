import { useCallback, useState } from 'react';

/** localStorage, which may be missing or refuse (private windows, storage turned off): then nothing is remembered. */
function readStored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not remembered; the choice still holds on this page.
  }
}

/**
 * A small view choice (a tab, a panel shown or hidden) that this browser remembers across reloads.
 * `allowed` lists the values it may take; anything else stored (an older version's, a typo) reads as
 * `fallback`.
 */
export function useRememberedChoice<T extends string>(key: string, allowed: readonly T[], fallback: T): readonly [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const stored = readStored(key);
    return allowed.find((candidate) => candidate === stored) ?? fallback;
  });
  const choose = useCallback(
    (next: T) => {
      setValue(next);
      writeStored(key, next);
    },
    [key],
  );
  return [value, choose] as const;
}
