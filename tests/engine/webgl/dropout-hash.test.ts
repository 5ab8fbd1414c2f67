import { describe, expect, test } from 'vitest';
import { dropoutBits, dropoutKey, dropoutScale, dropoutThreshold, lowbias32, referenceDropoutMask } from '../../../src/engine/webgl/dropout-hash';

/**
 * The CPU reference of the GPU dropout hash. The known answers were computed with the C original
 * (uint32_t arithmetic, gcc); the GPU kernel is compared with this reference bit for bit in
 * tests/gpu/dropout.test.ts, and its statistics are checked there too.
 */
describe('dropout hash reference', () => {
  test('lowbias32 and the keyed hash match the C original', () => {
    expect(lowbias32(0)).toBe(0);
    expect(lowbias32(1)).toBe(1753845952);
    expect(lowbias32(0xffffffff)).toBe(1734902346);
    expect(lowbias32(123456789)).toBe(2834422664);
    const key = dropoutKey(7);
    expect(key).toBe(2803216774);
    expect(dropoutBits(5, key)).toBe(3908177696);
  });

  test('threshold and scale: rate 0 keeps all, the scale is 1 / (1 − rate) in float32, rates outside [0, 1) are refused', () => {
    expect(dropoutThreshold(0)).toBe(0);
    expect(dropoutThreshold(0.5)).toBe(2 ** 31);
    expect(dropoutThreshold(0.2)).toBe(Math.round(0.2 * 2 ** 32));
    expect(dropoutThreshold(1 - 1e-12)).toBe(2 ** 32 - 1);
    expect(dropoutScale(0.2)).toBe(1.25);
    expect(dropoutScale(0.3)).toBe(Math.fround(1 / 0.7));
    expect(() => dropoutThreshold(1)).toThrow('dropout rate must be in [0, 1), got 1');
    expect(() => dropoutScale(Number.NaN)).toThrow('dropout rate must be in [0, 1), got NaN');
  });

  test('a mask keeps 1 − rate of its elements within 5σ, for several rates and seeds', () => {
    const size = 200_000;
    for (const rate of [0.1, 0.2, 0.5, 0.9]) {
      for (const seed of [0, 1, 0xffffffff]) {
        const mask = referenceDropoutMask(size, rate, seed);
        const kept = mask.filter((value) => value !== 0).length;
        const sigma = Math.sqrt(size * rate * (1 - rate));
        expect(Math.abs(kept - size * (1 - rate)), `rate ${rate}, seed ${seed}`).toBeLessThan(5 * sigma);
        expect(mask.every((value) => value === 0 || value === dropoutScale(rate))).toBe(true);
      }
    }
  });

  test('consecutive seeds give different, uncorrelated masks; the same seed gives the same mask', () => {
    const size = 100_000;
    const a = referenceDropoutMask(size, 0.5, 41);
    const b = referenceDropoutMask(size, 0.5, 42);
    expect(referenceDropoutMask(size, 0.5, 41)).toEqual(a);
    let agree = 0;
    for (let index = 0; index < size; index += 1) if ((a[index] === 0) === (b[index] === 0)) agree += 1;
    // Independent masks at rate ½ agree on half the elements: σ = √(n/4).
    expect(Math.abs(agree - size / 2)).toBeLessThan(5 * Math.sqrt(size / 4));
  });
});
