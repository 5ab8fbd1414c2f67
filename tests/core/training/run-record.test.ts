import { describe, expect, test } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../../../src/core/training/hyperparameters';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { bestValAccuracy, cleanRunName, defaultRunName, formatBytes, newRunId, nextQueuedRun } from '../../../src/core/training/run-record';
import { isActive, isEnded, isResting, isStepping } from '../../../src/core/training/training-lifecycle';

describe('run records', () => {
  test('ids sort by creation and differ within one millisecond', () => {
    const a = newRunId(1_000, () => 0.1);
    const b = newRunId(1_000, () => 0.2);
    const later = newRunId(2_000_000, () => 0);
    expect(a).toMatch(/^run-[0-9a-z]+-[0-9a-z]{6}$/);
    expect(a).not.toBe(b);
    expect([later, a].sort()).toEqual([a, later]);
  });

  test('names: a default that says what differs; typed names cleaned, empty ones refused', () => {
    expect(defaultRunName({ spec: DEFAULT_MODEL_SPEC, hyperparameters: { ...DEFAULT_HYPERPARAMETERS, optimizer: 'adam', learningRate: 0.002, batchSize: 32 } }, 3)).toBe('Run 3 · Adam lr 0.002, batch 32');
    expect(cleanRunName('  two\\t words  ')).toBe('two\\t words');
    expect(cleanRunName(' a \n b ')).toBe('a b');
    expect(cleanRunName('   ')).toBeNull();
    expect(cleanRunName('x'.repeat(200))).toHaveLength(80);
  });

  test('the queue: an interrupted queue run first, then queued runs in order; runs started directly never', () => {
    const runs = [
      { id: 'direct', status: 'interrupted' as const, queuedAt: null },
      { id: 'second', status: 'queued' as const, queuedAt: 20 },
      { id: 'first', status: 'queued' as const, queuedAt: 10 },
      { id: 'done', status: 'finished' as const, queuedAt: 5 },
    ];
    expect(nextQueuedRun(runs)?.id).toBe('first');
    expect(nextQueuedRun([...runs, { id: 'cut', status: 'interrupted' as const, queuedAt: 30 }])?.id).toBe('cut');
    expect(nextQueuedRun(runs.slice(0, 1))).toBeNull();
  });

  test('best validation accuracy and sizes in words', () => {
    expect(bestValAccuracy({ epochs: [] })).toBeNull();
    expect(bestValAccuracy({ epochs: [0.3, 0.5, 0.4].map((valAccuracy, epoch) => ({ epoch, loss: 1, accuracy: 0.5, valLoss: 1, valAccuracy, seconds: 1, imagesPerSecond: 1 })) })).toBe(0.5);
    expect([formatBytes(920), formatBytes(312_400), formatBytes(29_700_000), formatBytes(2_345_000_000)]).toEqual(['920 B', '312 kB', '29.7 MB', '2.35 GB']);
  });

  test('the lifecycle: one answer per status to each question', () => {
    const statuses = ['idle', 'queued', 'interrupted', 'preparing', 'running', 'pausing', 'paused', 'stopping', 'stopped', 'finished', 'failed'] as const;
    const table = statuses.map((status) => [status, isActive(status), isStepping(status), isResting(status), isEnded(status)]);
    expect(table).toEqual([
      ['idle', false, false, false, false],
      ['queued', false, false, false, false],
      ['interrupted', false, false, false, false],
      ['preparing', true, true, false, false],
      ['running', true, true, false, false],
      ['pausing', true, true, false, false],
      ['paused', true, false, true, false],
      ['stopping', true, true, false, false],
      ['stopped', false, false, true, true],
      ['finished', false, false, true, true],
      ['failed', false, false, true, true],
    ]);
  });
});
