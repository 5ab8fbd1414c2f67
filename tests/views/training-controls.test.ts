import { describe, expect, test } from 'vitest';
import { controlState, type ControlInputs } from '../../src/views/train/training/control-state';
import { describePhase, formatLoss, formatPercent } from '../../src/views/train/training/training-text';

const READY: ControlInputs = { phase: 'idle', engineReady: true, dataReady: true, formValid: true, hasCheckpoint: false, hasRun: false };

function enabled(inputs: Partial<ControlInputs>): string[] {
  return Object.entries(controlState({ ...READY, ...inputs }))
    .filter(([, on]) => on)
    .map(([name]) => name);
}

describe('which training controls are enabled', () => {
  test('before a run: Start and Step (a one-batch run), once engine, data and form are ready', () => {
    expect(enabled({})).toEqual(['start', 'step']);
    expect(enabled({ dataReady: false })).toEqual([]);
    expect(enabled({ engineReady: false })).toEqual([]);
    expect(enabled({ formValid: false })).toEqual([]);
    expect(enabled({ hasCheckpoint: true })).toEqual(['start', 'step', 'reset', 'resumeCheckpoint']);
  });

  test('like a media player while a run goes', () => {
    expect(enabled({ phase: 'preparing' })).toEqual(['reset']);
    expect(enabled({ phase: 'running' })).toEqual(['pause', 'stop', 'reset']);
    expect(enabled({ phase: 'pausing' })).toEqual(['resume', 'stop', 'reset']);
    expect(enabled({ phase: 'paused' })).toEqual(['resume', 'step', 'stop', 'reset']);
    expect(enabled({ phase: 'stopping' })).toEqual(['reset']);
  });

  test('after a run ends, a new one can start and the old one be reset', () => {
    for (const phase of ['stopped', 'finished', 'failed'] as const) expect(enabled({ phase, hasRun: true })).toEqual(['start', 'step', 'reset']);
  });
});

describe('training text', () => {
  test('phases, losses and percentages', () => {
    expect(describePhase('pausing')).toBe('Pausing…');
    expect(formatLoss(1.234567)).toBe('1.2346');
    expect(formatLoss(Number.NaN)).toBe('NaN');
    expect(formatLoss(null)).toBe('—');
    expect(formatPercent(0.6742)).toBe('67.42 %');
  });
});
