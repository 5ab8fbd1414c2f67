import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

export { CHROMIUM_PATH };

/** A page of the app with everything a test needs to check it behaved. */
export interface AppSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught page errors, in order. */
  readonly errors: string[];
  /** Every request to an origin other than the app's; all of them were aborted. */
  readonly foreignRequests: string[];
  close(): Promise<void>;
}

/**
 * Launch a fresh headless Chromium profile and open one page on `baseUrl`'s origin. Every request to
 * another origin is aborted and recorded, so a test can assert that nothing left the machine.
 * `extraArgs` are more Chromium flags (the fake camera's, for one).
 */
export async function openAppSession(baseUrl: string, extraArgs: readonly string[] = []): Promise<AppSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cnn-playground-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 1280, height: 800 },
  });
  const appOrigin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === appOrigin) {
      await route.continue();
      return;
    }
    foreignRequests.push(url);
    await route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return {
    context,
    page,
    errors,
    foreignRequests,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
