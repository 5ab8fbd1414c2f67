import { expect } from 'vitest';
import type { AppSession } from './browser';

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
