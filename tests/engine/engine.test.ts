import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { createEngine } from '../../src/engine/engine';
import type { EngineEvent } from '../../src/engine/protocol';
import { isEngineCommand, isEngineEvent } from '../../src/engine/protocol';

describe('engine start-up (real tfjs, Node)', () => {
  test('starts cpu, runs the self-test on it, and reports it', async () => {
    const events: EngineEvent[] = [];
    const engine = createEngine('main-thread', (event) => events.push(event));
    await engine.handle({ type: 'init', id: 7, preferredBackend: 'cpu', reason: 'test' });
    expect(events).toHaveLength(1);
    const [ready] = events;
    expect(ready?.type).toBe('ready');
    if (ready?.type !== 'ready') return;
    expect(ready.id).toBe(7);
    expect(ready.info).toMatchObject({ backend: 'cpu', host: 'main-thread', renderer: null, reason: 'test' });
    expect(tf.getBackend()).toBe('cpu');
  });

  test('in a worker, a webgl start that fails is reported, not hidden behind cpu', async () => {
    // Node has no WebGL: the worker-side engine must say init-failed so the client can try elsewhere.
    const events: EngineEvent[] = [];
    const engine = createEngine('worker', (event) => events.push(event));
    await engine.handle({ type: 'init', id: 3, preferredBackend: 'webgl', reason: 'test' });
    expect(events.map((event) => event.type)).toEqual(['init-failed']);
  });

  test('on the main thread, a failed webgl start falls back to cpu and says why', async () => {
    const events: EngineEvent[] = [];
    const engine = createEngine('main-thread', (event) => events.push(event));
    await engine.handle({ type: 'init', id: 4, preferredBackend: 'webgl', reason: 'worker had no WebGL' });
    const [ready] = events;
    expect(ready?.type).toBe('ready');
    if (ready?.type !== 'ready') return;
    expect(ready.info.backend).toBe('cpu');
    expect(ready.info.reason).toMatch(/worker had no WebGL; WebGL failed on the main thread too .* cpu backend/);
  });
});

describe('protocol guards', () => {
  test('accept their own messages and reject anything else', () => {
    expect(isEngineCommand({ type: 'init', id: 1, preferredBackend: 'cpu', reason: '' })).toBe(true);
    expect(isEngineCommand({ type: 'ready' })).toBe(false);
    expect(isEngineEvent({ type: 'fatal', message: 'x' })).toBe(true);
    expect(isEngineEvent(null)).toBe(false);
    expect(isEngineEvent('ready')).toBe(false);
  });
});
