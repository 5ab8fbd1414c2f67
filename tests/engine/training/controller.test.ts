import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { TrainCommand, TrainEvent, TrainingStatus } from '../../../src/engine/protocol-train';
import { createMemoryCheckpointStore } from '../../../src/engine/training/checkpoint';
import { createTrainingController } from '../../../src/engine/training/controller';
import type { TrainingController } from '../../../src/engine/training/controller-types';
import type { TrainingData } from '../../../src/engine/training/trainer-types';
import { makeBandSplit, TINY_SPEC, tinySettings } from './fixtures';

const data: TrainingData = { train: makeBandSplit(96, 1), test: makeBandSplit(30, 2) };

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterEach(() => {
  vi.useRealTimers();
});

interface Harness {
  readonly controller: TrainingController;
  readonly events: { event: TrainEvent; atMs: number }[];
  readonly store: ReturnType<typeof createMemoryCheckpointStore>;
  send(command: DistributiveOmit<TrainCommand, 'id'>): Promise<void>;
  /** Wait until an event matching `predicate` has arrived; returns it. */
  until(predicate: (event: TrainEvent) => boolean, timeoutMs?: number): Promise<TrainEvent>;
  statuses(runId: number): TrainingStatus[];
  /**
   * With fake timers: run every timer the next 50 ms would fire (the training loop waits for one
   * before each batch, so a loop still alive trains about one batch per fake millisecond; progress
   * waits 5 ms at most), letting each callback's work finish, then return how many timers are pending.
   */
  idle(): Promise<number>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A controller fed the tiny data set. With `fakeTimers`, the controller's clock and every timer are
 * Vitest's fake ones: the tests move time on themselves, so "nothing happens while paused" is checked
 * over a fixed number of the loop's chances to run, however slow the machine.
 */
function harness(options: { withData?: boolean; fakeTimers?: boolean } = {}): Harness {
  if (options.fakeTimers) vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'Date'] });
  const nowMs = options.fakeTimers ? () => Date.now() : () => performance.now();
  const events: { event: TrainEvent; atMs: number }[] = [];
  const store = createMemoryCheckpointStore();
  const controller = createTrainingController({
    emit: (event) => events.push({ event, atMs: nowMs() }),
    getData: () => (options.withData === false ? null : data),
    store,
    backend: () => tf.getBackend(),
    nowMs,
    // In fake time a batch takes about a millisecond: report every few batches, as real time does.
    ...(options.fakeTimers ? { progressIntervalMs: 5 } : {}),
  });
  let nextId = 1;
  return {
    controller,
    events,
    store,
    send: (command) => controller.handle({ ...command, id: nextId++ } as TrainCommand),
    async until(predicate, timeoutMs = 30_000) {
      // A safety net for a broken controller (performance.now is never faked), not a condition of any pass.
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const found = events.find(({ event }) => predicate(event));
        if (found) return found.event;
        if (performance.now() > deadline) throw new Error(`no such event; got ${events.map(({ event }) => event.type).join(', ')}`);
        if (options.fakeTimers) await vi.advanceTimersByTimeAsync(5);
        else await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async idle() {
      await vi.advanceTimersByTimeAsync(50);
      return vi.getTimerCount();
    },
    statuses: (runId) => events.flatMap(({ event }) => (event.type === 'train-status' && event.runId === runId ? [event.status] : [])),
  };
}

function isStatus(runId: number, status: TrainingStatus) {
  return (event: TrainEvent) => event.type === 'train-status' && event.runId === runId && event.status === status;
}

function progressOf(h: Harness, runId: number) {
  return h.events.flatMap(({ event, atMs }) => (event.type === 'train-progress' && event.runId === runId ? [{ ...event, atMs }] : []));
}

const start = (runId: number, changes: Parameters<typeof tinySettings>[0] = {}, extra: Partial<Extract<TrainCommand, { type: 'train-start' }>> = {}) =>
  ({ type: 'train-start', runId, spec: TINY_SPEC, hyperparameters: tinySettings(changes), resume: false, pauseAfterBatches: null, ...extra }) as const;

