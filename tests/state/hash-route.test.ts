import { describe, expect, test } from 'vitest';
import { hashForArea, parseAreaFromHash } from '../../src/state/hash-route';

describe('hash routes', () => {
  test.each([
    ['#/learn', 'learn'],
    ['#/train', 'train'],
    ['#classify', 'classify'],
    ['#/train/step/3', 'train'],
    ['', null],
    ['#/nowhere', null],
  ])('%s opens %s', (hash, area) => {
    expect(parseAreaFromHash(hash)).toBe(area);
  });

  test('round-trips every area', () => {
    for (const area of ['learn', 'train', 'classify'] as const) expect(parseAreaFromHash(hashForArea(area))).toBe(area);
  });
});
