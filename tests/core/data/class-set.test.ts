import { describe, expect, test } from 'vitest';
import { CIFAR_IMAGE_BYTES } from '../../../src/core/data/cifar-format';
import { augmentByDefault, changeClassSet, classSetProblems, cleanClassName, MAX_CLASSES, MAX_PICTURES_PER_CLASS, nextClassName, summariseClassSet, type ClassPicture, type ClassSet } from '../../../src/core/data/class-set';
import { heldOutCount, splitClassSet } from '../../../src/core/data/class-set-split';

const AT = '2026-12-06T16:00:00.000Z';

/** A picture filled with one byte value, so it can be recognised after packing. */
function picture(id: string, value: number): ClassPicture {
  return { id, pixels: new Uint8Array(CIFAR_IMAGE_BYTES).fill(value) };
}

function set(classes: ClassSet['classes']): ClassSet {
  return { id: 'set-1', name: 'Fruit', createdAt: AT, updatedAt: AT, classes };
}

function counter(): () => string {
  let next = 0;
  return () => `class-${++next}`;
}

describe('class names', () => {
  test('are trimmed, white space made single, and must be unique ignoring case', () => {
    expect(cleanClassName('  red   apple ')).toBe('red apple');
    expect(() => cleanClassName('   ')).toThrow(/must not be empty/);
    expect(() => cleanClassName('x'.repeat(41))).toThrow(/at most 40/);
    expect(() => cleanClassName('Apple', ['apple'])).toThrow(/already a class named/);
    expect(() => cleanClassName('a\u0007b')).toThrow(/control characters/);
  });

  test('a new class gets the first free "Class N"', () => {
    expect(nextClassName({ classes: [] })).toBe('Class 1');
    expect(nextClassName(set([{ id: 'a', name: 'Class 2', pictures: [] }]))).toBe('Class 3');
  });
});

describe('changeClassSet', () => {
  test('adds, renames and removes classes and pictures, stamping the time', () => {
    const ids = counter();
    let current = set([]);
    current = changeClassSet(current, { kind: 'add-class', name: 'red' }, AT, ids).set;
    current = changeClassSet(current, { kind: 'add-class', name: 'green' }, AT, ids).set;
    const added = changeClassSet(current, { kind: 'add-pictures', classId: 'class-1', pictures: [picture('p1', 1), picture('p2', 2)] }, '2026-12-06T17:00:00.000Z', ids);
    expect(added.addedPictures).toBe(2);
    expect(added.set.updatedAt).toBe('2026-12-06T17:00:00.000Z');
    current = changeClassSet(added.set, { kind: 'remove-pictures', classId: 'class-1', pictureIds: ['p1'] }, AT, ids).set;
    current = changeClassSet(current, { kind: 'rename-class', classId: 'class-2', name: 'Lime' }, AT, ids).set;
    expect(summariseClassSet(current).classes).toEqual([
      { id: 'class-1', name: 'red', pictures: 1 },
      { id: 'class-2', name: 'Lime', pictures: 0 },
    ]);
    current = changeClassSet(current, { kind: 'remove-class', classId: 'class-1' }, AT, ids).set;
    expect(current.classes.map((own) => own.name)).toEqual(['Lime']);
  });

  test('refuses an eleventh class, a taken name, a missing class and wrong-sized pixels', () => {
    const ids = counter();
    const full = set(Array.from({ length: MAX_CLASSES }, (_, index) => ({ id: `c${index}`, name: `n${index}`, pictures: [] })));
    expect(() => changeClassSet(full, { kind: 'add-class', name: 'one more' }, AT, ids)).toThrow(/at most 10 classes/);
    expect(() => changeClassSet(full, { kind: 'rename-class', classId: 'c1', name: 'N0' }, AT, ids)).toThrow(/already a class/);
    expect(() => changeClassSet(full, { kind: 'remove-class', classId: 'gone' }, AT, ids)).toThrow(/no longer in the set/);
    expect(() => changeClassSet(full, { kind: 'add-pictures', classId: 'c0', pictures: [{ id: 'bad', pixels: new Uint8Array(10) }] }, AT, ids)).toThrow(/3072 bytes/);
  });

  test('adds no more pictures than a class has room for', () => {
    const many = Array.from({ length: MAX_PICTURES_PER_CLASS + 3 }, (_, index) => picture(`p${index}`, 0));
    const result = changeClassSet(set([{ id: 'c', name: 'c', pictures: [] }]), { kind: 'add-pictures', classId: 'c', pictures: many }, AT, counter());
    expect(result.addedPictures).toBe(MAX_PICTURES_PER_CLASS);
  });
});

describe('classSetProblems', () => {
  test('names what keeps a set from training', () => {
    expect(classSetProblems(set([]))[0]).toMatch(/at least 2 classes/);
    const problems = classSetProblems(set([
      { id: 'a', name: 'red', pictures: [picture('p', 0)] },
      { id: 'b', name: 'blue', pictures: Array.from({ length: 5 }, (_, index) => picture(`q${index}`, 0)) },
    ]));
    expect(problems).toEqual([expect.stringMatching(/“red” has 1 picture; give it at least 5/)]);
  });

  test('small sets augment by default', () => {
    expect(augmentByDefault(48)).toBe(true);
    expect(augmentByDefault(50_000)).toBe(false);
  });
});

describe('splitClassSet', () => {
  const classes = [0, 1, 2].map((label) => ({ name: `class ${label}`, pictures: Array.from({ length: 20 }, (_, index) => picture(`${label}-${index}`, label * 100 + index)) }));

  test('holds out a share of every class, never all and at least one', () => {
    expect(heldOutCount(20, 0.2)).toBe(4);
    expect(heldOutCount(2, 0.2)).toBe(1);
    expect(heldOutCount(5, 0.99)).toBe(4);
    expect(heldOutCount(1, 0.5)).toBe(0);
  });

  test('packs both splits in the CIFAR-10 layout, labels in class order, each picture exactly once', () => {
    const data = splitClassSet(classes, 0.2, 7);
    expect(data.classNames).toEqual(['class 0', 'class 1', 'class 2']);
    expect(data.test.count).toBe(12);
    expect(data.train.count).toBe(48);
    expect(data.train.images.length).toBe(48 * CIFAR_IMAGE_BYTES);
    const firstBytes = (images: Uint8Array, count: number): number[] => Array.from({ length: count }, (_, index) => images[index * CIFAR_IMAGE_BYTES] ?? -1);
    const seen = [...firstBytes(data.train.images, 48), ...firstBytes(data.test.images, 12)].sort((a, b) => a - b);
    expect(seen).toEqual(classes.flatMap((_, label) => Array.from({ length: 20 }, (__, index) => label * 100 + index)).sort((a, b) => a - b));
    // Every picture keeps its own class's label.
    firstBytes(data.test.images, 12).forEach((value, index) => expect(data.test.labels[index]).toBe(Math.floor(value / 100)));
    expect([...data.test.labels].filter((label) => label === 2)).toHaveLength(4);
  });

  test('the same seed holds out the same pictures; another seed others', () => {
    const again = splitClassSet(classes, 0.2, 7);
    expect(again.test.images).toEqual(splitClassSet(classes, 0.2, 7).test.images);
    expect(splitClassSet(classes, 0.2, 8).test.images).not.toEqual(again.test.images);
  });

  test('refuses a share outside (0, 1)', () => {
    expect(() => splitClassSet(classes, 1, 1)).toThrow(/between 0 and 1/);
  });
});
