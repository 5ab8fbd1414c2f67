import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { EngineEvent } from '../../src/engine/protocol';
import { getInitialState, useAppStore } from '../../src/state/store';
import { fakeEngineSession, runningFakeEngine } from './fake-engine-client';

const store = () => useAppStore.getState();
const LIST = { type: 'classify-library-list' } as const;
const listed = (id: number): EngineEvent => ({ type: 'classify-library', id, entries: [] });

beforeAll(() => {
  Object.assign(globalThis, { document: { baseURI: 'http://school.example/playground/index.html' } });
});

beforeEach(() => {
  useAppStore.setState(getInitialState());
});

describe('the engine session', () => {
  test('a request made before the engine runs waits for it, and is answered by the event with its id', async () => {
    const fake = fakeEngineSession();
    const answer = fake.session.request(LIST);
    expect(fake.session.send({ type: 'train-reset' })).toBeNull();
    await fake.session.start('wasm');
    expect(store()).toMatchObject({ engineStatus: 'ready', preferredBackend: 'wasm' });
    const sent = fake.engine().sent.find((command) => command.type === 'classify-library-list');
    fake.engine().emit(listed(999));
    fake.engine().emit(listed(sent?.id ?? -1));
    await expect(answer).resolves.toEqual(listed(sent?.id ?? -1));
  });

  test('a request during a restart is sent again to the new engine and answered by it, not failed', async () => {
    const fake = await runningFakeEngine();
    const answer = fake.session.request(LIST);
    const restart = fake.session.start('cpu');
    expect(fake.terminated()).toBe(true);
    expect(store().engineStatus).toBe('starting');
    // The old engine answering late changes nothing: it was let go.
    fake.emit(listed(fake.sent.at(-1)?.id ?? -1));
    await restart;
    const second = fake.engine();
    expect(second).not.toBe(fake.engines[0]);
    const resent = second.sent.find((command) => command.type === 'classify-library-list');
    expect(resent).toBeDefined();
    second.emit(listed(resent?.id ?? -1));
    await expect(answer).resolves.toMatchObject({ type: 'classify-library' });
  });

  test('while suspended (the backends are measured) requests wait; sends are dropped', async () => {
    const fake = await runningFakeEngine();
    fake.session.suspend();
    expect(store().engineStatus).toBe('starting');
    expect(fake.session.isRunning()).toBe(false);
    const answer = fake.session.request(LIST);
    await fake.session.start('wasm');
    const resent = fake.engine().sent.find((command) => command.type === 'classify-library-list');
    fake.engine().emit(listed(resent?.id ?? -1));
    await expect(answer).resolves.toMatchObject({ type: 'classify-library' });
  });

  test('an error answer rejects with the engine’s message', async () => {
    const fake = await runningFakeEngine();
    const answer = fake.session.request({ type: 'classify-library-load', name: 'x' });
    fake.emit({ type: 'classify-error', id: fake.sent.at(-1)?.id ?? -1, message: 'there is no saved model named “x”' });
    await expect(answer).rejects.toThrow('there is no saved model named “x”');
  });

  test('an engine that cannot start rejects everything waiting, and later requests, with its reason; a later start recovers', async () => {
    let failure: string | null = 'no backend could start';
    const fake = fakeEngineSession({ failStart: () => failure });
    const answer = fake.session.request(LIST);
    await fake.session.start('webgl');
    await expect(answer).rejects.toThrow('the engine could not start: no backend could start');
    await expect(fake.session.request(LIST)).rejects.toThrow('the engine could not start: no backend could start');
    expect(store()).toMatchObject({ engineStatus: 'failed', engineError: 'no backend could start' });
    failure = null;
    await fake.session.start('cpu');
    expect(store().engineStatus).toBe('ready');
    const again = fake.session.request(LIST);
    fake.engine().emit(listed(fake.engine().sent.at(-1)?.id ?? -1));
    await expect(again).resolves.toMatchObject({ type: 'classify-library' });
  });

  test('an engine that dies rejects what waits; shutting down rejects everything', async () => {
    const fake = await runningFakeEngine();
    const answer = fake.session.request(LIST);
    fake.emit({ type: 'fatal', message: 'worker failed: boom' });
    await expect(answer).rejects.toThrow('the engine stopped: worker failed: boom');
    expect(fake.terminated()).toBe(true);
    expect(store()).toMatchObject({ engineStatus: 'failed', engineError: 'worker failed: boom' });

    const other = await runningFakeEngine();
    const waiting = other.session.request(LIST);
    other.session.shutDown();
    await expect(waiting).rejects.toThrow('the engine was shut down');
    await expect(other.session.request(LIST)).rejects.toThrow('the engine was shut down');
    await other.session.start('cpu');
    expect(other.engines).toHaveLength(1);
  });

  test('a start overtaken by a newer one gives its engine up', async () => {
    const fake = fakeEngineSession();
    const first = fake.session.start('webgl');
    const second = fake.session.start('wasm');
    await Promise.all([first, second]);
    expect(fake.starts).toEqual(['webgl', 'wasm']);
    expect(fake.engines[0]?.terminated()).toBe(true);
    expect(fake.engines[1]?.terminated()).toBe(false);
    expect(store().preferredBackend).toBe('wasm');
  });

  test('events go to the store action their kind routes to', async () => {
    const fake = await runningFakeEngine();
    fake.emit({ type: 'webgl-context-lost', message: 'The GPU context was lost.' });
    expect(store().contextLostMessage).toBe('The GPU context was lost.');
    fake.emit({ type: 'runs-listed', id: 1, runs: [] });
    expect(store().runsListed).toBe(true);
    expect(fake.sent.map((command) => command.type)).toEqual(['runs-list']);
  });
});
