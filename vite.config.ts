import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicyPlugin } from './scripts/vite/content-security-policy.js';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from './scripts/vite/cross-origin-isolation.js';
import { wasmThreadsPlugin } from './scripts/vite/wasm-threads-plugin.js';
import { pwaPlugin } from './scripts/vite/pwa.js';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium.js';

/**
 * One config for the app and its tests.
 * - `base: './'` makes every asset URL relative, so `dist/` works from any static server and sub-path.
 * - Workers are ES modules so the engine worker can `import` tfjs like the main thread does.
 * - `contentSecurityPolicyPlugin` sends the page's and the worker's Content-Security-Policy headers from
 *   `npm start` and `npm run preview`, and puts the page's in the built index.html (content-security-policy.ts).
 * - `wasmThreadsPlugin` keeps tfjs's threaded wasm startable after minification (tfjs #4107).
 * - `pwaPlugin` adds the service worker and the web app manifest, for offline use (scripts/vite/pwa.ts).
 * - Three test projects: `unit` (Node, real tfjs on its cpu backend), `gpu` (Vitest browser mode in
 *   Debian's headless Chromium: our WebGL kernels against stock tfjs webgl, on SwiftShader here) and
 *   `e2e` (playwright-core driving that Chromium against the built app served by `vite preview`).
 */
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicyPlugin(), wasmThreadsPlugin(), pwaPlugin()],
  // The engine worker bundles tfjs-backend-wasm itself, and worker bundles get only these plugins.
  worker: { format: 'es', plugins: () => [wasmThreadsPlugin()] },
  // Cross-origin isolation (COOP/COEP), so WebAssembly threads can be used where they help
  // (src/engine/wasm/wasm-backend.ts); static hosts need the same two headers (README, public/_headers).
  server: { headers: CROSS_ORIGIN_ISOLATION_HEADERS },
  preview: { headers: CROSS_ORIGIN_ISOLATION_HEADERS },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/{core,engine,state,render,views,scripts}/**/*.test.{ts,tsx}'],
          // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Two keep both
          // busy (the Keras test and the engine tests mostly wait on one core each).
          maxWorkers: 2,
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'gpu',
          include: ['tests/gpu/**/*.test.ts'],
          // SwiftShader runs shaders on the CPU: kernels are compared on small shapes, one file at a time.
          fileParallelism: false,
          testTimeout: 300_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Two files at a time, each in its own browser profile: much of a test is waiting (page
          // loads, the worker starting, IndexedDB), so two overlap well on two cores. No test's pass
          // depends on wall time, and the limits below are generous for a shared CPU.
          fileParallelism: true,
          maxWorkers: 2,
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
