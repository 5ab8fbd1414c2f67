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
  /** Threads it computes with: 1 for now (see prepareWasmBackend). */
  readonly threads: number;
}

/**
 * Prepare the 'wasm' backend before `tf.setBackend('wasm')`: single-threaded build; in a browser
 * (page or worker) tfjs-backend-wasm pointed at the binaries Vite emitted under the app's own URL;
 * then the kernels that make training possible and fast there registered. Idempotent.
 */
export async function prepareWasmBackend(): Promise<void> {
  // The threaded build never finishes starting in a minified bundle (its pthread workers throw
  // "e is not defined", tfjs issue #4107), which would hang start-up on a cross-origin isolated page;
  // until threads are made to work, the single-threaded SIMD build is used everywhere.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
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
