/**
 * How the tests start Chromium: Debian's build, headless, with software WebGL allowed. Shared by the
 * end-to-end tests (playwright-core) and the `gpu` test project (Vitest browser mode).
 */

/** Debian's Chromium unless CHROMIUM_PATH points elsewhere (see README, "Running the tests"). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for headless Chromium here: no sandbox (root in CI), software WebGL allowed (no GPU), and no
 * background traffic of Chromium's own, so a request guard sees only the app's requests.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];
