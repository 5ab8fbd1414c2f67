/**
 * Answer a page request of the dataset browser: pick the images, copy them out of the split (the
 * copies are transferred to the page; the split itself never leaves the engine).
 */
import { CIFAR10_CLASSES, type CifarSplit } from '../../core/data/cifar-format';
import { gatherImages, gatherLabels } from '../../core/data/image-batch';
import { MAX_PAGE_IMAGES, type DataEvent, type DataPageSelection } from '../protocol-data';
import { classIndexLists, requireLoadedDataset } from './dataset-store';

/**
 * The page for `selection` of `split`.
 * @throws Error naming the constraint when nothing is loaded, a class or range is invalid, or the
 *   page would exceed MAX_PAGE_IMAGES.
 */
export function buildDataPage(id: number, split: CifarSplit, selection: DataPageSelection): Extract<DataEvent, { type: 'data-page-result' }> {
  const arrays = requireLoadedDataset()[split];
  const asked = selection.kind === 'indices' ? selection.indices.length : selection.kind === 'per-class' ? selection.count * CIFAR10_CLASSES.length : selection.count;
  if (asked > MAX_PAGE_IMAGES) throw new Error(`a page may hold at most ${MAX_PAGE_IMAGES} images, asked for ${asked}`);
  const indices = Uint32Array.from(selectIndices(split, selection, arrays.count));
  return { type: 'data-page-result', id, split, indices, labels: gatherLabels(arrays.labels, indices), pixels: gatherImages(arrays.images, indices) };
}

function selectIndices(split: CifarSplit, selection: DataPageSelection, count: number): number[] {
  if (selection.kind === 'indices') {
    for (const index of selection.indices) {
      if (!Number.isInteger(index) || index < 0 || index >= count) throw new Error(`image index must be an integer from 0 to ${count - 1}, got ${index}`);
    }
    return [...selection.indices];
  }
  const { offset, count: perClass } = selection;
  if (!Number.isInteger(offset) || offset < 0) throw new Error(`offset must be an integer ≥ 0, got ${offset}`);
  if (!Number.isInteger(perClass) || perClass < 1) throw new Error(`count must be an integer ≥ 1, got ${perClass}`);
  const lists = classIndexLists(split);
  if (selection.kind === 'per-class') return lists.flatMap((list) => Array.from(list.subarray(offset, offset + perClass)));
  const list = lists[selection.classIndex];
  if (!list) throw new Error(`classIndex must be an integer from 0 to ${CIFAR10_CLASSES.length - 1}, got ${selection.classIndex}`);
  return Array.from(list.subarray(offset, offset + perClass));
}
