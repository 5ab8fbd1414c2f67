import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { createEngine } from '../../../src/engine/engine';
import type { EngineEvent } from '../../../src/engine/protocol';
import { wasmTrainingKernelsInstalled } from '../../../src/engine/wasm/register-wasm-kernels';

describe('the engine on wasm (Node)', () => {
  test('starts wasm with our training kernels, runs the self-test there, and reports SIMD and threads', async () => {
    const events: EngineEvent[] = [];
    const engine = createEngine('worker', (event) => events.push(event));
    await engine.handle({ type: 'init', id: 5, preferredBackend: 'wasm', reason: 'asked for wasm' });
    const [ready] = events;
    expect(ready?.type).toBe('ready');
    if (ready?.type !== 'ready') return;
    expect(ready.info).toMatchObject({ backend: 'wasm', host: 'worker', renderer: null, webglVersion: null, softwareRenderer: false, reason: 'asked for wasm' });
    // Node 20 has WebAssembly SIMD; threads need SharedArrayBuffer workers, which tfjs uses only in browsers.
    expect(ready.info.wasmSimd).toBe(true);
    expect(ready.info.wasmThreads).toBe(1);
    expect(tf.getBackend()).toBe('wasm');
    expect(wasmTrainingKernelsInstalled()).toBe(true);
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeDefined();
  });

  test('off wasm the wasm fields are null', async () => {
    const events: EngineEvent[] = [];
    const engine = createEngine('main-thread', (event) => events.push(event));
    await engine.handle({ type: 'init', id: 6, preferredBackend: 'cpu', reason: 'test' });
    const [ready] = events;
    expect(ready?.type === 'ready' && ready.info.wasmSimd).toBeNull();
    expect(ready?.type === 'ready' && ready.info.wasmThreads).toBeNull();
  });
});
