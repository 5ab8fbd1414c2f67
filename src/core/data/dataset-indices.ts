/**
 * Index arithmetic over a labelled data set: which images, in which order. Pure functions over the
 * label array, so the loader, the training loop and the dataset browser agree on the same subset.
 */
import { mulberry32 } from '../common/seeded-random';

/**
 * The image indices of each class, ascending: `result[c]` lists every `i` with `labels[i] === c`.
 * @throws RangeError when a label is not below `classCount` (corrupt labels must not pass silently).
 */
export function indicesByClass(labels: Uint8Array, classCount: number): Uint32Array[] {
  const counts = new Array<number>(classCount).fill(0);
  labels.forEach((label, index) => {
    if (label >= classCount) throw new RangeError(`label at index ${index} must be below ${classCount}, got ${label}`);
    counts[label] = (counts[label] ?? 0) + 1;
  });
  const lists = counts.map((count) => new Uint32Array(count));
  const filled = new Array<number>(classCount).fill(0);
  labels.forEach((label, index) => {
    const position = filled[label] ?? 0;
    const list = lists[label];
    if (list) list[position] = index;
    filled[label] = position + 1;
  });
  return lists;
}

/**
 * How many images of each class a stratified subset of `size` takes: proportional to each class's
 * share, rounded by largest remainder (ties to the lower class index) so the quotas sum to `size`.
 * On CIFAR-10, whose classes are balanced, 1 000 gives 100 per class.
 */
export function stratifiedQuotas(classSizes: readonly number[], size: number): number[] {
  const total = classSizes.reduce((sum, n) => sum + n, 0);
  if (!Number.isInteger(size) || size < 1 || size > total) {
    throw new RangeError(`subset size must be an integer from 1 to ${total}, got ${size}`);
  }
  const exact = classSizes.map((n) => (n * size) / total);
  const quotas = exact.map(Math.floor);
  let missing = size - quotas.reduce((sum, n) => sum + n, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }));
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing === 0) break;
    if ((quotas[index] ?? 0) < (classSizes[index] ?? 0)) {
      quotas[index] = (quotas[index] ?? 0) + 1;
      missing--;
    }
  }
  return quotas;
}

/**
 * A seeded, class-stratified subset: `size` image indices whose class mix matches the whole set's,
 * so a quick classroom run on 1 000 images still sees every class equally often. Which images of a
 * class are taken is random but fixed by `seed`. Returned ascending (training shuffles per epoch).
 *
 * @throws RangeError when `size` is not an integer from 1 to `labels.length`, or a label is out of range.
 */
export function stratifiedSubset(labels: Uint8Array, size: number, seed: number, classCount: number): Uint32Array {
  const byClass = indicesByClass(labels, classCount);
  const quotas = stratifiedQuotas(byClass.map((list) => list.length), size);
  const random = mulberry32(seed);
  const subset = new Uint32Array(size);
  let filled = 0;
  byClass.forEach((list, classIndex) => {
    const quota = quotas[classIndex] ?? 0;
    // A partial Fisher–Yates: the first `quota` slots become a uniform sample without replacement.
    const pool = Uint32Array.from(list);
    for (let i = 0; i < quota; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      const chosen = pool[j] ?? 0;
      pool[j] = pool[i] ?? 0;
      subset[filled++] = chosen;
    }
  });
  return subset.sort();
}
