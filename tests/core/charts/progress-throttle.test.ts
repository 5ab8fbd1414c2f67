import { describe, expect, test } from 'vitest';
import { createProgressThrottle } from '../../../src/core/charts/progress-throttle';

describe('progress throttle', () => {
  test('releases at most once per interval, each point exactly once', () => {
    const throttle = createProgressThrottle<number>(100);
    const released: number[][] = [];
    // 1 000 points, one every 7 ms (≈ 143 per second) for 7 seconds.
    for (let point = 0; point < 1000; point++) {
      throttle.push(point);
      const batch = throttle.take(point * 7);
      if (batch) released.push(batch);
    }
    const last = throttle.take(7000, true);
    if (last && last.length > 0) released.push(last);
    expect(released.flat()).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    // 7 s at ≤ 10 per second, plus the forced final release.
    expect(released.length).toBeLessThanOrEqual(71 + 1);
    expect(released.length).toBeGreaterThan(60);
  });

  test('a forced take releases at once and restarts the interval', () => {
    const throttle = createProgressThrottle<string>(100);
    throttle.push('a');
    expect(throttle.take(0)).toEqual(['a']);
    throttle.push('b');
    expect(throttle.take(50)).toBeNull();
    expect(throttle.pendingCount).toBe(1);
    expect(throttle.take(60, true)).toEqual(['b']);
    throttle.push('c');
    expect(throttle.take(150)).toBeNull();
    expect(throttle.take(160)).toEqual(['c']);
  });
});
