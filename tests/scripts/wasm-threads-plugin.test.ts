import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { minifySync } from 'rolldown/experimental';
import { describe, expect, test } from 'vitest';
import { selfContainedThreadedFactory } from '../../scripts/vite/wasm-threads-plugin';

const require = createRequire(import.meta.url);
const THREADED = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
const source = readFileSync(THREADED, 'utf8');

/**
 * Run a factory's text as tfjs's pthread worker does (`var WasmBackendModuleThreadedSimd = <text>`,
 * then called with the pthread's Module), in a sandbox that looks like a browser worker: no Node
 * globals, `importScripts`, `self`, and the `startWorker` hook the real worker script defines.
 */
function runAsPthread(factoryText: string): void {
  const sandbox = new Function(
    'process', 'require', '__filename', 'importScripts', 'self', 'window', 'startWorker',
    `"use strict"; const factory = ${factoryText}; factory({ ENVIRONMENT_IS_PTHREAD: true, noInitialRun: true, wasmMemory: new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true }) });`,
  );
  sandbox(undefined, undefined, undefined, () => undefined, { location: { href: 'blob:pthread' } }, undefined, () => undefined);
}

/** Minify like a production build, run the CommonJS module, and return the factory tfjs stringifies for its pthreads. */
function minifiedFactoryText(code: string): string {
  const minified = minifySync('threaded.js', code, { compress: true, mangle: { toplevel: true } }).code;
  const module = { exports: {} as unknown };
  new Function('module', 'exports', minified)(module, module.exports);
  if (typeof module.exports !== 'function') throw new Error('the module exported no factory');
  return String(module.exports);
}

describe('the threaded wasm factory survives minification (tfjs #4107)', () => {
  test('unpatched, the minified factory reads a variable of the scope it is cut out of', () => {
    const text = minifiedFactoryText(source);
    // The IIFE computes _scriptDir from document.currentScript; the factory only refers to it.
    expect(text).not.toContain('document.currentScript?');
    // Run as a pthread, it throws what the issue reports: the renamed variable is not defined there.
    expect(() => runAsPthread(text)).toThrow(/^\w{1,2} is not defined$/);
  });

  test('patched, the factory declares its own _scriptDir and carries it into its text', () => {
    const patched = selfContainedThreadedFactory(source);
    expect(patched.length).toBeGreaterThan(source.length);
    const text = minifiedFactoryText(patched);
    expect(text).toContain('document.currentScript');
    expect(() => runAsPthread(text)).not.toThrow();
  });

  test('another tfjs version, whose factory does not start as expected, fails the build', () => {
    expect(() => selfContainedThreadedFactory('var x = function(y) {}')).toThrow(/not found exactly once/);
  });
});
