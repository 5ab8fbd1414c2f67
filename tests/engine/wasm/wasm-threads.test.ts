import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { describeWasm, prepareWasmBackend, startWasmBackend, wasmPoolThreads } from '../../../src/engine/wasm/wasm-backend';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('wasm threads', () => {
  test("tfjs 4.22's pool: half the logical cores, at least 1, at most 8", () => {
    expect(wasmPoolThreads(1)).toBe(1);
    expect(wasmPoolThreads(2)).toBe(1);
    expect(wasmPoolThreads(3)).toBe(1);
    expect(wasmPoolThreads(4)).toBe(2);
    expect(wasmPoolThreads(12)).toBe(6);
    expect(wasmPoolThreads(64)).toBe(8);
  });

  test('threads that never start are given up on: the single-threaded build starts instead, and says why', async () => {
    await prepareWasmBackend();
    // A threaded start that hangs, as tfjs #4107's does in a minified build; the same factory starts
    // the single-threaded build once the flag says there are no threads.
    const real = tf.findBackendFactory('wasm');
    if (!real) throw new Error('tfjs-backend-wasm registered no wasm backend');
    tf.removeBackend('wasm');
    tf.registerBackend('wasm', () => (tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') ? new Promise<never>(() => undefined) : real()), 2);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
    vi.stubGlobal('navigator', { hardwareConcurrency: 8 });

    expect(await startWasmBackend(300)).toBe(true);
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
    const details = await describeWasm();
    expect(details.threads).toBe(1);
    expect(details.threadsNote).toBe('the threaded build did not start within 0.3 s, so the single-threaded one runs');
    // And it computes.
    const sum = tf.tidy(() => tf.sum(tf.ones([4, 4])));
    expect(await sum.data()).toEqual(new Float32Array([16]));
    sum.dispose();
  });
});
