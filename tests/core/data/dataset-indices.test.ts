import { describe, expect, test } from 'vitest';
import { indicesByClass, stratifiedQuotas, stratifiedSubset } from '../../../src/core/data/dataset-indices';

/** 10 balanced classes, shuffled like CIFAR-10's label files: `perClass` images of each. */
function balancedLabels(perClass: number): Uint8Array {
  const labels = Uint8Array.from({ length: perClass * 10 }, (_, i) => i % 10);
  return labels.reverse();
}

describe('indicesByClass', () => {
  test('lists each class in ascending order', () => {
    const lists = indicesByClass(Uint8Array.from([2, 0, 2, 1, 0]), 3);
    expect(lists.map((list) => Array.from(list))).toEqual([[1, 4], [3], [0, 2]]);
  });

  test('rejects a label that is not a class index', () => {
    expect(() => indicesByClass(Uint8Array.from([0, 10]), 10)).toThrow('label at index 1 must be below 10, got 10');
  });
});

describe('stratified subsets', () => {
  test('quotas follow the class shares and sum to the size', () => {
    expect(stratifiedQuotas(new Array(10).fill(5000), 1000)).toEqual(new Array(10).fill(100));
    expect(stratifiedQuotas([10, 10, 10], 5)).toEqual([2, 2, 1]);
    expect(stratifiedQuotas([90, 10], 10)).toEqual([9, 1]);
    expect(() => stratifiedQuotas([5, 5], 11)).toThrow('subset size must be an integer from 1 to 10, got 11');
    expect(() => stratifiedQuotas([5, 5], 0)).toThrow(/got 0/);
  });

  test.each([1000, 5000, 10_000, 50_000])('%i of 50 000 balanced images: equal classes, distinct, ascending, seeded', (size) => {
    const labels = balancedLabels(5000);
    const subset = stratifiedSubset(labels, size, 3, 10);
    expect(subset.length).toBe(size);
    const perClass = new Array(10).fill(0);
    for (const index of subset) perClass[labels[index] ?? -1] += 1;
    expect(perClass).toEqual(new Array(10).fill(size / 10));
    expect(new Set(subset).size).toBe(size);
    for (let i = 1; i < subset.length; i++) expect(subset[i]).toBeGreaterThan(subset[i - 1] ?? Infinity);
    expect(stratifiedSubset(labels, size, 3, 10)).toEqual(subset);
    if (size < labels.length) expect(stratifiedSubset(labels, size, 4, 10)).not.toEqual(subset);
  });

  test('an unbalanced set keeps its proportions', () => {
    const labels = Uint8Array.from([...new Array(80).fill(0), ...new Array(20).fill(1)]);
    const subset = stratifiedSubset(labels, 10, 1, 2);
    expect(Array.from(subset).filter((index) => labels[index] === 1).length).toBe(2);
  });
});
