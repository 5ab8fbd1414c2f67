import type { StateCreator } from 'zustand';
import type { Volume } from '../../core/lessons/volume';
import type { AppState } from '../store';

/** The lessons of the Learn area, in teaching order; each id is its hash route (`#/learn/<id>/<step>`). */
export const LESSON_IDS = ['mask', 'flipping', 'convolution', 'stride', 'padding', 'pooling', 'conv-1d', 'network', 'real-network'] as const;
/** One lesson. */
export type LessonId = (typeof LESSON_IDS)[number];

/** How fast "Play" advances: the time each step stays on screen. */
export const LESSON_SPEEDS = ['slow', 'normal', 'fast'] as const;
/** One playback speed. */
export type LessonSpeed = (typeof LESSON_SPEEDS)[number];

/**
 * A picture the user brought to the Learn area (dropped or picked): RGB values 0…255,
 * `height × width × 3`, already scaled down so the long side is at most 128 pixels.
 */
export interface LearnImage {
  readonly name: string;
  readonly volume: Volume;
}

/** Which lesson is open, at which step, and the Learn area's own settings. */
export interface LearnData {
  /** Null shows the list of lessons. */
  readonly lessonId: LessonId | null;
  /**
   * 1-based step as the link carries it; a lesson shows min(step, its last step), so a link made
   * before its numbers were edited still opens.
   */
  readonly lessonStep: number;
  readonly lessonSpeed: LessonSpeed;
  readonly learnImage: LearnImage | null;
  /** Why the last lesson link was not followed as written (a bad step, an unknown lesson), until the next link. */
  readonly lessonLinkProblem: string | null;
}
/** Learn actions. */
export interface LearnActions {
  /** Open a lesson (or the list, for null) at `step` (default 1; anything below 1 becomes 1). */
  openLesson(lessonId: LessonId | null, step?: number): void;
  /** Move within the open lesson; whole numbers ≥ 1 only (others are rounded / raised to 1). */
  setLessonStep(step: number): void;
  setLessonSpeed(speed: LessonSpeed): void;
  setLearnImage(image: LearnImage | null): void;
  /** Say (or, with null, stop saying) why a lesson link was not followed as written. */
  setLessonLinkProblem(problem: string | null): void;
}

/** Initial Learn state. */
export const initialLearnData = (): LearnData => ({ lessonId: null, lessonStep: 1, lessonSpeed: 'normal', learnImage: null, lessonLinkProblem: null });

/** A step number a lesson can show: whole and ≥ 1. */
function cleanStep(step: number): number {
  return Number.isFinite(step) ? Math.max(1, Math.round(step)) : 1;
}

/** Learn slice. */
export const createLearnSlice: StateCreator<AppState, [], [], LearnData & LearnActions> = (set) => ({
  ...initialLearnData(),
  openLesson: (lessonId, step = 1) => set({ lessonId, lessonStep: cleanStep(step) }),
  // Moving on within the lesson is the answer to a link's problem: the message goes.
  setLessonStep: (step) => set((state) => (state.lessonStep === cleanStep(step) ? {} : { lessonStep: cleanStep(step), lessonLinkProblem: null })),
  setLessonSpeed: (lessonSpeed) => set({ lessonSpeed }),
  setLearnImage: (learnImage) => set({ learnImage }),
  setLessonLinkProblem: (lessonLinkProblem) => set({ lessonLinkProblem }),
});
