import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

/** The code view's link between a line of code and the control it comes from. */
export interface CodeData {
  /**
   * The control whose code lines are marked and which is marked itself (`codeLinkKey`: `layer:3`,
   * `setting:momentum`): set while a line or a control is hovered or focused, null otherwise.
   */
  readonly codeLink: string | null;
}

/** Code view actions. */
export interface CodeActions {
  /** Mark `key`'s control and lines (null: nothing). */
  setCodeLink(key: string | null): void;
}

/** Nothing marked. */
export const initialCodeData = (): CodeData => ({ codeLink: null });

/** Code view slice. */
export const createCodeSlice: StateCreator<AppState, [], [], CodeData & CodeActions> = (set) => ({
  ...initialCodeData(),
  setCodeLink: (key) => set((state) => (state.codeLink === key ? state : { codeLink: key })),
});
