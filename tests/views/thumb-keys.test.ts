import { describe, expect, test } from 'vitest';
import { clampThumb, thumbMove } from '../../src/views/train/own-classes/thumb-keys';

describe('thumbnail keys', () => {
  test('arrows step along and stop at the ends; Home and End jump; other keys are not movements', () => {
    expect(thumbMove(0, 5, 'ArrowRight')).toBe(1);
    expect(thumbMove(4, 5, 'ArrowDown')).toBe(4);
    expect(thumbMove(0, 5, 'ArrowLeft')).toBe(0);
    expect(thumbMove(3, 5, 'ArrowUp')).toBe(2);
    expect(thumbMove(3, 5, 'Home')).toBe(0);
    expect(thumbMove(1, 5, 'End')).toBe(4);
    expect(thumbMove(1, 5, 'Enter')).toBeNull();
    expect(thumbMove(0, 0, 'ArrowRight')).toBeNull();
  });

  test('after a removal the Tab stop stays in place, or on the new last one', () => {
    expect(clampThumb(2, 4)).toBe(2);
    expect(clampThumb(4, 4)).toBe(3);
    expect(clampThumb(0, 0)).toBe(0);
  });
});
