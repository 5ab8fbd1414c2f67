import { useAppStore } from '../../state/store';
import { selectTheme } from '../../state/selectors';

/**
 * "Dark theme", pressed or not. The page starts in the system's theme (`prefers-color-scheme`); pressing
 * switches to the other one and remembers it, and pressing back to the system's own theme goes back to
 * following the system.
 */
export function ThemeToggle() {
  const theme = useAppStore(selectTheme);
  const systemTheme = useAppStore((state) => state.systemTheme);
  const choose = useAppStore((state) => state.themeChosen);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={dark}
      onClick={() => {
        const wanted = dark ? 'light' : 'dark';
        choose(wanted === systemTheme ? 'system' : wanted);
      }}
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> Dark theme
    </button>
  );
}
