import { hashForArea, hashForLesson, parseAreaFromHash, parseLearnRoute } from './hash-route';
import { useAppStore, type LessonId } from './store';

/**
 * Keep the open area and `location.hash` in step, both ways: a link or the back button changes the
 * area; opening an area from code updates the hash. One of the store's three side-effect places.
 *
 * @returns a function that stops syncing.
 */
export function startHashSync(): () => void {
  const applyHash = (): void => {
    const area = parseAreaFromHash(window.location.hash);
    if (area && area !== useAppStore.getState().area) useAppStore.getState().openArea(area);
    if (!area) window.history.replaceState(null, '', hashForArea(useAppStore.getState().area));
    applyLearnRoute(window.location.hash);
  };
  applyHash();
  window.addEventListener('hashchange', applyHash);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.area !== previous.area && parseAreaFromHash(window.location.hash) !== state.area) {
      window.location.hash = hashForArea(state.area);
    }
    if (state.area === 'learn' && (state.lessonId !== previous.lessonId || state.lessonStep !== previous.lessonStep)) {
      writeLearnHash(state.lessonId, state.lessonStep, state.lessonId !== previous.lessonId);
    }
  });
  return () => {
    window.removeEventListener('hashchange', applyHash);
    unsubscribe();
  };
}

/** Open the lesson and step a `#/learn/...` hash names (nothing for other areas). */
function applyLearnRoute(hash: string): void {
  const route = parseLearnRoute(hash);
  const state = useAppStore.getState();
  if (!route) return;
  // Compare first: the store's own hash writes come back here, and must not re-open the lesson.
  // A link that was not followed as written says so; the hash the store writes back for it (step 1)
  // arrives here equal to the state, and leaves the message up.
  if (route.lessonId !== state.lessonId || route.step !== state.lessonStep) {
    state.openLesson(route.lessonId, route.step);
    state.setLessonLinkProblem(route.problem ?? null);
  } else if (route.problem) state.setLessonLinkProblem(route.problem);
}

/**
 * Put the open lesson and step into the hash. A new lesson is a history entry (Back returns to the
 * previous lesson); a new step replaces the entry, so playing a lesson does not flood the history.
 */
function writeLearnHash(lessonId: LessonId | null, step: number, isNewLesson: boolean): void {
  const wanted = lessonId ? hashForLesson(lessonId, step) : hashForArea('learn');
  const current = parseLearnRoute(window.location.hash);
  if (current && current.lessonId === lessonId && current.step === step) return;
  if (isNewLesson) window.location.hash = wanted;
  else window.history.replaceState(null, '', wanted);
}
