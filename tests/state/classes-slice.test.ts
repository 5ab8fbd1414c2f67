import { beforeEach, describe, expect, test } from 'vitest';
import { CIFAR_IMAGE_BYTES } from '../../src/core/data/cifar-format';
import type { ClassSet } from '../../src/core/data/class-set';
import { getInitialState, useAppStore } from '../../src/state/store';
import { runningFakeEngineFor } from './fake-engine-client';

const state = () => useAppStore.getState();
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const SET: ClassSet = {
  id: 'set-1',
  name: 'Fruit',
  createdAt: '2026-12-06T19:00:00.000Z',
  updatedAt: '2026-12-06T19:00:00.000Z',
  classes: [
    { id: 'a', name: 'apple', pictures: [{ id: 'p1', pixels: new Uint8Array(CIFAR_IMAGE_BYTES) }] },
    { id: 'b', name: 'banana', pictures: [] },
  ],
};

beforeEach(() => {
  useAppStore.setState(getInitialState());
});

describe('classes slice', () => {
  test('adding files: a working note, then the set, the message naming the refused file, and a fresh list', async () => {
    const engine = await runningFakeEngineFor('classes-');
    const { emit } = engine;
    useAppStore.setState({ openClassSet: SET });
    const file = new File([new Uint8Array([1])], 'pear.png', { type: 'image/png' });
    const adding = state().classesAddFiles('b', [file, new File(['x'], 'notes.txt')]);
    expect(state().classesWorking).toBe('Reading 2 pictures for “banana”…');
    const add = engine.sent.at(-1);
    expect(add).toMatchObject({ type: 'classes-add-files', setId: 'set-1', classId: 'b', files: [{ name: 'pear.png' }, { name: 'notes.txt' }] });
    const filled: ClassSet = { ...SET, classes: [SET.classes[0] ?? { id: 'a', name: 'apple', pictures: [] }, { id: 'b', name: 'banana', pictures: [{ id: 'p2', pixels: new Uint8Array(CIFAR_IMAGE_BYTES) }] }] };
    emit({ type: 'classes-set', id: add?.id ?? -1, set: filled, added: 1, refused: ['notes.txt is not a picture.'] });
    await settle();
    expect(state().openClassSet).toBe(filled);
    expect(state().classesMessage).toEqual({ tone: 'problem', text: 'Added 1 picture to “banana”. One was not added:', refused: ['notes.txt is not a picture.'] });
    const list = engine.sent.at(-1);
    expect(list?.type).toBe('classes-list');
    emit({ type: 'classes-listed', id: list?.id ?? -1, sets: [] });
    await adding;
    expect(state().classSets).toEqual([]);
    expect(state().classesWorking).toBeNull();
  });

  test('a refused change becomes the message as a sentence; the open set stays', async () => {
    const engine = await runningFakeEngineFor('classes-');
    const { emit } = engine;
    useAppStore.setState({ openClassSet: SET });
    const changing = state().classesChange({ kind: 'add-class', name: 'Apple' });
    emit({ type: 'classes-error', id: engine.sent.at(-1)?.id ?? -1, message: 'there is already a class named “Apple”: each class needs its own name' });
    await changing;
    expect(state().openClassSet).toBe(SET);
    expect(state().classesMessage).toEqual({ tone: 'problem', text: 'There is already a class named “Apple”: each class needs its own name.', refused: [] });
  });

  test('deleting the open set closes it', async () => {
    const engine = await runningFakeEngineFor('classes-');
    const { emit } = engine;
    useAppStore.setState({ openClassSet: SET });
    const deleting = state().classesDelete('set-1');
    emit({ type: 'classes-listed', id: engine.sent.at(-1)?.id ?? -1, sets: [] });
    await deleting;
    expect(state().openClassSet).toBeNull();
    expect(state().classSets).toEqual([]);
  });
});
