import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { harness, isStatus, iterationsOf, progressOf, start, turns } from './controller-harness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('training controller (real tfjs, cpu backend)', () => {
  test('runs to the end: each batch point and epoch exactly once, at most ~10 events a second, the run saved per epoch', async () => {
    const h = harness();
    await h.send(start('a', { epochs: 3, batchSize: 4 }));
    await h.until(isStatus('a', 'finished'));
    expect(h.statuses('a')).toEqual(['preparing', 'running', 'finished']);
    const progress = progressOf(h, 'a');
    expect(iterationsOf(h, 'a')).toEqual(Array.from({ length: 72 }, (_, i) => i));
    expect(progress.flatMap((event) => event.epochs.map((epoch) => epoch.epoch))).toEqual([0, 1, 2]);
    // 72 batches, but events are spaced by the 100 ms throttle; only the last, sent just before the
    // 'finished' status so the status follows its points, may come sooner.
    expect(progress.length).toBeLessThan(72);
    for (let i = 1; i < progress.length - 1; i++) {
      expect((progress[i]?.atMs ?? 0) - (progress[i - 1]?.atMs ?? 0)).toBeGreaterThanOrEqual(95);
    }
    const saved = h.events.flatMap(({ event }) => (event.type === 'run-saved' && event.run.id === 'a' ? [event.run] : []));
    expect(saved.filter((run) => run.status === 'running').map((run) => run.epochsDone)).toEqual([0, 1, 2, 3]);
    await h.controller.handle({ type: 'runs-list', id: 99 });
    const record = (await h.runs.list())[0];
    expect(record).toMatchObject({ id: 'a', name: 'Run a', status: 'finished', epochsDone: 3, queuedAt: null, backend: 'cpu' });
    expect(record?.batches).toHaveLength(72);
    expect(record?.storedBytes).toBeGreaterThan(2_700 * 4);
    expect((await h.runs.loadCheckpoint('a'))?.epochsDone).toBe(3);
  });

  test('pause, step one batch, resume and stop; nothing trains while paused or after the stop', async () => {
    const h = harness({ unthrottled: true });
    await h.send(start('p', { epochs: 50, batchSize: 8 }));
    await h.until((event) => event.type === 'train-progress' && event.runId === 'p');
    await h.send({ type: 'train-pause', runId: 'p' });
    const paused = await h.until(isStatus('p', 'paused'));
    const pausedAt = paused.type === 'train-status' ? (paused.position?.iteration ?? -1) : -1;
    await turns();
    expect(iterationsOf(h, 'p').at(-1)).toBe(pausedAt - 1);

    await h.send({ type: 'train-step', runId: 'p' });
    await h.until((event) => event.type === 'train-status' && event.runId === 'p' && event.status === 'paused' && event.position?.iteration === pausedAt + 1);
    await turns();
    expect(iterationsOf(h, 'p').at(-1)).toBe(pausedAt);

    await h.send({ type: 'train-resume', runId: 'p' });
    await h.until((event) => event.type === 'train-progress' && event.runId === 'p' && event.position.iteration > pausedAt + 3);
    await h.send({ type: 'train-stop', runId: 'p' });
    const stopped = await h.until(isStatus('p', 'stopped'));
    expect(h.statuses('p')).toEqual(['preparing', 'running', 'pausing', 'paused', 'running', 'paused', 'running', 'stopping', 'stopped']);
    await turns();
    expect(iterationsOf(h, 'p').at(-1)).toBe((stopped.type === 'train-status' ? (stopped.position?.iteration ?? 0) : 0) - 1);
    expect(h.events.at(-1)?.event).toMatchObject({ type: 'run-saved', run: { id: 'p', status: 'stopped' } });
    // A step outside a pause is refused with a reason.
    await h.send({ type: 'train-step', runId: 'p' });
    expect(h.events.at(-1)?.event).toMatchObject({ type: 'train-error', runId: 'p', message: 'a single batch can be stepped only while paused; the run is stopped' });
  });

  test('"Step one batch" before any run: one batch, then paused', async () => {
    const h = harness();
    await h.send(start('s', { epochs: 2 }, { pauseAfterBatches: 1 }));
    const paused = await h.until(isStatus('s', 'paused'));
    expect(paused.type === 'train-status' && paused.position?.iteration).toBe(1);
    await h.send({ type: 'train-stop', runId: 's' });
    await h.until(isStatus('s', 'stopped'));
  });

  test('a new run retires the old one, which stays in the list, stopped; commands for the old run are refused', async () => {
    const h = harness();
    await h.send(start('one', { epochs: 50 }));
    await h.until((event) => event.type === 'train-progress' && event.runId === 'one');
    await h.send(start('two', { epochs: 1 }));
    await h.until(isStatus('two', 'finished'));
    expect(h.statuses('one').at(-1)).toBe('stopped');
    expect((await h.runs.list()).map((run) => [run.id, run.status])).toEqual([
      ['one', 'stopped'],
      ['two', 'finished'],
    ]);
    await h.send({ type: 'train-pause', runId: 'one' });
    expect(h.events.at(-1)?.event).toMatchObject({ type: 'train-error', runId: 'one', message: 'run one is not the run in the engine' });
  });

  test('continuing a saved run trains its own network and settings, for its own epochs, history first', async () => {
    const h = harness();
    await h.send(start('own', { epochs: 3, batchSize: 32, learningRate: 0.002 }));
    await h.until((event) => event.type === 'run-saved' && event.run.id === 'own' && event.run.epochsDone === 1);
    await h.send({ type: 'train-stop', runId: 'own' });
    await h.until(isStatus('own', 'stopped'));
    // Something else ran since: the engine holds another network now.
    await h.send(start('other', { epochs: 1, batchSize: 8 }));
    await h.until(isStatus('other', 'finished'));
    const before = h.events.length;
    await h.send({ type: 'train-continue', runId: 'own', epochs: null, pauseAfterBatches: null });
    await h.until((event) => isStatus('own', 'finished')(event) && h.events.findIndex((entry) => entry.event === event) >= before);
    const status = h.events.slice(before).find(({ event }) => event.type === 'train-status' && event.runId === 'own')?.event;
    expect(status).toMatchObject({ lab: { hyperparameters: { epochs: 3, batchSize: 32, learningRate: 0.002 } } });
    const continued = h.events.slice(before).flatMap(({ event }) => (event.type === 'train-progress' && event.runId === 'own' ? [event] : []));
    const iterations = continued.flatMap((event) => event.batches.map((point) => point.iteration));
    // 96 images / 32 = 3 batches an epoch: the saved epoch's 3, then epochs 2 and 3.
    expect(iterations).toEqual(Array.from({ length: 9 }, (_, i) => i));
    expect(continued.flatMap((event) => event.epochs.map((epoch) => epoch.epoch))).toEqual([0, 1, 2]);
    expect(await h.runs.get('own')).toMatchObject({ status: 'finished', epochsDone: 3 });
  });

  test('a lost GPU context ends the run at once; its last saved epoch stays', async () => {
    const h = harness({ unthrottled: true });
    await h.send(start('gpu', { epochs: 50, batchSize: 32 }));
    await h.until((event) => event.type === 'run-saved' && event.run.id === 'gpu' && event.run.epochsDone >= 1);
    h.controller.contextLost('The WebGL context was lost.');
    expect(h.events.at(-1)?.event).toMatchObject({
      type: 'train-status',
      runId: 'gpu',
      status: 'failed',
      message: 'The WebGL context was lost. Training stopped; restart the engine to resume from the last saved epoch.',
    });
    const last = iterationsOf(h, 'gpu').at(-1);
    await turns();
    expect(iterationsOf(h, 'gpu').at(-1)).toBe(last);
    expect((await h.runs.loadCheckpoint('gpu'))?.epochsDone).toBeGreaterThanOrEqual(1);
  });

  test('failures are reported on the run: no data, bad settings, an unknown run; reset frees the model but keeps the run', async () => {
    const noData = harness({ withData: false });
    await noData.send(start('n'));
    expect(await noData.until(isStatus('n', 'failed'))).toMatchObject({ message: 'CIFAR-10 is not loaded yet: wait for the data set to finish loading, then start again' });

    const h = harness();
    await h.send(start('bad', { batchSize: 0, trainSubset: 1_000_000 }));
    expect(await h.until(isStatus('bad', 'failed'))).toMatchObject({ message: 'batchSize must be ≥ 1, got 0; trainSubset must be ≤ 96, got 1,000,000' });
    await h.send({ type: 'train-continue', runId: 'nowhere', epochs: null, pauseAfterBatches: null });
    expect(h.events.at(-1)?.event).toMatchObject({ type: 'train-error', runId: 'nowhere', message: 'there is no saved run nowhere: it may have been deleted in another tab' });
    await h.send(start('kept', { epochs: 1 }));
    await h.until(isStatus('kept', 'finished'));
    expect(h.controller.currentModel()).not.toBeNull();
    await h.send({ type: 'train-reset' });
    expect(h.controller.currentModel()).toBeNull();
    expect(await h.runs.get('kept')).toMatchObject({ status: 'finished' });
  });
});
