import { useEffect, useState } from 'react';
import type { DataPage } from '../../../state/slices/data-slice';
import { useAppStore } from '../../../state/store';

/** Test images as they arrive from the engine, or why they did not. */
export interface TestImagesState {
  readonly page: DataPage | null;
  readonly error: string | null;
}

/**
 * The pixels of these test-split images, fetched from the engine whenever the list changes. Stale
 * answers (another cell was chosen meanwhile) are dropped.
 */
export function useTestImages(indices: readonly number[]): TestImagesState {
  const key = indices.join(',');
  const [state, setState] = useState<TestImagesState & { key: string }>({ key: '', page: null, error: null });
  useEffect(() => {
    if (key === '') return undefined;
    let current = true;
    const wanted = key.split(',').map(Number);
    useAppStore.getState().requestDataPage('test', { kind: 'indices', indices: wanted }).then(
      (page) => current && setState({ key, page, error: null }),
      (error: unknown) => current && setState({ key, page: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state.key === key ? state : { page: null, error: null };
}
