import { useEffect } from 'react';
import { LESSON_IDS, useAppStore } from '../../state/store';
import { MAIN_ID } from './SkipLink';
import './classroom.css';

/** Elements that use letters and Space themselves: there a key is typing, not a page-wide shortcut. */
const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Whether a key event was typed into a field (so a page-wide shortcut must leave it alone). */
export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (TYPING.has(target.tagName) || target.isContentEditable);
}

/** F: full screen on and off (the browser may refuse: then nothing happens, as with any refused request). */
function toggleFullScreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen().catch(() => undefined);
}

/**
 * Page-wide keys of presenter mode that no lesson handles: F for full screen, and → or Space on
 * Learn's list of lessons opens the first one (inside a lesson, LessonFrame takes Space, ← and →).
 */
function onPresenterKey(event: KeyboardEvent): void {
  if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
  if (event.key === 'f' || event.key === 'F') {
    event.preventDefault();
    toggleFullScreen();
    return;
  }
  const { area, lessonId, openLesson } = useAppStore.getState();
  const onButton = event.target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(event.target.tagName);
  if (area === 'learn' && lessonId === null && (event.key === 'ArrowRight' || (event.key === ' ' && !onButton))) {
    event.preventDefault();
    openLesson(LESSON_IDS[0]);
  }
}

/**
 * Presenter mode on the page, once for the app (rendered by App, draws nothing): `<html data-present>`
 * for the large type, high contrast and tucked-away controls of classroom.css, F for full screen, and
 * → or Space opening the first lesson from Learn's list (LessonFrame drives an open lesson).
 */
export function PresenterMode() {
  const presenting = useAppStore((state) => state.presenting);
  useEffect(() => {
    document.documentElement.toggleAttribute('data-present', presenting);
    if (!presenting) return undefined;
    document.addEventListener('keydown', onPresenterKey);
    return () => document.removeEventListener('keydown', onPresenterKey);
  }, [presenting]);
  return null;
}

/**
 * The presenter-mode switch (also `?present` in the link): large type and high contrast for a
 * projector, advanced controls tucked away, F for full screen, Space, ← and → driving the open lesson
 * from anywhere on the page. Works in either colour theme.
 */
export function PresenterToggle() {
  const presenting = useAppStore((state) => state.presenting);
  return (
    <button
      type="button"
      className="presenter-toggle"
      aria-pressed={presenting}
      title={presenting ? 'F: full screen. Space, ← and →: the lesson.' : 'Large type and high contrast for a projector'}
      onClick={() => {
        const next = !presenting;
        useAppStore.getState().setPresenting(next);
        // Off the button, so the next Space steps the lesson instead of pressing the switch again.
        if (next) document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
      }}
    >
      Presenter mode
    </button>
  );
}
