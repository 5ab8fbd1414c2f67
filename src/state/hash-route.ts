import { AREAS, type Area } from './store';
import { LESSON_IDS, type LessonId } from './slices/learn-slice';

/**
 * Parse a location hash like `#/train` into an area; anything else is null.
 * Pure, so it is tested without a browser.
 */
export function parseAreaFromHash(hash: string): Area | null {
  const match = /^#\/?([a-z]+)/.exec(hash);
  const name = match?.[1];
  return AREAS.find((area) => area === name) ?? null;
}

/** The hash that opens `area`. */
export function hashForArea(area: Area): string {
  return `#/${area}`;
}

/** Where a `#/learn/...` hash points: a lesson (or null for the list) and a 1-based step. */
export interface LearnRoute {
  readonly lessonId: LessonId | null;
  readonly step: number;
  /** Why the link was not followed as written (an unknown lesson, a step that is no step), if it was not. */
  readonly problem?: string;
}

/** Longest piece of a link quoted back in a message (a crafted hash can be any length). */
const QUOTED_LENGTH = 24;

/**
 * Parse the Learn part of a hash: `#/learn` → the list; `#/learn/convolution` → that lesson, step 1;
 * `#/learn/convolution/12` → step 12. An unknown lesson opens the list and a step that is not a whole
 * number ≥ 1 (`-5`, `abc`, `2.5`, `0`) opens the lesson at step 1 — each with a `problem` that says so,
 * for the page to show, rather than silently. Returns null when the hash is not in the Learn area.
 */
export function parseLearnRoute(hash: string): LearnRoute | null {
  if (parseAreaFromHash(hash) !== 'learn') return null;
  const match = /^#\/?learn(?:\/([^/]*)(?:\/([^/]*))?(\/.+)?)?\/?$/.exec(hash);
  if (!match) return { lessonId: null, step: 1, problem: `The link “${quote(hash)}” names no lesson: choose one from the list.` };
  const [, lessonPart = '', stepPart = '', rest = ''] = match;
  if (lessonPart === '') return { lessonId: null, step: 1 };
  const lessonId = LESSON_IDS.find((id) => id === lessonPart) ?? null;
  if (!lessonId) return { lessonId: null, step: 1, problem: `The link names no lesson “${quote(lessonPart)}”: choose one from the list.` };
  if (rest !== '') return { lessonId, step: 1, problem: `The link has more after the step than a lesson link holds (“${quote(rest)}”): the lesson opens at step 1.` };
  if (stepPart === '') return { lessonId, step: 1 };
  const step = /^\d+$/.test(stepPart) ? Number.parseInt(stepPart, 10) : Number.NaN;
  if (!Number.isSafeInteger(step) || step < 1) {
    return { lessonId, step: 1, problem: `The link asks for step “${quote(stepPart)}”, which is not a step: steps are whole numbers from 1, so the lesson opens at step 1.` };
  }
  return { lessonId, step };
}

/** A piece of the address as the user typed it, decoded where possible and cut short. */
function quote(text: string): string {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // Not valid percent-encoding: quote it as it is.
  }
  return decoded.length > QUOTED_LENGTH ? `${decoded.slice(0, QUOTED_LENGTH)}…` : decoded;
}

/** The hash that opens `lessonId` at `step` (1-based); without a step, the lesson's first step. */
export function hashForLesson(lessonId: LessonId, step?: number): string {
  return step === undefined ? `#/learn/${lessonId}` : `#/learn/${lessonId}/${step}`;
}
