/**
 * Makes tfjs-backend-wasm's threaded build survive minification (tfjs issue #4107).
 *
 * tfjs starts each pthread worker by shipping the Emscripten factory as text:
 * `new Blob(['var WasmBackendModuleThreadedSimd = ' + factory.toString()])`. In the package the
 * factory is an inner function that reads `_scriptDir`, a variable of the IIFE around it. In a worker
 * that variable does not exist, which the original code tolerates (`typeof _scriptDir !== "undefined"`
 * checks). A minifier, seeing `_scriptDir` declared in scope, legally renames it (to `e`) and drops
 * those typeof checks; once stringified and run in the worker, the factory then throws
 * "ReferenceError: e is not defined", every pthread fails to start, and tfjs waits for them forever.
 *
 * This plugin declares `_scriptDir` inside the factory too, with the same value the IIFE computes,
 * so the function no longer reads anything from the scope it is cut out of. It fails the build when
 * the text it patches is not found (another tfjs version), rather than shipping a hang.
 */
import type { Plugin } from 'vite';

/** The module that holds the threaded factory. */
const THREADED_MODULE = /@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
/** The factory's first lines, as tfjs-backend-wasm 4.22 ships them. */
const FACTORY_START = 'function(WasmBackendModuleThreadedSimd) {\n  WasmBackendModuleThreadedSimd = WasmBackendModuleThreadedSimd || {};\n';
/** The same value the surrounding IIFE gives `_scriptDir` (undefined in module scripts and workers). */
const OWN_SCRIPT_DIR = "  var _scriptDir = typeof document !== 'undefined' && document.currentScript ? document.currentScript.src : undefined;\n";

/** Patch `source` of the threaded module. @throws Error when the factory's start is not found. */
export function selfContainedThreadedFactory(source: string): string {
  const at = source.indexOf(FACTORY_START);
  if (at < 0 || source.indexOf(FACTORY_START, at + 1) >= 0) {
    throw new Error('tfjs-backend-wasm-threaded-simd.js: the factory start to patch was not found exactly once (tfjs version changed?); see scripts/vite/wasm-threads-plugin.ts');
  }
  const end = at + FACTORY_START.length;
  return source.slice(0, end) + OWN_SCRIPT_DIR + source.slice(end);
}

/** The Vite plugin: applies `selfContainedThreadedFactory` to the threaded module, in builds and the dev server. */
export function wasmThreadsPlugin(): Plugin {
  return {
    name: 'cnn-playground:wasm-threads-self-contained-factory',
    enforce: 'pre',
    transform(code, id) {
      if (!THREADED_MODULE.test(id.split('?')[0] ?? id)) return null;
      return { code: selfContainedThreadedFactory(code), map: null };
    },
  };
}
