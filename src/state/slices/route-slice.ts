import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

/** The three areas of the app; each is a hash route (`#/learn`, `#/train`, `#/classify`). */
export const AREAS = ['learn', 'train', 'classify'] as const;
/** One area of the app. */
export type Area = (typeof AREAS)[number];

/** Navigation: which area is open. */
export interface RouteData {
  readonly area: Area;
}
/** Navigation actions. */
export interface RouteActions {
  openArea(area: Area): void;
}

/** Initial navigation state. */
export const initialRouteData = (): RouteData => ({ area: 'learn' });

/** Navigation slice. */
export const createRouteSlice: StateCreator<AppState, [], [], RouteData & RouteActions> = (set) => ({
  ...initialRouteData(),
  openArea: (area) => set({ area }),
});