describe('training controller (real tfjs, cpu backend)', () => {
  test('runs to the end: each batch point and epoch exactly once, at most ~10 events a second, a checkpoint per epoch', async () => {
    const h = harness();
    await h.send(start(1, { epochs: 3, batchSize: 4 }));
    await h.until(isStatus(1, 'finished'));
    expect(h.statuses(1)).toEqual(['preparing', 'running', 'finished']);
    const progress = progressOf(h, 1);
    const iterations = progress.flatMap((event) => event.batches.map((point) => point.iteration));
    expect(iterations).toEqual(Array.from({ length: 72 }, (_, i) => i));
    expect(progress.flatMap((event) => event.epochs.map((epoch) => epoch.epoch))).toEqual([0, 1, 2]);
    // 72 batches, but events are spaced by the 100 ms throttle; only the last, sent just before the
    // 'finished' status so the status follows its points, may come sooner.
    expect(progress.length).toBeLessThan(72);
    for (let i = 1; i < progress.length - 1; i++) {
      expect((progress[i]?.atMs ?? 0) - (progress[i - 1]?.atMs ?? 0)).toBeGreaterThanOrEqual(95);
    }
    const checkpoints = h.events.flatMap(({ event }) => (event.type === 'train-checkpoint' ? [event] : []));
    expect(checkpoints.map((event) => event.checkpoint?.epochsDone)).toEqual([1, 2, 3]);
    expect((await h.store.load())?.epochsDone).toBe(3);
  });

  test('pause, step one batch, resume and stop', async () => {
    const h = harness({ fakeTimers: true });
    await h.send(start(7, { epochs: 50, batchSize: 8 }));
    await h.until((event) => event.type === 'train-progress' && event.runId === 7);
    await h.send({ type: 'train-pause', runId: 7 });
    const paused = await h.until(isStatus(7, 'paused'));
    const pausedAt = paused.type === 'train-status' ? paused.position?.iteration ?? -1 : -1;
    // Nothing trains while paused: over 50 fake milliseconds (some 50 chances for a live loop) the run
    // stays where it paused, and no timer is left that could start a batch.
    expect(await h.idle()).toBe(0);
    expect(h.controller.currentModel()?.position.iteration).toBe(pausedAt);
    expect(progressOf(h, 7).flatMap((event) => event.batches).at(-1)?.iteration).toBe(pausedAt - 1);

    await h.send({ type: 'train-step', runId: 7 });
    await h.until((event) => event.type === 'train-status' && event.runId === 7 && event.status === 'paused' && event.position?.iteration === pausedAt + 1);
    expect(progressOf(h, 7).flatMap((event) => event.batches).at(-1)?.iteration).toBe(pausedAt);

    await h.send({ type: 'train-resume', runId: 7 });
    await h.until((event) => event.type === 'train-progress' && event.runId === 7 && event.position.iteration > pausedAt + 3);
    await h.send({ type: 'train-stop', runId: 7 });
    await h.until(isStatus(7, 'stopped'));
    expect(h.statuses(7)).toEqual(['preparing', 'running', 'pausing', 'paused', 'running', 'paused', 'running', 'stopping', 'stopped']);
    const count = h.events.length;
    const stoppedAt = h.controller.currentModel()?.position.iteration;
    expect(await h.idle()).toBe(0);
    expect(h.events.length).toBe(count);
    expect(h.controller.currentModel()?.position.iteration).toBe(stoppedAt);
    // A step outside a pause is refused with a reason.
    await h.send({ type: 'train-step', runId: 7 });
    expect(h.events.at(-1)?.event).toMatchObject({ type: 'train-error', runId: 7, message: 'a single batch can be stepped only while paused; the run is stopped' });
  });

  test('"Step one batch" before any run: one batch, then paused', async () => {
    const h = harness();
    await h.send(start(3, { epochs: 2 }, { pauseAfterBatches: 1 }));
    const paused = await h.until(isStatus(3, 'paused'));
    expect(paused.type === 'train-status' && paused.position?.iteration).toBe(1);
    await h.send({ type: 'train-stop', runId: 3 });
    await h.until(isStatus(3, 'stopped'));
  });

  test('a new run retires the old one; commands for the old run are refused', async () => {
    const h = harness();
    await h.send(start(1, { epochs: 50 }));
    await h.until((event) => event.type === 'train-progress' && event.runId === 1);
    await h.send(start(2, { epochs: 1 }));
    await h.until(isStatus(2, 'finished'));
    expect(h.statuses(1).at(-1)).toBe('stopped');
    await h.send({ type: 'train-pause', runId: 1 });
    expect(h.events.at(-1)?.event).toMatchObject({ type: 'train-error', runId: 1, message: 'run 1 is not the current run' });
  });

  test('resume from the checkpoint continues the run, history first', async () => {
    const h = harness();
    await h.send(start(1, { epochs: 2 }));
    await h.until(isStatus(1, 'finished'));
    await h.send({ type: 'train-query-checkpoint' });
    expect(await h.until((event) => event.type === 'train-checkpoint' && event.runId === null)).toMatchObject({ checkpoint: { epochsDone: 2, iteration: 12 } });
    await h.send(start(2, { epochs: 3 }, { resume: true }));
    await h.until(isStatus(2, 'finished'));
    const progress = progressOf(h, 2);
    expect(progress.flatMap((event) => event.epochs.map((epoch) => epoch.epoch))).toEqual([0, 1, 2]);
    expect(progress.flatMap((event) => event.batches.map((point) => point.iteration))).toEqual(Array.from({ length: 18 }, (_, i) => i));
  });

  test('a lost GPU context ends the run at once and points at the last checkpoint, which stays', async () => {
    const h = harness({ fakeTimers: true });
    await h.send(start(9, { epochs: 50, batchSize: 32 }));
    await h.until((event) => event.type === 'train-checkpoint' && event.runId === 9);
    h.controller.contextLost('The WebGL context was lost.');
    expect(h.events.at(-1)?.event).toMatchObject({
      type: 'train-status',
      runId: 9,
      status: 'failed',
      message: 'The WebGL context was lost. Training stopped; restart the engine to resume from the last saved epoch.',
    });
    const count = h.events.length;
    // The batch in flight may finish, but nothing follows it: no event, no further batch, no timer.
    expect(await h.idle()).toBe(0);
    const lostAt = h.controller.currentModel()?.position.iteration;
    expect(await h.idle()).toBe(0);
    expect(h.controller.currentModel()?.position.iteration).toBe(lostAt);
    expect(h.events.length).toBe(count);
    expect((await h.store.load())?.epochsDone).toBeGreaterThanOrEqual(1);
  });

  test('failures are reported on the run: no data, bad settings, nothing to resume, reset clears the checkpoint', async () => {
    const noData = harness({ withData: false });
    await noData.send(start(1));
    expect(await noData.until(isStatus(1, 'failed'))).toMatchObject({ message: 'CIFAR-10 is not loaded yet: wait for the data set to finish loading, then start again' });

    const h = harness();
    await h.send(start(2, { batchSize: 0, trainSubset: 1_000_000 }));
    expect(await h.until(isStatus(2, 'failed'))).toMatchObject({ message: 'batchSize must be ≥ 1, got 0; trainSubset must be ≤ 96, got 1,000,000' });
    await h.send(start(3, {}, { resume: true }));
    expect(await h.until(isStatus(3, 'failed'))).toMatchObject({ message: 'there is no saved checkpoint to resume; start a new run' });
    await h.send(start(4, { epochs: 1 }));
    await h.until(isStatus(4, 'finished'));
    expect(await h.store.load()).not.toBeNull();
    await h.send({ type: 'train-reset' });
    expect(await h.store.load()).toBeNull();
    expect(h.events.at(-1)?.event).toEqual({ type: 'train-checkpoint', runId: null, checkpoint: null });
  });
});
