import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { createEngine } from '../../src/engine/engine';
import type { EngineEvent } from '../../src/engine/protocol';

/** The probe through the engine's own command, as the page's probe worker receives it (real tfjs, Node). */
async function probe(backend: 'cpu' | 'webgl' | 'wasm', batchSize: number): Promise<EngineEvent[]> {
  const events: EngineEvent[] = [];
  const engine = createEngine('worker', (event) => events.push(event));
  await engine.handle({ type: 'probe-backend', id: 9, backend, batchSize, minTimedMs: 0, maxTimedSteps: 2 });
  return events;
}

describe('probing a backend (worker side)', () => {
  // wasm (with the engine's training kernels), because the cpu backend needs tens of seconds for a step in Node.
  test('times real training steps of the tutorial model on wasm, reporting each phase, and frees every tensor', async () => {
    const events = await probe('wasm', 4);
    const before = tf.memory().numTensors;
    await probe('wasm', 4);
    const again = tf.memory().numTensors;
    expect(events.map((event) => (event.type === 'probe-phase' ? `${event.type}:${event.phase}` : event.type))).toEqual([
      'probe-phase:starting',
      'probe-phase:warm-up',
      'probe-phase:timed',
      // minTimedMs 0 still times one step; one step ends it.
      'probe-step',
      'probe-result',
    ]);
    const result = events.at(-1);
    if (result?.type !== 'probe-result') throw new Error('no result');
    expect(result.id).toBe(9);
    expect(result.record).toMatchObject({ backend: 'wasm', renderer: null, softwareRenderer: false, batchSize: 4 });
    const outcome = result.record.outcome;
    if (outcome.status !== 'measured') throw new Error(`not measured: ${JSON.stringify(outcome)}`);
    expect(outcome.stepMs).toHaveLength(1);
    const stepEvent = events.find((event) => event.type === 'probe-step');
    expect(stepEvent?.type === 'probe-step' && stepEvent.ms).toBe(outcome.stepMs[0]);
    expect(outcome.imagesPerSecond).toBeCloseTo((4 * 1000) / (outcome.stepMs[0] ?? Number.NaN), 6);
    expect(outcome.firstStepMs).toBeGreaterThan(0);
    // A second probe on the started backend leaves as many tensors as it found.
    expect(again).toBe(before);
  });

  test('a backend that cannot start is reported unavailable, with the reason, and no step runs', async () => {
    const events = await probe('webgl', 2);
    expect(events.map((event) => event.type)).toEqual(['probe-phase', 'probe-result']);
    const result = events.at(-1);
    if (result?.type !== 'probe-result') throw new Error('no result');
    expect(result.record.backend).toBe('webgl');
    expect(result.record.outcome.status).toBe('unavailable');
  });
});
