import { describe, expect, test } from 'vitest';
import { assertLessonGridFits, LESSON_RULES, lessonGridFits, MAX_LESSON_GRID_SIDE } from '../../../src/core/lessons/lesson-bounds';
import { assertNumberRule, readNamedNumber, readTypedNumber } from '../../../src/core/lessons/typed-number';

describe('the one reader of lesson numbers (issue 16, cases 6 and 7)', () => {
  test('plain decimals, typographic minus signs and decimal commas are read', () => {
    expect(readTypedNumber('3')).toEqual({ value: 3 });
    expect(readTypedNumber(' −1,5 ')).toEqual({ value: -1.5 });
    expect(readTypedNumber('–2')).toEqual({ value: -2 });
    expect(readTypedNumber('.5')).toEqual({ value: 0.5 });
    expect(readTypedNumber('-0')).toEqual({ value: 0 });
  });

  test('what JavaScript’s Number reads but a student does not mean is refused, each with why', () => {
    expect(readTypedNumber('0x10')).toEqual({ error: '“0x10” is not a decimal number: type one like 3 or −1.5' });
    expect(readTypedNumber('0b11')).toEqual({ error: '“0b11” is not a decimal number: type one like 3 or −1.5' });
    expect(readTypedNumber('0o7')).toEqual({ error: '“0o7” is not a decimal number: type one like 3 or −1.5' });
    expect(readTypedNumber('1e1')).toEqual({ error: '“1e1” is scientific notation: type the number itself, 10' });
    expect(readTypedNumber('2.5e-3')).toEqual({ error: '“2.5e-3” is scientific notation: type the number itself, 0.0025' });
    expect(readTypedNumber('+4')).toEqual({ error: '“+4”: leave out the plus sign and type 4' });
    expect(readTypedNumber('Infinity')).toEqual({ error: '“Infinity” is not a number: type one like 3 or −1.5' });
    expect(readTypedNumber('NaN')).toHaveProperty('error');
    expect(readTypedNumber('')).toEqual({ error: 'empty: type a number' });
    expect(readTypedNumber('1 2')).toHaveProperty('error');
  });

  test('too large is called too large, not "not a number", and names the bound', () => {
    expect(readTypedNumber('1e308')).toEqual({ error: '1e308 is too large: keep numbers between −999 and 999' });
    expect(readTypedNumber('1e999')).toEqual({ error: '1e999 is too large: keep numbers between −999 and 999' });
    expect(readTypedNumber('-1e308')).toEqual({ error: '-1e308 is too small: keep numbers between −999 and 999' });
    expect(readTypedNumber('1000')).toEqual({ error: '1000 is too large: keep numbers between −999 and 999' });
    expect(readTypedNumber('99999999999999999999999')).toHaveProperty('error', '99999999999999999999999 is too large: keep numbers between −999 and 999');
  });

  test('whole-number fields take digits only and name their range', () => {
    expect(readTypedNumber('3', LESSON_RULES.stride)).toEqual({ value: 3 });
    expect(readTypedNumber('3.0', LESSON_RULES.stride)).toEqual({ error: 'must be a whole number, got 3.0' });
    expect(readTypedNumber('0', LESSON_RULES.stride)).toEqual({ error: '0 is too small: type a whole number from 1 to 6' });
    expect(() => readNamedNumber('Top', '999', LESSON_RULES.padding)).toThrow('Top: 999 is too large: type a whole number from 0 to 4');
    expect(() => readNamedNumber('Stride', '1.5', LESSON_RULES.stride)).toThrow('Stride must be a whole number, got 1.5');
  });

  test('a divisor cannot be 0; a softmax score stays within ±50', () => {
    expect(() => readNamedNumber('Divisor', '0', LESSON_RULES.divisor)).toThrow('Divisor cannot be 0: nothing can be divided by 0');
    expect(readTypedNumber('51', LESSON_RULES.score)).toEqual({ error: '51 is too large: keep numbers between −50 and 50' });
  });
});

describe('lesson grids stay drawable (issue 16, case 1)', () => {
  test('a grid beyond the limit is refused with the limit in the message', () => {
    expect(lessonGridFits(MAX_LESSON_GRID_SIDE, MAX_LESSON_GRID_SIDE)).toBe(true);
    expect(lessonGridFits(2002, 2002)).toBe(false);
    expect(() => assertLessonGridFits('The padded input', 2002, 4)).toThrow('The padded input would be 2\u202f002 × 4 cells; a lesson shows at most 16 × 16');
    expect(() => assertLessonGridFits('The padded input', 12, 12)).not.toThrow();
  });

  test('the largest borders the padding rule allows fit the largest lesson input', () => {
    const largestInput = 6;
    expect(lessonGridFits(largestInput + 2 * LESSON_RULES.padding.max, largestInput + 2 * LESSON_RULES.padding.max)).toBe(true);
  });
});

describe('numbers that arrive as numbers (a lab link) meet the same rules', () => {
  test('assertNumberRule names the field and the range', () => {
    expect(() => assertNumberRule('stride', 999, LESSON_RULES.stride)).toThrow('stride must be a whole number from 1 to 6, got 999');
    expect(() => assertNumberRule('stride', 2.5, LESSON_RULES.stride)).toThrow('stride must be a whole number from 1 to 6, got 2.5');
    expect(() => assertNumberRule('divisor', 0, LESSON_RULES.divisor)).toThrow('divisor must be a number between −999 and 999 and not 0, got 0');
    expect(() => assertNumberRule('score', 1e-7, LESSON_RULES.score)).not.toThrow();
  });
});
