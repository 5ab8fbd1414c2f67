import { describe, expect, test } from 'vitest';
import { MODEL_CACHE_NAME, PWA_OPTIONS, WEB_APP_MANIFEST } from '../../scripts/vite/pwa';

/** The service worker's rules (scripts/vite/pwa.ts); the e2e test tests/e2e/offline.test.ts checks them in Chromium. */
describe('the service worker configuration', () => {
  const workbox = PWA_OPTIONS.workbox ?? {};

  test('precaches the shell, never the data set or the model, and asks before a new version takes over', () => {
    expect(workbox.globPatterns).toEqual(['**/*.{html,js,css,wasm}']);
    expect(workbox.globIgnores).toEqual(['data/**', 'models/**']);
    // The engine worker bundles are about 1.9 MB: above Workbox's 2 MiB default they would be left out.
    expect(workbox.maximumFileSizeToCacheInBytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(PWA_OPTIONS.registerType).toBe('prompt');
    expect(workbox.skipWaiting).toBeUndefined();
    // No inline registration script: the page's CSP has no 'unsafe-inline' for scripts.
    expect(PWA_OPTIONS.injectRegister).toBe(false);
  });

  test('navigations fall back to the app, but not requests for data or models', () => {
    const deny = workbox.navigateFallbackDenylist ?? [];
    const denied = (path: string) => deny.some((pattern) => pattern.test(path));
    expect(denied('/data/cifar10/manifest.json')).toBe(true);
    expect(denied('/sub/path/models/cifar10-tutorial/model.json')).toBe(true);
    expect(denied('/')).toBe(false);
    expect(denied('/index.html')).toBe(false);
  });

  test('the model is cached at run time, network first, for the app’s own origin only', () => {
    const [route] = workbox.runtimeCaching ?? [];
    expect(route?.handler).toBe('NetworkFirst');
    expect(route?.options?.cacheName).toBe(MODEL_CACHE_NAME);
    const pattern = route?.urlPattern;
    if (!(pattern instanceof RegExp)) throw new Error('the model route is not a RegExp');
    for (const path of ['/models/cifar10-tutorial/model.json', '/app/models/cifar10-tutorial/weights.bin', '/models/cifar10-tutorial/model-card.json?v=2']) expect(pattern.test(path)).toBe(true);
    expect(pattern.test('/data/cifar10/train-images.bin')).toBe(false);
    // Workbox matches a RegExp against another origin's URL only from its first character: this one cannot.
    expect(pattern.exec('https://elsewhere.example/models/x/y.bin')?.index ?? -1).not.toBe(0);
  });

  test('the manifest installs from any sub-path, with PNG icons of 192 and 512 pixels and a maskable one', () => {
    expect(WEB_APP_MANIFEST).toMatchObject({ start_url: './', scope: './', display: 'standalone' });
    const icons = (WEB_APP_MANIFEST && WEB_APP_MANIFEST.icons) || [];
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable', 'any any']);
  });
});
