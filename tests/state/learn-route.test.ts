import { beforeEach, describe, expect, test } from 'vitest';
import { hashForLesson, parseLearnRoute } from '../../src/state/hash-route';
import { getInitialState, LESSON_IDS, useAppStore } from '../../src/state/store';
import { selectLessonId, selectLessonStep } from '../../src/state/selectors';

describe('Learn routes', () => {
  test.each([
    ['#/learn', { lessonId: null, step: 1 }],
    ['#/learn/convolution', { lessonId: 'convolution', step: 1 }],
    ['#/learn/convolution/12', { lessonId: 'convolution', step: 12 }],
    ['#/learn/conv-1d/3/', { lessonId: 'conv-1d', step: 3 }],
    ['#/learn/', { lessonId: null, step: 1 }],
    ['#/train', null],
  ])('%s', (hash, route) => {
    expect(parseLearnRoute(hash)).toEqual(route);
  });

  // Issue 16, case 7: a bad step used to open the lesson list without a word.
  test.each([
    ['#/learn/padding/-5', 'padding', 'The link asks for step “-5”, which is not a step: steps are whole numbers from 1, so the lesson opens at step 1.'],
    ['#/learn/padding/abc', 'padding', 'The link asks for step “abc”, which is not a step'],
    ['#/learn/padding/2.5', 'padding', 'The link asks for step “2.5”, which is not a step'],
    ['#/learn/pooling/0', 'pooling', 'The link asks for step “0”, which is not a step'],
    ['#/learn/pooling/99999999999999999999', 'pooling', 'which is not a step'],
    ['#/learn/stride/3/extra', 'stride', 'The link has more after the step than a lesson link holds (“/extra”)'],
    ['#/learn/nowhere/4', null, 'The link names no lesson “nowhere”: choose one from the list.'],
    ['#/learn?x', null, 'The link “#/learn?x” names no lesson'],
  ])('%s opens step 1 and says why', (hash, lessonId, problem) => {
    const route = parseLearnRoute(hash);
    expect(route).toMatchObject({ lessonId, step: 1 });
    expect(route?.problem).toContain(problem);
  });

  test('every lesson round-trips through its hash', () => {
    for (const lessonId of LESSON_IDS) {
      expect(parseLearnRoute(hashForLesson(lessonId, 7))).toEqual({ lessonId, step: 7 });
      expect(parseLearnRoute(hashForLesson(lessonId))).toEqual({ lessonId, step: 1 });
    }
  });
});

describe('learn slice', () => {
  beforeEach(() => useAppStore.setState(getInitialState()));

  test('opens a lesson at a step, keeps steps whole and ≥ 1', () => {
    const { openLesson, setLessonStep } = useAppStore.getState();
    openLesson('stride', 4);
    expect(selectLessonId(useAppStore.getState())).toBe('stride');
    expect(selectLessonStep(useAppStore.getState())).toBe(4);
    setLessonStep(0);
    expect(selectLessonStep(useAppStore.getState())).toBe(1);
    setLessonStep(2.6);
    expect(selectLessonStep(useAppStore.getState())).toBe(3);
    setLessonStep(Number.NaN);
    expect(selectLessonStep(useAppStore.getState())).toBe(1);
    openLesson(null);
    expect(useAppStore.getState()).toMatchObject({ lessonId: null, lessonStep: 1 });
  });

  test('a link’s problem stays until the student moves on', () => {
    const { openLesson, setLessonLinkProblem, setLessonStep } = useAppStore.getState();
    openLesson('padding', 1);
    setLessonLinkProblem('The link asks for step “-5”, which is not a step');
    setLessonStep(1);
    expect(useAppStore.getState().lessonLinkProblem).toContain('“-5”');
    setLessonStep(2);
    expect(useAppStore.getState().lessonLinkProblem).toBeNull();
  });
});
