/**
 * Build a benchmark page folder with Vite, serve it on loopback with `vite preview`, open it in
 * headless Chromium with the e2e tests' flags and other-origin guard, and close it all again. Every
 * browser part of `npm run bench` runs through here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PluginOption } from 'vite';
import { openAppSession, type AppSession } from '../../tests/e2e/browser';

/** How a page folder is built and served. */
export interface StaticPageOptions {
  /** Response headers of the preview server (COOP/COEP for threaded wasm). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Vite plugins for the page and its workers. */
  readonly plugins?: () => PluginOption[];
}

/** An open page: its browser session and the URL it was loaded from (reload with `page.goto(url)`). */
export interface OpenStaticPage {
  readonly session: AppSession;
  readonly url: string;
  readonly userAgent: string;
}

/**
 * Build `root`, serve it, open it, wait until `readyGlobal` exists on `window`, hand the page to
 * `use`, then close everything (also on error).
 *
 * @throws Error when the page cannot be built, served or opened, or — after `use` returned — when the
 * page logged an error or asked for another origin.
 */
export async function withStaticPage<T>(root: string, readyGlobal: string, options: StaticPageOptions, use: (page: OpenStaticPage) => Promise<T>): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), 'cnn-bench-page-'));
  try {
    const plugins = options.plugins ?? (() => []);
    await build({
      configFile: false,
      root,
      base: './',
      logLevel: 'warn',
      plugins: plugins(),
      worker: { format: 'es', plugins },
      build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8192 },
    });
    const server = await preview({ configFile: false, root, build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false, headers: { ...options.headers } }, logLevel: 'warn' });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a local URL');
    const session = await openAppSession(url);
    try {
      await session.page.goto(url);
      await session.page.waitForFunction((name) => name in window, readyGlobal);
      const userAgent = await session.page.evaluate(() => navigator.userAgent);
      const result = await use({ session, url, userAgent });
      const problems = pageProblems(session);
      if (problems.length > 0) throw new Error(`the benchmark page ${url} (${root}) reported problems:\n${problems.join('\n')}`);
      return result;
    } finally {
      await session.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Console errors, page errors and requests to other origins seen so far (all should stay empty). */
function pageProblems(session: AppSession): string[] {
  return [...session.errors, ...session.foreignRequests.map((request) => `request to another origin: ${request}`)];
}
