import { afterEach, beforeEach, expect } from 'vitest';
import { openAppSession, type AppSession } from './browser';

/**
 * Close the session, then fail the test if any request left the app's origin or anything logged an
 * error: the check every end-to-end test ends with (kept apart from browser.ts, which scripts use
 * outside Vitest).
 */
export async function closeAndExpectClean(session: AppSession): Promise<void> {
  const { errors, foreignRequests } = session;
  await session.close();
  expect(foreignRequests).toEqual([]);
  expect(errors).toEqual([]);
}

/**
 * A fresh app session (its own Chromium profile) for every test of the calling file: opened before
 * each test — `onOpen` may attach listeners to it — and closed after it by `closeAndExpectClean`, so
 * every test ends by checking that nothing left the app's origin and nothing logged an error. The
 * returned object stands for the running test's session.
 */
export function appSessionPerTest(baseUrl: string, onOpen?: (session: AppSession) => void): AppSession {
  let current: AppSession | null = null;
  beforeEach(async () => {
    current = await openAppSession(baseUrl);
    onOpen?.(current);
  });
  afterEach(async () => {
    const closing = current;
    current = null;
    if (closing) await closeAndExpectClean(closing);
  });
  const now = (): AppSession => {
    if (!current) throw new Error('the app session exists only while a test runs');
    return current;
  };
  return {
    get context() {
      return now().context;
    },
    get page() {
      return now().page;
    },
    get errors() {
      return now().errors;
    },
    get foreignRequests() {
      return now().foreignRequests;
    },
    close: () => now().close(),
  };
}
