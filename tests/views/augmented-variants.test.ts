import { describe, expect, test } from 'vitest';
import { describeTransform } from '../../src/views/train/dataset/AugmentedVariants';

describe('augmented variant names', () => {
  test('say the mirror and the shift in words', () => {
    expect(describeTransform({ flip: false, dx: 0, dy: 0 })).toBe('as it is');
    expect(describeTransform({ flip: true, dx: 2, dy: -1 })).toBe('mirrored, 2 px right, 1 px up');
    expect(describeTransform({ flip: false, dx: -1, dy: 2 })).toBe('1 px left, 2 px down');
  });
});
