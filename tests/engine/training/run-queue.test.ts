import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { createMemoryRunRepository } from '../../../src/engine/runs/run-repository';
import { TRAINING_ELSEWHERE_MESSAGE } from '../../../src/engine/training/controller';
import { TINY_SPEC, tinySettings } from './fixtures';
import { harness, isStatus, iterationsOf, sharedLock, start, turns } from './controller-harness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const queued = (runId: string, learningRate: number) => ({ runId, name: `lr ${learningRate}`, lab: { spec: TINY_SPEC, hyperparameters: tinySettings({ epochs: 2, batchSize: 32, learningRate }) } });

describe('saved runs and the queue (real tfjs, cpu backend)', () => {
  test('three queued runs train one after the other, each to its end, in the order queued', async () => {
    const h = harness();
    await h.send({ type: 'runs-enqueue', runs: [queued('q1', 0.05), queued('q2', 0.01), queued('q3', 0.002)] });
    // Queued runs wait for the word.
    await turns();
    expect((await h.runs.list()).map((run) => run.status)).toEqual(['queued', 'queued', 'queued']);
    await h.send({ type: 'queue-start' });
    await h.until(isStatus('q3', 'finished'));
    const order = h.events.flatMap(({ event }) => (event.type === 'train-status' && event.status === 'preparing' ? [event.runId] : []));
    expect(order).toEqual(['q1', 'q2', 'q3']);
    for (const id of ['q1', 'q2', 'q3']) expect(h.statuses(id)).toEqual(['preparing', 'running', 'finished']);
    const runs = await h.runs.list();
    expect(runs.map((run) => [run.id, run.status, run.epochsDone, run.lab.hyperparameters.learningRate])).toEqual([
      ['q1', 'finished', 2, 0.05],
      ['q2', 'finished', 2, 0.01],
      ['q3', 'finished', 2, 0.002],
    ]);
  });

  test('after a reload the run that was training is interrupted, and the queue goes on from its last saved epoch once the data is there', async () => {
    const runs = createMemoryRunRepository();
    const first = harness({ runs });
    await first.send({ type: 'runs-enqueue', runs: [queued('r1', 0.05), { ...queued('r2', 0.02), lab: { ...queued('r2', 0.02).lab, hyperparameters: tinySettings({ epochs: 3, batchSize: 32 }) } }] });
    await first.send({ type: 'queue-start' });
    await first.until((event) => event.type === 'run-saved' && event.run.id === 'r2' && event.run.epochsDone === 1);
    // The page goes away mid-run: nothing ends the run; a new engine finds its record still 'running'.
    await first.send({ type: 'train-pause', runId: 'r2' });
    await first.until(isStatus('r2', 'paused'));
    expect((await runs.get('r2'))?.status).toBe('paused');

    const second = harness({ runs, withData: false });
    await second.controller.ready;
    expect(await runs.get('r2')).toMatchObject({ status: 'interrupted', message: expect.stringContaining('its last saved epoch (1 of 3)') });
    expect(second.events.map(({ event }) => event.type)).toEqual(['run-saved']);

    const third = harness({ runs });
    await third.controller.ready;
    third.controller.dataArrived();
    await third.until(isStatus('r2', 'finished'));
    // Epoch 1 was saved: the run goes on from there (its first progress event carries the saved epoch's points).
    expect(iterationsOf(third, 'r2')).toEqual(Array.from({ length: 9 }, (_, i) => i));
    expect(await runs.get('r2')).toMatchObject({ status: 'finished', epochsDone: 3 });
  });

  test('two tabs: the second cannot train while the first does, takes over when asked, and the first then writes nothing more', async () => {
    const lock = sharedLock();
    const runs = createMemoryRunRepository();
    const tabA = harness({ runs, lock: lock.tab() });
    const tabB = harness({ runs, lock: lock.tab() });
    await tabA.send(start('a', { epochs: 50, batchSize: 8 }));
    await tabA.until((event) => event.type === 'train-progress' && event.runId === 'a');

    await tabB.send(start('b', { epochs: 1 }));
    expect(tabB.events.at(-1)?.event).toEqual({ type: 'training-elsewhere', id: 1, runId: 'b', message: TRAINING_ELSEWHERE_MESSAGE });
    expect(await runs.get('b')).toBeNull();
    // Nor may it delete the run the other tab trains.
    await tabB.send({ type: 'runs-delete', runIds: ['a'] });
    expect(tabB.events.at(-1)?.event).toMatchObject({ type: 'train-error', message: 'a run that is training cannot be deleted: stop it first' });

    await tabB.send(start('b', { epochs: 1 }, { takeOver: true }));
    const stopped = await tabA.until(isStatus('a', 'stopped'));
    expect(stopped).toMatchObject({ message: expect.stringContaining('Another tab of this browser took over training') });
    await tabB.until(isStatus('b', 'finished'));
    // Tab A's last word in storage was before the take-over; tab B's run is there in full.
    expect((await runs.get('a'))?.status).not.toBe('stopped');
    expect(await runs.get('b')).toMatchObject({ status: 'finished', epochsDone: 1 });
  });

  test('rename and delete: names are cleaned, a training run is kept, deleting frees its bytes', async () => {
    const h = harness();
    await h.send(start('x', { epochs: 1 }));
    await h.until(isStatus('x', 'finished'));
    await h.send({ type: 'run-rename', runId: 'x', name: '  My   first run ' });
    expect(await h.runs.get('x')).toMatchObject({ name: 'My first run' });
    await h.send({ type: 'run-rename', runId: 'x', name: '   ' });
    expect(h.events.at(-1)?.event).toMatchObject({ type: 'train-error', message: 'a run needs a name: type at least one letter or digit' });

    await h.send(start('y', { epochs: 50 }));
    await h.until((event) => event.type === 'train-progress' && event.runId === 'y');
    await h.send({ type: 'runs-delete', runIds: ['y'] });
    expect(h.events.at(-1)?.event).toMatchObject({ type: 'train-error', message: 'a run that is training cannot be deleted: stop it first' });
    const bytes = (await h.runs.get('x'))?.storedBytes ?? 0;
    await h.send({ type: 'runs-delete', runIds: ['x'] });
    expect(h.events.at(-1)?.event).toEqual({ type: 'runs-deleted', id: 6, runIds: ['x'], freedBytes: bytes });
    expect(await h.runs.get('x')).toBeNull();
    expect(await h.runs.loadCheckpoint('x')).toBeNull();
    await h.send({ type: 'train-stop', runId: 'y' });
    await h.until(isStatus('y', 'stopped'));
  });

  test('a queued run of a network that cannot be built fails with the reason, and the queue goes on', async () => {
    const h = harness();
    const broken = { runId: 'broken', name: 'broken', lab: { spec: { layers: [...DEFAULT_MODEL_SPEC.layers.slice(0, 1), { type: 'Conv2D' as const, filters: 4, kernelSize: 64, strides: 1, padding: 'valid' as const, activation: 'relu' as const }, ...DEFAULT_MODEL_SPEC.layers.slice(1)] }, hyperparameters: tinySettings({ epochs: 1 }) } };
    await h.send({ type: 'runs-enqueue', runs: [broken, queued('fine', 0.05)] });
    await h.send({ type: 'queue-start' });
    await h.until(isStatus('fine', 'finished'));
    expect(h.statuses('broken')).toEqual(['preparing', 'failed']);
  });
});
