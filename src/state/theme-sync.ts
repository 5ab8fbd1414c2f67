import { useAppStore } from './store';
import { effectiveTheme, type ThemeChoice } from './slices/theme-slice';

/** Where the choice is kept between visits (this browser only). */
export const THEME_STORAGE_KEY = 'cnn-playground-theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** A stored choice, or "system" for anything else (nothing stored, an old or hand-edited value). */
export function parseThemeChoice(text: string | null): ThemeChoice {
  return text === 'light' || text === 'dark' ? text : 'system';
}

/**
 * Keep the colour theme in step with the person and the system: read the remembered choice, follow
 * `prefers-color-scheme` while the choice is "system", and put the theme on screen as
 * `<html data-theme="light|dark">` (the stylesheet's colours hang on it) and `color-scheme` (so form
 * controls and scroll bars match). Started before the first render, so the first paint has the right
 * colours. One of the store's side-effect places, like the hash sync.
 *
 * @returns a function that stops syncing.
 */
export function startThemeSync(): () => void {
  const store = useAppStore.getState();
  const media = window.matchMedia(DARK_QUERY);
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    // Storage refused (a locked-down profile): the choice lasts this visit only.
  }
  store.themeChosen(parseThemeChoice(stored));
  store.systemThemeChanged(media.matches ? 'dark' : 'light');
  const apply = (): void => {
    const { themeChoice, systemTheme } = useAppStore.getState();
    const theme = effectiveTheme(themeChoice, systemTheme);
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  };
  apply();
  const onSystemChange = (event: MediaQueryListEvent): void => useAppStore.getState().systemThemeChanged(event.matches ? 'dark' : 'light');
  media.addEventListener('change', onSystemChange);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.themeChoice === previous.themeChoice && state.systemTheme === previous.systemTheme) return;
    apply();
    if (state.themeChoice !== previous.themeChoice) {
      try {
        if (state.themeChoice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
        else window.localStorage.setItem(THEME_STORAGE_KEY, state.themeChoice);
      } catch {
        // As above: not remembered, still applied.
      }
    }
  });
  return () => {
    media.removeEventListener('change', onSystemChange);
    unsubscribe();
  };
}
