import { describe, expect, test } from 'vitest';
import { DEFAULT_LAB, parseLab, writeLab } from '../../../src/core/lab/lab';
import { DEFAULT_LESSON_SETTINGS, LESSON_SETTINGS_IDS, readLessonSettings, readLessons } from '../../../src/core/lab/lesson-settings';
import { LESSON_IDS } from '../../../src/state/slices/learn-slice';

describe("the lessons' settings", () => {
  test('one entry per lesson, by the ids the Learn routes use, and every example reads back as it is', () => {
    expect(LESSON_SETTINGS_IDS).toEqual(LESSON_IDS);
    for (const id of LESSON_SETTINGS_IDS) expect(readLessonSettings(id, DEFAULT_LESSON_SETTINGS[id], `lessons.${id}`)).toEqual({ value: DEFAULT_LESSON_SETTINGS[id], problems: [] });
  });

  test("a student's edits travel through a lab and back", () => {
    const lessons = {
      ...DEFAULT_LESSON_SETTINGS,
      convolution: { ...DEFAULT_LESSON_SETTINGS.convolution, mask: [[1, 2, 1], [2, 4, 2], [1, 2, 1]], divisor: 16 },
      padding: { ...DEFAULT_LESSON_SETTINGS.padding, mode: 'explicit' as const, sides: { top: 0, bottom: 2, left: 1, right: 0 }, stride: 2 },
      pooling: { ...DEFAULT_LESSON_SETTINGS.pooling, mode: 'avg' as const, poolSize: 3 as const, stride: 1, padding: 'same' as const },
      mask: { size: 2 as const, weights: [[1, 0], [0, -1.5]], values: [4, 8], hidden: [true, false] },
    };
    const lab = { ...DEFAULT_LAB, lessons };
    expect(parseLab(JSON.parse(JSON.stringify(writeLab(lab))))).toEqual({ ok: true, lab, notes: [] });
  });

  test("what a lesson's own math refuses is refused here, by the same functions and words", () => {
    const cases: [string, unknown, string][] = [
      ['stride', { ...DEFAULT_LESSON_SETTINGS.stride, mask: [[1, 1, 1, 1, 1, 1]] }, 'lessons.stride: mask 1×6 is larger than the input 5×5'],
      ['stride', { ...DEFAULT_LESSON_SETTINGS.stride, stride: 0 }, 'lessons.stride: stride must be a whole number from 1 to 6, got 0'],
      // The lessons' own bounds (issue 16): a link cannot open a 999-cell border either.
      ['padding', { ...DEFAULT_LESSON_SETTINGS.padding, mode: 'explicit', sides: { top: 999, bottom: 0, left: 0, right: 0 } }, 'lessons.padding: sides.top must be a whole number from 0 to 4, got 999'],
      ['network', { scores: [51, 1] }, 'lessons.network: scores[0] must be a number between −50 and 50, got 51'],
      ['convolution', { ...DEFAULT_LESSON_SETTINGS.convolution, divisor: 0 }, 'lessons.convolution: divisor must be a number other than 0, got 0'],
      ['convolution', { ...DEFAULT_LESSON_SETTINGS.convolution, input: [[1, 2], [3]] }, 'lessons.convolution: every row must have 2 values; row 2 has 1'],
      ['padding', { ...DEFAULT_LESSON_SETTINGS.padding, maskSize: 5 }, 'lessons.padding: mask is 3×3, but the size is 5×5'],
      ['pooling', { ...DEFAULT_LESSON_SETTINGS.pooling, poolSize: 4 }, 'lessons.pooling.poolSize must be 2 or 3, got 4'],
      ['mask', { ...DEFAULT_LESSON_SETTINGS.mask, hidden: [true] }, 'lessons.mask: hidden has 1 flags for 5 values'],
      ['conv-1d', { ...DEFAULT_LESSON_SETTINGS['conv-1d'], series: [1, 2], padding: 'valid' }, 'lessons.conv-1d: mask 1×3 is larger than the input 1×2'],
      ['network', { scores: [1, 1e6] }, 'lessons.network.scores[1] must be a number from −999 to 999, got 1000000'],
      ['real-network', { filter: 0, row: 1, column: 1 }, 'lessons.real-network: filter must be ≥ 1, got 0'],
    ];
    for (const [id, settings, message] of cases) {
      const read = parseLab({ ...writeLab(DEFAULT_LAB), lessons: { [id]: settings } }, { strict: true });
      expect(read.ok ? [] : read.problems.map((problem) => problem.message), id).toEqual([message]);
    }
  });

  test("a lesson that cannot be read keeps its own example and says so; the other lessons keep their edits", () => {
    const stride = { ...DEFAULT_LESSON_SETTINGS.stride, stride: 2 };
    const read = readLessons({ stride, flipping: { input: [['x']], mask: [[1]] }, pictures: {} }, 'lessons');
    expect(read.value).toEqual({ ...DEFAULT_LESSON_SETTINGS, stride });
    expect(read.problems.map(({ path, message, instead }) => ({ path, message, instead }))).toEqual([
      { path: 'lessons.flipping.input[0][0]', message: "lessons.flipping.input[0][0] must be a number from −999 to 999, got 'x'", instead: "the lesson's own example is used instead" },
      { path: 'lessons.pictures', message: 'lessons.pictures is not a lesson; the lessons are mask, flipping, convolution, stride, padding, pooling, conv-1d, network, real-network', instead: 'it is left out' },
    ]);
  });

  test('grids stay small: at most 16 × 16', () => {
    const big = Array.from({ length: 17 }, () => [1]);
    const read = readLessonSettings('convolution', { ...DEFAULT_LESSON_SETTINGS.convolution, input: big }, 'lessons.convolution');
    expect(read.problems.map((problem) => problem.message)).toEqual([`lessons.convolution.input must be a list of 1 to 16 rows, got ${JSON.stringify(big).slice(0, 60)}…`]);
  });
});
