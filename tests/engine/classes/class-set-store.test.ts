import { describe, expect, test } from 'vitest';
import { CIFAR_IMAGE_BYTES } from '../../../src/core/data/cifar-format';
import { changeClassSet, type ClassSet } from '../../../src/core/data/class-set';
import { splitClassSet } from '../../../src/core/data/class-set-split';
import { createMemoryClassSetStore, isStoredClassSet } from '../../../src/engine/classes/class-set-store';

function set(id: string, updatedAt: string): ClassSet {
  return { id, name: id, createdAt: updatedAt, updatedAt, classes: [{ id: 'c', name: 'red', pictures: [{ id: 'p', pixels: new Uint8Array(CIFAR_IMAGE_BYTES) }] }] };
}

describe('class-set store (memory)', () => {
  test('lists newest change first, updates in place, deletes', async () => {
    const store = createMemoryClassSetStore();
    await store.put(set('a', '2026-12-06T10:00:00.000Z'));
    await store.put(set('b', '2026-12-06T11:00:00.000Z'));
    expect((await store.list()).map((stored) => stored.id)).toEqual(['b', 'a']);
    const changed = await store.update('a', (stored) => changeClassSet(stored, { kind: 'add-class', name: 'blue' }, '2026-12-06T12:00:00.000Z', () => 'c2').set);
    expect(changed?.classes.map((own) => own.name)).toEqual(['red', 'blue']);
    expect((await store.list()).map((stored) => stored.id)).toEqual(['a', 'b']);
    expect(await store.update('missing', (stored) => stored)).toBeNull();
    await store.delete('a');
    expect(await store.get('a')).toBeNull();
  });

  test('a change that throws writes nothing', async () => {
    const store = createMemoryClassSetStore();
    await store.put(set('a', '2026-12-06T10:00:00.000Z'));
    await expect(store.update('a', (stored) => changeClassSet(stored, { kind: 'add-class', name: 'RED' }, 'later', () => 'x').set)).rejects.toThrow(/already a class/);
    expect((await store.get('a'))?.classes).toHaveLength(1);
  });

  test('keeps a run’s split until the run is forgotten', async () => {
    const store = createMemoryClassSetStore();
    const data = splitClassSet(set('a', 'now').classes, 0.2, 1);
    await store.keepRunData('run-1', data);
    expect(await store.runData('run-1')).toBe(data);
    await store.forgetRunData(['run-1']);
    expect(await store.runData('run-1')).toBeNull();
  });

  test('recognises a whole stored set and refuses damaged ones', () => {
    expect(isStoredClassSet(set('a', 'now'))).toBe(true);
    expect(isStoredClassSet({ ...set('a', 'now'), classes: [{ id: 'c', name: 'red', pictures: [{ id: 'p', pixels: new Uint8Array(3) }] }] })).toBe(false);
    expect(isStoredClassSet({ id: 'a' })).toBe(false);
    expect(isStoredClassSet(null)).toBe(false);
  });
});
