import { useEffect, useMemo, useState } from 'react';
import { CIFAR_IMAGE_BYTES } from '../../../core/data/cifar-format';
import type { DataPage } from '../../../state/slices/data-slice';
import { useAppStore } from '../../../state/store';

/** Test images as they arrive from the engine, or why they did not. */
export interface TestImagesState {
  readonly page: DataPage | null;
  readonly error: string | null;
}

/** A run on your own classes' held-out pictures, sent with its evaluation (N × 3 072 bytes, test-split order). */
export interface OwnPictures {
  readonly pictures: Uint8Array;
  /** The evaluated pictures' indices and true classes, in evaluation order. */
  readonly indices: Uint32Array;
  readonly labels: Uint8Array;
}

/**
 * The pixels of these test-split images, fetched from the engine whenever the list changes (stale
 * answers, for a cell chosen before, are dropped) — or, for a run on your own classes, cut from the
 * held-out pictures its evaluation brought.
 */
export function useTestImages(indices: readonly number[], own: OwnPictures | null = null): TestImagesState {
  const key = indices.join(',');
  const [state, setState] = useState<TestImagesState & { key: string }>({ key: '', page: null, error: null });
  const ownPage = useMemo(() => (own ? pageOfOwn(own, key === '' ? [] : key.split(',').map(Number)) : null), [own, key]);
  useEffect(() => {
    if (key === '' || own) return undefined;
    let current = true;
    const wanted = key.split(',').map(Number);
    useAppStore.getState().requestDataPage('test', { kind: 'indices', indices: wanted }).then(
      (page) => current && setState({ key, page, error: null }),
      (error: unknown) => current && setState({ key, page: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, own]);
  if (ownPage) return { page: ownPage, error: null };
  return state.key === key ? state : { page: null, error: null };
}

function pageOfOwn(own: OwnPictures, wanted: readonly number[]): DataPage {
  const labelOf = new Map(Array.from(own.indices, (index, position) => [index, own.labels[position] ?? 0]));
  const pixels = new Uint8Array(wanted.length * CIFAR_IMAGE_BYTES);
  wanted.forEach((index, position) => pixels.set(own.pictures.subarray(index * CIFAR_IMAGE_BYTES, (index + 1) * CIFAR_IMAGE_BYTES), position * CIFAR_IMAGE_BYTES));
  return { split: 'test', indices: Uint32Array.from(wanted), labels: Uint8Array.from(wanted, (index) => labelOf.get(index) ?? 0), pixels };
}
