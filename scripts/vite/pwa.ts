/**
 * The service worker and the web app manifest (vite-plugin-pwa, which generates a Workbox service
 * worker at build time), so that after one visit the app starts and works with no network.
 *
 * - **Precached** (fetched when the service worker installs, replaced as a whole by the next deploy):
 *   the app shell — index.html, every script chunk including the engine worker and tfjs's three wasm
 *   binaries, the styles, the icons and the manifest.
 * - **Runtime-cached**: the pretrained model (`models/…`: model.json, weights.bin, model-card.json),
 *   network first (a new deploy's model wins while online), the cached copy when the network is down.
 *   It is cached the first time the engine fetches it (Classify, lesson 9), not on install: a student
 *   who only opens the lessons does not pull 15 MB.
 * - **Not touched**: the data set (`data/…`, 184 MB). The engine keeps its own verified copy in Cache
 *   Storage (src/engine/data/cifar-cache.ts) and reads it back offline; running it through the service
 *   worker too would keep the bytes twice.
 *
 * `registerType: 'prompt'`: a new deploy's service worker waits until the page's "A new version is
 * ready — Reload" button (src/views/common/UpdatePrompt.tsx) tells it to take over; nothing reloads
 * under a running training. `clientsClaim` lets the first install control the page it was installed
 * from, so the engine worker that page starts next (and the model it fetches) already go through it.
 */
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

/** The Cache Storage name of the pretrained model's runtime cache. */
export const MODEL_CACHE_NAME = 'cnn-playground-model';

/** Paths (relative to the app's base) the service worker leaves to the network and the app's own caches. */
export const NOT_PRECACHED: readonly string[] = ['data/**', 'models/**'];

/** The web app manifest: name, colours, icons, and how the installed app opens. */
export const WEB_APP_MANIFEST: VitePWAOptions['manifest'] = {
  name: 'CNN Playground',
  short_name: 'CNN Playground',
  description: 'Teach convolutional neural networks by doing: train the CIFAR-10 CNN in the browser, step through every idea, classify any image.',
  lang: 'en',
  // Relative to the manifest, so the app installs from any sub-path (base: './').
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: '#1d3557',
  theme_color: '#1d3557',
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
  ],
};

/** The options, exported for the test that checks what is precached and what is not. */
export const PWA_OPTIONS: Partial<VitePWAOptions> = {
  registerType: 'prompt',
  // The app registers it itself (UpdatePrompt), so no inline script lands in index.html (the CSP has no 'unsafe-inline').
  injectRegister: false,
  manifest: WEB_APP_MANIFEST,
  workbox: {
    globPatterns: ['**/*.{html,js,css,wasm,svg,png,webmanifest}'],
    globIgnores: [...NOT_PRECACHED],
    // tfjs's chunk is about 2 MB; Workbox skips files over 2 MiB by default, which would leave the engine out.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/\/data\//, /\/models\//],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    runtimeCaching: [
      {
        // A RegExp matches other origins only from their first character, so this one matches the app's own only.
        urlPattern: /\/models\/[^/]+\/[^/?]+(\?.*)?$/,
        handler: 'NetworkFirst',
        options: { cacheName: MODEL_CACHE_NAME, expiration: { maxEntries: 16 } },
      },
    ],
  },
};

/** The plugin, as vite.config.ts adds it. */
export function pwaPlugin(): PluginOption {
  return VitePWA(PWA_OPTIONS);
}
