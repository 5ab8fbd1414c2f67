import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

/** What the person chose: follow the system's light/dark setting, or one theme whatever it says. */
export type ThemeChoice = 'system' | 'light' | 'dark';
/** The theme on screen. */
export type Theme = 'light' | 'dark';

/** The colour theme: the person's choice and what the system prefers (`prefers-color-scheme`). */
export interface ThemeData {
  readonly themeChoice: ThemeChoice;
  readonly systemTheme: Theme;
}
/** Theme actions. */
export interface ThemeActions {
  themeChosen(choice: ThemeChoice): void;
  systemThemeChanged(theme: Theme): void;
}

/** Initial theme state: follow the system, assumed light until the page reads it. */
export const initialThemeData = (): ThemeData => ({ themeChoice: 'system', systemTheme: 'light' });

/** Theme slice. */
export const createThemeSlice: StateCreator<AppState, [], [], ThemeData & ThemeActions> = (set) => ({
  ...initialThemeData(),
  themeChosen: (themeChoice) => set({ themeChoice }),
  systemThemeChanged: (systemTheme) => set({ systemTheme }),
});

/** The theme a choice gives on a system that prefers `systemTheme`. */
export function effectiveTheme(choice: ThemeChoice, systemTheme: Theme): Theme {
  return choice === 'system' ? systemTheme : choice;
}
