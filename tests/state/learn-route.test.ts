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
    ['#/learn/pooling/0', { lessonId: 'pooling', step: 1 }],
    ['#/learn/nowhere/4', { lessonId: null, step: 1 }],
    ['#/train', null],
  ])('%s', (hash, route) => {
    expect(parseLearnRoute(hash)).toEqual(route);
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
});
