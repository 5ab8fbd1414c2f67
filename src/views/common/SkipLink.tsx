import type { MouseEvent } from 'react';
import { useAppStore } from '../../state/store';
import { selectArea, selectLessonId } from '../../state/selectors';
import { hashForArea, hashForLesson } from '../../state/hash-route';

/** The element a lesson's stage carries, so the skip link can reach it. */
export const LESSON_STAGE_ID = 'lesson-stage';
/** The page's main content. */
export const MAIN_ID = 'main';

/**
 * The first thing Tab reaches: "Skip to the lesson" (its stage: the grids and their keys) when a lesson
 * is open, else "Skip to the content". It moves focus itself rather than following a `#id` link, which
 * would replace the hash route; its href is the current route, so copying it still gives this page.
 */
export function SkipLink() {
  const area = useAppStore(selectArea);
  const lessonId = useAppStore(selectLessonId);
  const toLesson = area === 'learn' && lessonId !== null;
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    const target = document.getElementById(toLesson ? LESSON_STAGE_ID : MAIN_ID);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'start' });
  };
  return (
    <a className="skip-link" href={toLesson ? hashForLesson(lessonId) : hashForArea(area)} onClick={onClick}>
      {toLesson ? 'Skip to the lesson' : 'Skip to the content'}
    </a>
  );
}
