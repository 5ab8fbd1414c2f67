/**
 * How the tests and the benchmark start Chromium: Debian's build, headless. Shared by the end-to-end
 * tests (playwright-core), the `gpu` test project (Vitest browser mode) and `npm run bench`.
 *
 * By default WebGL runs on SwiftShader (software), the only WebGL a machine without a GPU has. With
 * `CHROMIUM_GPU=1` in the environment, Chromium is asked for the machine's real GPU instead (through
 * ANGLE on Vulkan; `CHROMIUM_GPU_ARGS` replaces those flags where a driver needs others, e.g.
 * `--use-angle=gl-egl`). The benchmark reports the WebGL renderer it got, so a run that silently
 * stayed on SwiftShader shows it.
 */

/** Debian's Chromium unless CHROMIUM_PATH points elsewhere (see README, "Running the tests"). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No sandbox (root in CI) and no background traffic of Chromium's own, so a request guard sees only the app's. */
const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];

/** Software WebGL allowed: without it headless Chromium on a machine without a GPU has no WebGL. */
const SOFTWARE_GPU_ARGS = ['--enable-unsafe-swiftshader'];

/** The usual way to get a hardware GPU into headless Chromium on Linux. */
const HARDWARE_GPU_ARGS = ['--ignore-gpu-blocklist', '--use-angle=vulkan', '--enable-features=Vulkan', '--disable-vulkan-surface'];

/** Whether `CHROMIUM_GPU=1` asked for the machine's real GPU. */
export const USE_HARDWARE_GPU = process.env.CHROMIUM_GPU === '1';

/** The flags Chromium is started with (see the module comment). */
export const CHROMIUM_ARGS: readonly string[] = [
  ...COMMON_ARGS,
  ...(USE_HARDWARE_GPU ? (process.env.CHROMIUM_GPU_ARGS?.split(/\s+/).filter(Boolean) ?? HARDWARE_GPU_ARGS) : SOFTWARE_GPU_ARGS),
];
