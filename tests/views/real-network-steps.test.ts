import { describe, expect, test } from 'vitest';
import type { FilterBank } from '../../src/core/lessons/conv2d';
import { convStepAt } from '../../src/core/lessons/conv-steps';
import { volumeFromData } from '../../src/core/lessons/volume';
import { formatDifference, readPosition, replayPhase, replayStepCount, runningSums } from '../../src/views/learn/real-network-steps';

const input = volumeFromData(4, 4, 3, Array.from({ length: 48 }, (_, index) => ((index * 37) % 11) / 10));
const bank: FilterBank = { height: 3, width: 3, inChannels: 3, outChannels: 2, data: Float64Array.from({ length: 54 }, (_, index) => ((index * 13) % 7) / 5 - 0.6) };

describe('lesson 9 step arithmetic', () => {
  test('27 products, then the bias, then ReLU: the running sum ends at the record’s own sum, padding adds nothing', () => {
    const record = convStepAt(input, bank, { padding: 'same', bias: [0.25, -0.5], activation: 'relu' }, 0, 1, 1);
    expect(replayStepCount(record)).toBe(29);
    const sums = runningSums(record);
    expect(sums).toHaveLength(27);
    expect(sums.at(-1)).toBe(record.sum);
    // The top row of the window is padding: the first 9 products change nothing.
    expect(sums.slice(0, 9)).toEqual(new Array(9).fill(0));
    expect(replayPhase(record, 1)).toEqual({ kind: 'product', termIndex: 0, runningSum: 0 });
    expect(replayPhase(record, 27)).toEqual({ kind: 'product', termIndex: 26, runningSum: record.sum });
    expect(replayPhase(record, 28)).toEqual({ kind: 'bias' });
    expect(replayPhase(record, 29)).toEqual({ kind: 'activation' });
    expect(replayPhase(record, 99)).toEqual({ kind: 'activation' });
    expect(replayPhase(record, 0)).toEqual({ kind: 'product', termIndex: 0, runningSum: 0 });
  });

  test('typed positions are 1-based and read by the one lesson number reader (issue 16, case 6)', () => {
    expect(readPosition('Row', ' 32 ', 32)).toBe(31);
    expect(() => readPosition('Row', '33', 32)).toThrow('Row: 33 is too large: type a whole number from 1 to 32');
    expect(() => readPosition('Filter', '', 32)).toThrow('Filter: empty: type a number');
    expect(() => readPosition('Column', '2.5', 32)).toThrow('Column must be a whole number, got 2.5');
    // Number() reads all of these; no lesson field does.
    expect(() => readPosition('Filter', '0x10', 32)).toThrow('Filter: “0x10” is not a decimal number');
    expect(() => readPosition('Filter', '1e1', 32)).toThrow('Filter: “1e1” is scientific notation: type the number itself, 10');
    expect(() => readPosition('Filter', '0b11', 32)).toThrow('Filter: “0b11” is not a decimal number');
    expect(() => readPosition('Row', '+4', 32)).toThrow('Row: “+4”: leave out the plus sign and type 4');
    expect(() => readPosition('Row', '3.0', 32)).toThrow('Row must be a whole number, got 3.0');
  });

  test('differences in powers of ten', () => {
    expect(formatDifference(3.2e-8)).toBe('3.2 × 10⁻⁸');
    expect(formatDifference(0)).toBe('0');
    expect(formatDifference(0.05)).toBe('5.0 × 10⁻²');
  });
});
