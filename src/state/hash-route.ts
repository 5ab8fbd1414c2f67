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
}

/**
 * Parse the Learn part of a hash: `#/learn` → the list; `#/learn/convolution` → that lesson, step 1;
 * `#/learn/convolution/12` → step 12. An unknown lesson opens the list; a missing or unreadable step
 * is 1. Returns null when the hash is not in the Learn area.
 */
export function parseLearnRoute(hash: string): LearnRoute | null {
  if (parseAreaFromHash(hash) !== 'learn') return null;
  const [, lessonPart, stepPart] = /^#\/?learn(?:\/([a-z0-9-]+))?(?:\/(\d+))?\/?$/.exec(hash) ?? [];
  const lessonId = LESSON_IDS.find((id) => id === lessonPart) ?? null;
  const step = lessonId && stepPart ? Math.max(1, Number.parseInt(stepPart, 10)) : 1;
  return { lessonId, step };
}

/** The hash that opens `lessonId` at `step` (1-based); without a step, the lesson's first step. */
export function hashForLesson(lessonId: LessonId, step?: number): string {
  return step === undefined ? `#/learn/${lessonId}` : `#/learn/${lessonId}/${step}`;
}
