/**
 * Getting tfjs's wasm backend ready to train: binaries from the app's own origin, our training
 * kernels registered, and what it runs with (SIMD, threads) for the badge.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './register-wasm-kernels';

/** How the wasm backend runs here. */
export interface WasmDetails {
  /** Whether the SIMD build was loaded (128-bit vector instructions; about 2–4× faster). */
  readonly simd: boolean;
  /** Threads XNNPACK may use: 1 unless the page is cross-origin isolated (SharedArrayBuffer). */
  readonly threads: number;
}

/**
 * Prepare the 'wasm' backend before `tf.setBackend('wasm')`: in a browser (page or worker) point
 * tfjs-backend-wasm at the binaries Vite emitted under the app's own URL; then register the kernels
 * that make training possible and fast there. Idempotent.
 */
export async function prepareWasmBackend(): Promise<void> {
  if (tf.env().platformName !== 'node') {
    // Loaded only in browsers: Vite turns its `?url` imports into asset URLs, which Node cannot load.
    const { wasmBinaryUrls } = await import('./wasm-binary-urls');
    setWasmPaths(wasmBinaryUrls(import.meta.url));
  }
  registerWasmTrainingKernels();
}

/** SIMD and thread count of the running wasm backend. Call after it has started. */
export async function describeWasm(): Promise<WasmDetails> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return { simd: simd === true, threads: getThreadsCount() };
}
