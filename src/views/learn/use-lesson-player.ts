import { useCallback, useEffect, useState } from 'react';
import { selectLessonSpeed, selectLessonStep } from '../../state/selectors';
import { useAppStore, type LessonSpeed } from '../../state/store';

/** How long each step stays on screen while playing. */
export const SPEED_INTERVAL_MS: Readonly<Record<LessonSpeed, number>> = { slow: 1600, normal: 800, fast: 300 };

/** What a lesson's controls need. */
export interface LessonPlayer {
  /** 1-based, always within 1…totalSteps. */
  readonly step: number;
  readonly totalSteps: number;
  readonly playing: boolean;
  readonly speed: LessonSpeed;
  togglePlay(): void;
  pause(): void;
  next(): void;
  previous(): void;
  goTo(step: number): void;
  setSpeed(speed: LessonSpeed): void;
}

/**
 * Step-through state of the open lesson. The step lives in the store (so the hash link follows it);
 * playing is local. A stored step beyond the lesson's end — a link made before numbers were edited —
 * shows the last step and is corrected in the store.
 */
export function useLessonPlayer(totalSteps: number): LessonPlayer {
  const storedStep = useAppStore(selectLessonStep);
  const speed = useAppStore(selectLessonSpeed);
  const [playing, setPlaying] = useState(false);
  const last = Math.max(1, totalSteps);
  const step = Math.min(storedStep, last);

  useEffect(() => {
    if (storedStep > last) useAppStore.getState().setLessonStep(last);
  }, [storedStep, last]);

  useEffect(() => {
    if (!playing) return undefined;
    const timer = window.setInterval(() => {
      const current = useAppStore.getState().lessonStep;
      if (current >= last) setPlaying(false);
      else useAppStore.getState().setLessonStep(current + 1);
    }, SPEED_INTERVAL_MS[speed]);
    return () => window.clearInterval(timer);
  }, [playing, speed, last]);

  const goTo = useCallback((target: number) => useAppStore.getState().setLessonStep(Math.min(Math.max(1, target), last)), [last]);
  const togglePlay = useCallback(() => {
    if (playing) {
      setPlaying(false);
      return;
    }
    // Play from the end starts again from the beginning.
    if (useAppStore.getState().lessonStep >= last) useAppStore.getState().setLessonStep(1);
    setPlaying(last > 1);
  }, [playing, last]);

  return {
    step,
    totalSteps: last,
    playing,
    speed,
    togglePlay,
    pause: useCallback(() => setPlaying(false), []),
    next: useCallback(() => goTo(useAppStore.getState().lessonStep + 1), [goTo]),
    previous: useCallback(() => goTo(Math.min(useAppStore.getState().lessonStep, last) - 1), [goTo, last]),
    goTo,
    setSpeed: useCallback((value: LessonSpeed) => useAppStore.getState().setLessonSpeed(value), []),
  };
}
