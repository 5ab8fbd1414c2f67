import { describe, expect, test } from 'vitest';
import { trainingWorkerLimit } from '../../src/core/training/training-workers';
import { trainingWorkersText } from '../../src/views/common/training-workers-text';

const machine = trainingWorkerLimit(2, 8);

describe("the badge's sentence on training workers", () => {
  test('before any run: what this machine allows, and that a run measures', () => {
    expect(trainingWorkersText(null, machine)).toBe('up to 2 (2 logical cores: one worker per core); a training run times its first batches with 1 to 2 and keeps the fewest that are measurably fastest');
  });

  test('before any run, a network that trains on one worker (or a one-core machine) says why, and nothing about measuring', () => {
    const restricted = { workers: 1, reason: 'this model trains on one worker: BatchNormalization normalises each share by its own statistics (and only one worker would update its moving averages)' };
    expect(trainingWorkersText(null, restricted)).toBe(`1 (${restricted.reason})`);
  });

  test('while measuring, the count being tried; once decided, the reason with the speeds; how weights move', () => {
    const measuring = { workers: 1, limit: 2, measuring: true, exchange: 'shared', reason: "measuring 1 to 2 workers on this run's first batches (2 logical cores: one worker per core)", measured: [] } as const;
    expect(trainingWorkersText(measuring, machine)).toBe("measuring 1 to 2 workers on this run's first batches (2 logical cores: one worker per core); now 1; weights and gradients through shared memory");
    const decided = { ...measuring, workers: 2, measuring: false, exchange: 'transfer', reason: '2 workers: 480 (470–490) images/s with 2 against 262 (255–270) images/s with 1' } as const;
    expect(trainingWorkersText(decided, machine)).toBe('2 workers: 480 (470–490) images/s with 2 against 262 (255–270) images/s with 1; weights and gradients copied between workers (the page is not cross-origin isolated)');
    expect(trainingWorkersText({ ...decided, workers: 1, exchange: null, reason: '1 worker: batches of 16 images are too small to share' }, machine)).toBe('1 worker: batches of 16 images are too small to share');
  });
});
