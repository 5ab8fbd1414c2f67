import type { StateCreator } from 'zustand';
import type { CifarSplit } from '../../core/cifar-format';
import type { AppState } from '../store';

/**
 * One 32×32 RGB image the Learn and Train views show their visualisations on.
 * `pixels` is NHWC uint8 without the batch axis: 32 × 32 × 3 = 3 072 bytes, row-major RGB.
 */
export interface CurrentImage {
  readonly pixels: Uint8Array;
  /** Class index 0..9, or null for an image the user brought. */
  readonly label: number | null;
  /** Where it came from: a CIFAR-10 split and index, or a file name. */
  readonly source: { readonly kind: 'cifar'; readonly split: CifarSplit; readonly index: number } | { readonly kind: 'user'; readonly name: string };
}

/** Data-set state shared across areas. */
export interface DataData {
  readonly currentImage: CurrentImage | null;
}
/** Data-set actions. */
export interface DataActions {
  setCurrentImage(image: CurrentImage | null): void;
}

/** Initial data-set state. */
export const initialDataData = (): DataData => ({ currentImage: null });

/** Data-set slice. */
export const createDataSlice: StateCreator<AppState, [], [], DataData & DataActions> = (set) => ({
  ...initialDataData(),
  setCurrentImage: (currentImage) => set({ currentImage }),
});
