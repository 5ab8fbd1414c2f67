import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin + path of the built app served by `vite preview`, ending in "/". */
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

/**
 * Serve the production build (`dist/`, made by `npm run test:e2e` just before) on a free loopback
 * port, so end-to-end tests run exactly what users get — relative asset URLs, CSP and all.
 */
export async function setup(project: TestProject): Promise<void> {
  // E2E_DIST lets several people (or agents) build and test side by side without sharing dist/.
  const outDir = process.env.E2E_DIST ?? 'dist';
  server = await preview({
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
