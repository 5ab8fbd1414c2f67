import { describe, expect, test } from 'vitest';
import { cellCount, confusionMatrix, indicesInCell, matrixAccuracy, perClassAccuracy, rowShare, worstConfusion } from '../../../src/core/training/confusion-matrix';
import { mulberry32 } from '../../../src/core/common/seeded-random';

describe('confusion matrix', () => {
  test('counts each (true, predicted) pair; the total is the number of images; rows are the true classes', () => {
    const labels = [0, 0, 0, 1, 1, 2, 2, 2, 2];
    const predictions = [0, 1, 0, 1, 2, 2, 0, 2, 2];
    const matrix = confusionMatrix(labels, predictions, 3);
    expect(Array.from(matrix.counts)).toEqual([2, 1, 0, 0, 1, 1, 1, 0, 3]);
    expect(matrix.total).toBe(9);
    expect(Array.from(matrix.rowTotals)).toEqual([3, 2, 4]);
    expect(matrix.correct).toBe(6);
    expect(cellCount(matrix, 2, 0)).toBe(1);
    expect(rowShare(matrix, 0, 0)).toBeCloseTo(2 / 3, 12);
    expect(rowShare(matrix, 1, 2)).toBe(0.5);
    expect(matrixAccuracy(matrix)).toBeCloseTo(6 / 9, 12);
    expect(perClassAccuracy(matrix)).toEqual([2 / 3, 0.5, 0.75]);
    expect(worstConfusion(matrix)).toEqual({ trueClass: 0, predictedClass: 1, count: 1 });
  });

  test('random cases: the cells add up to the images, the diagonal to the correct ones, each cell to its own indices', () => {
    const random = mulberry32(12);
    for (let trial = 0; trial < 50; trial += 1) {
      const count = Math.floor(random() * 300);
      const labels = Array.from({ length: count }, () => Math.floor(random() * 10));
      const predictions = labels.map((label) => (random() < 0.6 ? label : Math.floor(random() * 10)));
      const indices = labels.map((_, position) => 1000 + position * 3);
      const matrix = confusionMatrix(labels, predictions, 10);
      expect(Array.from(matrix.counts).reduce((a, b) => a + b, 0)).toBe(count);
      expect(matrix.correct).toBe(labels.filter((label, position) => label === predictions[position]).length);
      let fromCells = 0;
      for (let t = 0; t < 10; t += 1) {
        for (let p = 0; p < 10; p += 1) {
          const found = indicesInCell(indices, labels, predictions, t, p);
          expect(found).toHaveLength(cellCount(matrix, t, p));
          fromCells += found.length;
        }
      }
      expect(fromCells).toBe(count);
    }
  });

  test('classes with no image: no accuracy, no colour; no mistakes: no worst cell', () => {
    const matrix = confusionMatrix([1, 1], [1, 1], 3);
    expect(perClassAccuracy(matrix)).toEqual([null, 1, null]);
    expect(rowShare(matrix, 0, 0)).toBe(0);
    expect(worstConfusion(matrix)).toBeNull();
    expect(matrixAccuracy(confusionMatrix([], [], 10))).toBe(0);
  });

  test('errors name the constraint', () => {
    expect(() => confusionMatrix([0], [0, 1], 10)).toThrow('labels and predictions must be as many, got 1 and 2');
    expect(() => confusionMatrix([0, 10], [0, 1], 10)).toThrow('label of image 1 must be a class 0…9, got 10');
    expect(() => confusionMatrix([0], [-1], 10)).toThrow('prediction of image 0 must be a class 0…9, got -1');
    expect(() => confusionMatrix([], [], 0)).toThrow('class count must be a whole number ≥ 1, got 0');
    expect(() => indicesInCell([1], [0, 0], [0, 0], 0, 0)).toThrow('indices, labels and predictions must be as many, got 1, 2 and 2');
  });
});
