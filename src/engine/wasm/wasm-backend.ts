/**
 * Getting tfjs's wasm backend ready to train: binaries from the app's own origin, our training
 * kernels registered, threads where the page allows them, and what it runs with (SIMD, threads) for
 * the badge.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './register-wasm-kernels';

/** How long the threaded build may take to start its threads before the single-threaded one is used instead. */
export const THREADS_START_TIMEOUT_MS = 15_000;
/**
 * tfjs-backend-wasm 4.22's C++ sizes XNNPACK's pool as min(8, hardwareConcurrency / 2) threads (it
 * assumes two hardware threads per core), whatever `setThreadsCount` asks: below 4 logical cores the
 * threaded build computes on one thread, and only pays for shared memory and its pthread workers.
 */
export const MIN_LOGICAL_CORES_FOR_THREADS = 4;
/** tfjs-backend-wasm's own priority for 'wasm', used when the backend is registered again. */
const WASM_PRIORITY = 2;

/** How the wasm backend runs here. */
export interface WasmDetails {
  /** Whether the SIMD build was loaded (128-bit vector instructions; about 2–4× faster). */
  readonly simd: boolean;
  /** Threads it computes with (the threaded build's pool, or 1). */
  readonly threads: number;
  /** Why it runs on one thread, in words; null when it runs threaded. */
  readonly threadsNote: string | null;
}

/**
 * Why a browser engine runs the single-threaded build whatever the core count: training there runs on
 * data-parallel workers, one per core, each single-threaded (issue 19) — tfjs's threads would compete
 * with them for the same cores.
 */
export const TRAINING_WORKERS_THREADS_NOTE = 'training uses the cores through data-parallel workers instead, one per core, each on one thread';

let threadsNote: string | null = null;
/** Null: the default policy (no threads where training workers can run, else from 4 logical cores). */
let minLogicalCores: number | null = null;

/**
 * Change the core count from which the threaded build is tried, overriding the default policy (the
 * benchmark sets 1, to measure the threaded build on a machine where tfjs would give it a single
 * thread; a gradient worker sets Infinity). Call before the backend starts.
 */
export function setMinLogicalCoresForThreads(cores: number): void {
  minLogicalCores = cores;
}

/** Whether this is a browser that can start data-parallel training workers (Web Workers exist). */
function trainingWorkersAvailable(): boolean {
  return tf.env().platformName !== 'node' && typeof Worker === 'function';
}

/**
 * The threads tfjs-backend-wasm 4.22 will compute with for `logicalCores` (navigator.hardwareConcurrency):
 * its pool is capped at half the logical cores and at the 8 pthread workers it pre-starts.
 */
export function wasmPoolThreads(logicalCores: number): number {
  return Math.max(1, Math.min(8, Math.floor(logicalCores / 2)));
}

/**
 * Prepare the 'wasm' backend before it is started: in a browser (page or worker) tfjs-backend-wasm
 * pointed at the binaries Vite emitted under the app's own URL; then the kernels that make training
 * possible and fast there registered. Idempotent.
 */
export async function prepareWasmBackend(): Promise<void> {
  if (tf.env().platformName !== 'node') {
    // Loaded only in browsers: Vite turns its `?url` imports into asset URLs, which Node cannot load.
    const { wasmBinaryUrls } = await import('./wasm-binary-urls');
    setWasmPaths(wasmBinaryUrls(import.meta.url));
  }
  registerWasmTrainingKernels();
}

/**
 * `tf.setBackend('wasm')`, threaded where tfjs can use threads (a cross-origin isolated page, so
 * SharedArrayBuffer exists). The threaded build starts a pool of pthread workers first; should they
 * never report back (a bundling bug like tfjs #4107, a blocked blob: worker), tfjs would wait forever,
 * so after `timeoutMs` the half-started backend is dropped and the single-threaded SIMD build started.
 *
 * @returns what `tf.setBackend` returned for the build that started.
 */
export async function startWasmBackend(timeoutMs = THREADS_START_TIMEOUT_MS): Promise<boolean> {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  const threaded = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
  const forWorkers = minLogicalCores === null && trainingWorkersAvailable();
  if (!threaded || forWorkers || cores < (minLogicalCores ?? MIN_LOGICAL_CORES_FOR_THREADS)) {
    threadsNote = tf.env().platformName === 'node'
      ? 'tfjs runs wasm threads only in browsers'
      : !threaded
        ? 'this page is not cross-origin isolated (it needs the COOP and COEP headers), so WebAssembly threads are unavailable'
        : forWorkers
          ? TRAINING_WORKERS_THREADS_NOTE
          : `tfjs's threaded build would compute on ${wasmPoolThreads(cores)} thread here (half of ${cores} logical cores), so the faster single-threaded one runs`;
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    return tf.setBackend('wasm');
  }
  setThreadsCount(wasmPoolThreads(cores));
  const factory = tf.findBackendFactory('wasm');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    tf.setBackend('wasm').catch(() => false),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome === true) {
    threadsNote = null;
    return true;
  }
  threadsNote = outcome === 'timeout'
    ? `the threaded build did not start within ${timeoutMs / 1000} s, so the single-threaded one runs`
    : 'the threaded build failed to start, so the single-threaded one runs';
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // Removing the backend makes tfjs forget the pending start; the same factory then starts the
  // single-threaded build, because it reads the flag above.
  tf.removeBackend('wasm');
  if (factory) tf.registerBackend('wasm', factory, WASM_PRIORITY);
  return tf.setBackend('wasm');
}

/** SIMD, thread count and why not threaded, of the running wasm backend. Call after it has started. */
export async function describeWasm(): Promise<WasmDetails> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = getThreadsCount();
  return { simd: simd === true, threads, threadsNote: threads > 1 ? null : (threadsNote ?? 'the threaded build reported one thread') };
}
