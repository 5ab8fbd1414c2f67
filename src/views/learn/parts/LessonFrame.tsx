import { useEffect, useId, useRef, type ReactNode } from 'react';
import { DEFAULT_LESSON_SETTINGS } from '../../../core/lab/lesson-settings';
import { useAppStore } from '../../../state/store';
import { hashForLesson } from '../../../state/hash-route';
import { LESSON_IDS, type LessonId } from '../../../state/store';
import type { LessonPlayer } from '../use-lesson-player';
import { StepControls } from './StepControls';
import { ClassroomTools } from '../../common/ClassroomTools';
import { LESSON_STAGE_ID } from '../../common/SkipLink';

/** Elements that use Space and the arrow keys themselves; the lesson leaves those keys to them. */
const OWNS_ALL_KEYS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Elements where Space means "press me"; the lesson still takes the arrows. */
const OWNS_SPACE = new Set(['BUTTON', 'A', 'SUMMARY']);

/**
 * Space, ← and → anywhere in the lesson: play/pause, step back, step forward — except where the
 * focused element needs the key itself (typing a number, moving the scrubber, pressing a button).
 */
function handleLessonKeys(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'target' | 'key' | 'preventDefault'>, player: LessonPlayer, onPastEnd?: () => void): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target instanceof HTMLElement ? event.target : null;
  const tag = target?.tagName ?? '';
  if (OWNS_ALL_KEYS.has(tag) || target?.isContentEditable) return;
  if (event.key === 'ArrowRight' && onPastEnd && player.step >= player.totalSteps) onPastEnd();
  else if (event.key === 'ArrowRight') player.next();
  else if (event.key === 'ArrowLeft') player.previous();
  else if (event.key === ' ' && !OWNS_SPACE.has(tag)) player.togglePlay();
  else return;
  event.preventDefault();
}

/** Open the lesson after `lessonId` (undefined after the last one). */
function nextLessonOf(lessonId: LessonId): (() => void) | undefined {
  const next = LESSON_IDS[LESSON_IDS.indexOf(lessonId) + 1];
  return next ? () => useAppStore.getState().openLesson(next) : undefined;
}

/** The parts every lesson has. */
export interface LessonFrameProps {
  readonly lessonId: LessonId;
  readonly number: number;
  readonly title: string;
  /** Two or three short sentences for the student. */
  readonly intro: ReactNode;
  readonly player: LessonPlayer;
  /**
   * One sentence: what this step shows (read out to screen readers as the step changes, and the
   * scrubber's value text).
   */
  readonly caption: string;
  /** Settings: editable numbers, presets. */
  readonly settings?: ReactNode;
  /** The picture of the current step. */
  readonly children: ReactNode;
  /** Beside the picture, under the caption: the written-out arithmetic of the step. */
  readonly aside?: ReactNode;
  /** Anything below the step-through (a real image, a table). */
  readonly after?: ReactNode;
}

/**
 * A lesson: heading, short text, settings, the step-through stage with its controls and caption, and a
 * link to the current step. Keys work whenever focus is inside the lesson.
 */
export function LessonFrame(props: LessonFrameProps) {
  const headingId = useId();
  const { player, lessonId } = props;
  const articleRef = useRef<HTMLElement>(null);
  const presenting = useAppStore((state) => state.presenting);
  const edited = useAppStore((state) => state.lessonSettings[lessonId] !== DEFAULT_LESSON_SETTINGS[lessonId]);
  // In presenter mode the keys drive the lesson from anywhere on the page, not only from inside it,
  // and → past the last step opens the next lesson, so a talk runs on one key.
  useEffect(() => {
    if (!presenting) return undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (event.target instanceof Node && articleRef.current?.contains(event.target)) return;
      handleLessonKeys(event, player, nextLessonOf(lessonId));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [presenting, player, lessonId]);
  return (
    <article ref={articleRef} className="lesson" aria-labelledby={headingId} onKeyDown={(event) => handleLessonKeys(event.nativeEvent, player, presenting ? nextLessonOf(lessonId) : undefined)}>
      <ClassroomTools />
      <h3 id={headingId}>
        <span className="lesson-number">{props.number}.</span> {props.title}
      </h3>
      <div className="lesson-intro">{props.intro}</div>
      {props.settings && (
        <div className="lesson-settings" role="group" aria-label="Settings">
          {props.settings}
        </div>
      )}
      <StepControls player={player} stepText={props.caption} />
      <div className="lesson-body">
        <div id={LESSON_STAGE_ID} className="lesson-stage" tabIndex={0} role="group" aria-label={`${props.title}, step ${player.step} of ${player.totalSteps}. Space plays or pauses, arrow keys step.`}>
          {props.children}
        </div>
        <div className="lesson-aside">
          {/* Read out when a person steps; silent while playing, when a step every second would drown everything else. */}
          <p className="lesson-caption" aria-live={player.playing ? 'off' : 'polite'}>
            {props.caption}
          </p>
          {props.aside}
        </div>
      </div>
      <p className="lesson-link">
        <a href={hashForLesson(lessonId, player.step)}>Link to this step</a>{' '}
        {edited && (
          <button type="button" className="lesson-reset" onClick={() => useAppStore.getState().resetLessonSettings(lessonId)}>
            Back to the lesson's own example
          </button>
        )}
      </p>
      {props.after}
    </article>
  );
}
