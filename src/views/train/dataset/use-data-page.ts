import { useEffect, useState } from 'react';
import type { CifarSplit } from '../../../core/data/cifar-format';
import type { DataPage } from '../../../state/slices/data-slice';
import { useAppStore } from '../../../state/store';

/** A page of the grid as it arrives: the images once they are there, or why they are not. */
export interface DataPageState {
  readonly page: DataPage | null;
  readonly error: string | null;
}

/**
 * `perClass` images of every class of `split`, from each class's `offset`-th, fetched from the engine
 * whenever the arguments change. Stale answers (the user paged on meanwhile) are dropped.
 */
export function useDataPage(split: CifarSplit, offset: number, perClass: number): DataPageState {
  const key = `${split}:${offset}:${perClass}`;
  const [state, setState] = useState<DataPageState & { key: string }>({ key: '', page: null, error: null });
  useEffect(() => {
    let current = true;
    useAppStore.getState().requestDataPage(split, { kind: 'per-class', offset, count: perClass }).then(
      (page) => current && setState({ key, page, error: null }),
      (error: unknown) => current && setState({ key, page: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, split, offset, perClass]);
  // Until the new page arrives, keep showing the last one rather than flashing an empty grid.
  return state.key === key || state.page ? state : { page: null, error: null };
}
