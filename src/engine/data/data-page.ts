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
  checkPageSize(selection);
  const indices = Uint32Array.from(selectIndices(selection, arrays.count, () => classIndexLists(split)));
  return { type: 'data-page-result', id, split, indices, labels: gatherLabels(arrays.labels, indices), pixels: gatherImages(arrays.images, indices) };
}

/**
 * The image indices `selection` picks from a split of `count` images whose class lists `lists` gives
 * (asked for only when needed). Shared with pages read from a slice of the files (data-slice-page.ts).
 * @throws Error naming the constraint when an index, offset, count or class is invalid.
 */
export function selectIndices(selection: DataPageSelection, count: number, lists: () => Uint32Array[]): number[] {
  if (selection.kind === 'indices') {
    for (const index of selection.indices) {
      if (!Number.isInteger(index) || index < 0 || index >= count) throw new Error(`image index must be an integer from 0 to ${count - 1}, got ${index}`);
    }
    return [...selection.indices];
  }
  const { offset, count: perClass } = selection;
  if (!Number.isInteger(offset) || offset < 0) throw new Error(`offset must be an integer ≥ 0, got ${offset}`);
  if (!Number.isInteger(perClass) || perClass < 1) throw new Error(`count must be an integer ≥ 1, got ${perClass}`);
  const byClass = lists();
  if (selection.kind === 'per-class') return byClass.flatMap((list) => Array.from(list.subarray(offset, offset + perClass)));
  const list = byClass[selection.classIndex];
  if (!list) throw new Error(`classIndex must be an integer from 0 to ${CIFAR10_CLASSES.length - 1}, got ${selection.classIndex}`);
  return Array.from(list.subarray(offset, offset + perClass));
}

/** @throws Error when `selection` asks for more than MAX_PAGE_IMAGES images. */
export function checkPageSize(selection: DataPageSelection): void {
  const asked = selection.kind === 'indices' ? selection.indices.length : selection.kind === 'per-class' ? selection.count * CIFAR10_CLASSES.length : selection.count;
  if (asked > MAX_PAGE_IMAGES) throw new Error(`a page may hold at most ${MAX_PAGE_IMAGES} images, asked for ${asked}`);
}
