/**
 * The confusion matrix: for every pair (true class, predicted class), how many images the network put
 * there. The diagonal holds the images it got right; everything off it is a mistake, and which cell a
 * mistake lands in (a cat taken for a dog, a truck for an automobile) says what the network confuses.
 *
 * Pure: built from two arrays of class indices, so the engine, the store and the views agree on it.
 */

/** Counts of a `classCount × classCount` confusion matrix, row = true class, column = predicted class. */
export interface ConfusionMatrix {
  readonly classCount: number;
  /** Row-major: `counts[trueClass × classCount + predictedClass]`. */
  readonly counts: Uint32Array;
  /** Images counted: the sum of every cell, equal to the number of evaluated images. */
  readonly total: number;
  /** Images per true class (row sums). */
  readonly rowTotals: Uint32Array;
  /** Images on the diagonal: classified correctly. */
  readonly correct: number;
}

/**
 * Count each (label, prediction) pair.
 * @param labels true class of each image, 0…classCount−1.
 * @param predictions predicted class of the same images, in the same order.
 * @throws RangeError when the arrays differ in length, `classCount` is not a whole number ≥ 1, or a class
 *   index is outside 0…classCount−1 (naming the image).
 */
export function confusionMatrix(labels: ArrayLike<number>, predictions: ArrayLike<number>, classCount: number): ConfusionMatrix {
  if (!Number.isInteger(classCount) || classCount < 1) throw new RangeError(`class count must be a whole number ≥ 1, got ${classCount}`);
  if (labels.length !== predictions.length) throw new RangeError(`labels and predictions must be as many, got ${labels.length} and ${predictions.length}`);
  const counts = new Uint32Array(classCount * classCount);
  const rowTotals = new Uint32Array(classCount);
  let correct = 0;
  for (let image = 0; image < labels.length; image += 1) {
    const label = labels[image] ?? -1;
    const predicted = predictions[image] ?? -1;
    checkClass('label', label, image, classCount);
    checkClass('prediction', predicted, image, classCount);
    counts[label * classCount + predicted] = (counts[label * classCount + predicted] ?? 0) + 1;
    rowTotals[label] = (rowTotals[label] ?? 0) + 1;
    if (label === predicted) correct += 1;
  }
  return { classCount, counts, total: labels.length, rowTotals, correct };
}

function checkClass(what: string, value: number, image: number, classCount: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= classCount) {
    throw new RangeError(`${what} of image ${image} must be a class 0…${classCount - 1}, got ${value}`);
  }
}

/** The count in one cell. */
export function cellCount(matrix: ConfusionMatrix, trueClass: number, predictedClass: number): number {
  return matrix.counts[trueClass * matrix.classCount + predictedClass] ?? 0;
}

/**
 * A cell's share of its row, 0…1: of the images that really are `trueClass`, the fraction predicted as
 * `predictedClass`. What the matrix is coloured by, so a class with few images reads as clearly as one
 * with many. 0 for a row with no images.
 */
export function rowShare(matrix: ConfusionMatrix, trueClass: number, predictedClass: number): number {
  const row = matrix.rowTotals[trueClass] ?? 0;
  return row === 0 ? 0 : cellCount(matrix, trueClass, predictedClass) / row;
}

/** Fraction of all images classified correctly, 0…1 (0 for an empty matrix). */
export function matrixAccuracy(matrix: ConfusionMatrix): number {
  return matrix.total === 0 ? 0 : matrix.correct / matrix.total;
}

/**
 * Per class, the fraction of its images classified correctly (the diagonal over the row total, also
 * called recall), or null for a class with no images among those evaluated.
 */
export function perClassAccuracy(matrix: ConfusionMatrix): (number | null)[] {
  return Array.from({ length: matrix.classCount }, (_, trueClass) => {
    const row = matrix.rowTotals[trueClass] ?? 0;
    return row === 0 ? null : cellCount(matrix, trueClass, trueClass) / row;
  });
}

/**
 * The image indices (from `indices`, in their order) whose true class is `trueClass` and predicted class
 * `predictedClass`: the pictures behind one cell.
 * @param indices what each position of `labels` / `predictions` stands for (e.g. test-set indices).
 * @throws RangeError when the three arrays differ in length.
 */
export function indicesInCell(indices: ArrayLike<number>, labels: ArrayLike<number>, predictions: ArrayLike<number>, trueClass: number, predictedClass: number): number[] {
  if (indices.length !== labels.length || labels.length !== predictions.length) {
    throw new RangeError(`indices, labels and predictions must be as many, got ${indices.length}, ${labels.length} and ${predictions.length}`);
  }
  const found: number[] = [];
  for (let image = 0; image < labels.length; image += 1) {
    if (labels[image] === trueClass && predictions[image] === predictedClass) found.push(indices[image] ?? -1);
  }
  return found;
}

/**
 * The largest off-diagonal cell (the network's most frequent mistake), or null when it made none.
 * Ties go to the first in row-major order.
 */
export function worstConfusion(matrix: ConfusionMatrix): { trueClass: number; predictedClass: number; count: number } | null {
  let worst: { trueClass: number; predictedClass: number; count: number } | null = null;
  for (let trueClass = 0; trueClass < matrix.classCount; trueClass += 1) {
    for (let predictedClass = 0; predictedClass < matrix.classCount; predictedClass += 1) {
      const count = cellCount(matrix, trueClass, predictedClass);
      if (trueClass !== predictedClass && count > 0 && (worst === null || count > worst.count)) worst = { trueClass, predictedClass, count };
    }
  }
  return worst;
}
