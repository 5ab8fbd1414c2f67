import { describe, expect, test } from 'vitest';
import { controlState, focusTarget, type ControlInputs } from '../../src/views/train/training/control-state';
import { describePhase, epochAnnouncement, formatLoss, formatPercent } from '../../src/views/train/training/training-text';

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
    // A saved run to resume: Reset has nothing to clear (saved runs stay in the run list).
    expect(enabled({ hasCheckpoint: true })).toEqual(['start', 'step', 'resumeCheckpoint']);
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
    expect(describePhase('pausing')).toBe('Pausing after this batch…');
    expect(formatLoss(1.234567)).toBe('1.2346');
    expect(formatLoss(Number.NaN)).toBe('NaN');
    expect(formatLoss(null)).toBe('—');
    expect(formatPercent(0.6742)).toBe('67.42 %');
  });
});

describe('the epoch announcement', () => {
  test('one sentence per finished epoch, in the table’s numbers; nothing before the first', () => {

    expect(epochAnnouncement(undefined, 25)).toBe('');
    expect(epochAnnouncement({ epoch: 1, loss: 1.9, accuracy: 0.312, valLoss: 2, valAccuracy: 0.281, seconds: 3, imagesPerSecond: 100 }, 25)).toBe(
      'Epoch 2 of 25 done: loss 1.9000, accuracy 31.20 %; validation loss 2.0000, accuracy 28.10 %.',
    );
  });
});

describe('focus after a press switches its own button off', () => {
  test('Pause while running, Resume while paused, Start otherwise; else the first usable button', () => {

    expect(focusTarget('running', controlState({ ...READY, phase: 'running' }))).toBe('pause');
    expect(focusTarget('paused', controlState({ ...READY, phase: 'paused' }))).toBe('resume');
    expect(focusTarget('finished', controlState({ ...READY, phase: 'finished' }))).toBe('start');
    // While the run gets there, focus waits (Reset is usable then, and Enter on it would end the run).
    expect(focusTarget('preparing', controlState({ ...READY, phase: 'preparing' }))).toBeNull();
    expect(focusTarget('stopping', controlState({ ...READY, phase: 'stopping' }))).toBeNull();
    expect(focusTarget('failed', controlState({ ...READY, phase: 'failed', dataReady: false }))).toBe('reset');
    expect(focusTarget('idle', controlState({ ...READY, engineReady: false }))).toBeNull();
  });
});
