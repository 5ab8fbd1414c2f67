import { describe, expect, test } from 'vitest';
import type { BackendChoice } from '../../../src/core/backend/backend-choice';
import { parseRememberedChoice, rememberedChoiceKey, serializeChoice } from '../../../src/core/backend/backend-choice-memory';

const choice: BackendChoice = {
  backend: 'wasm',
  source: 'measured',
  summary: 'no hardware GPU found: training on WebAssembly, 25× faster here than software WebGL',
  measuredAt: '2025-01-02T03:04:05.000Z',
  records: [
    { backend: 'wasm', renderer: null, softwareRenderer: false, batchSize: 16, outcome: { status: 'measured', imagesPerSecond: 140, firstStepMs: 280, stepMs: [110, 118] } },
    { backend: 'webgl', renderer: 'SwiftShader', softwareRenderer: true, batchSize: 16, outcome: { status: 'stopped', phase: 'timed', afterMs: 1200, atMostImagesPerSecond: 13.3 } },
    { backend: 'cpu', renderer: null, softwareRenderer: false, batchSize: 16, outcome: { status: 'unavailable', reason: 'x' } },
  ],
};

describe('remembering the choice', () => {
  test('the key changes with the renderer and the browser', () => {
    const key = rememberedChoiceKey('SwiftShader', 'Chrome/140');
    expect(key).not.toBe(rememberedChoiceKey('SwiftShader', 'Chrome/141'));
    expect(key).not.toBe(rememberedChoiceKey('NVIDIA', 'Chrome/140'));
    expect(rememberedChoiceKey(null, 'Chrome/140')).toContain('no-webgl');
  });

  test('round-trips, coming back as remembered', () => {
    expect(parseRememberedChoice(serializeChoice(choice))).toEqual({ ...choice, source: 'remembered' });
  });

  test('anything else reads as nothing remembered', () => {
    const stored = JSON.parse(serializeChoice(choice)) as Record<string, unknown>;
    const variants = [
      null,
      '',
      '{not json',
      'null',
      JSON.stringify({ ...stored, version: 0 }),
      JSON.stringify({ ...stored, backend: 'webgpu' }),
      JSON.stringify({ ...stored, records: [{ ...choice.records[0], outcome: { status: 'measured', imagesPerSecond: -1, firstStepMs: 1, stepMs: [1] } }] }),
      JSON.stringify({ ...stored, records: [{ ...choice.records[1], outcome: { status: 'stopped', phase: 'later', afterMs: 1, atMostImagesPerSecond: null } }] }),
      JSON.stringify({ ...stored, records: 'none' }),
    ];
    for (const text of variants) expect(parseRememberedChoice(text)).toBeNull();
  });
});
