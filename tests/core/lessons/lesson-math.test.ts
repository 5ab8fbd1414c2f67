import { describe, expect, test } from 'vitest';
import { relu, softmax, softmaxWorking } from '../../../src/core/lessons/activations';
import { maskCellOffsets, maskCentre } from '../../../src/core/lessons/mask-centre';
import { maskedArraySteps, maskedMean } from '../../../src/core/lessons/masked-array';
import { fitWithin, imageBytesToVolume, toGrayscale } from '../../../src/core/data/image-volume';
import { channelOf, mapChannels, matrixFromRows, maxAbs, valueAt, volumeFromData } from '../../../src/core/lessons/volume';
import { conv1dSteps, convolve1d, maxPool1d, pool1dSteps } from '../../../src/core/lessons/conv1d';
import { poolSteps } from '../../../src/core/lessons/pool2d';

describe('the masked-array idea', () => {
  test("numpy's example: [1, 2, 3, -1, 5] with the 4th value hidden averages to 2.75", () => {
    const steps = maskedArraySteps([1, 2, 3, -1, 5], [false, false, false, true, false]);
    expect(steps.map((step) => step.runningSum)).toEqual([1, 3, 6, 6, 11]);
    expect(steps[3]?.hidden).toBe(true);
    expect(maskedMean(steps)).toBe(2.75);
    expect(maskedMean(maskedArraySteps([4], [true]))).toBeNull();
    expect(() => maskedArraySteps([1, 2], [true])).toThrow('the mask needs one flag per value (2), got 1');
  });
});

describe('the centre of a mask', () => {
  test('odd sizes have a centre cell; even sizes put the centre between cells', () => {
    expect(maskCentre(3, 3)).toEqual({ row: 1, col: 1, hasCentreCell: true });
    expect(maskCentre(4, 4)).toEqual({ row: 1.5, col: 1.5, hasCentreCell: false });
    const offsets = maskCellOffsets(3, 3);
    expect(offsets.filter((cell) => cell.isCentre)).toEqual([{ index: 4, row: 1, col: 1, rowOffset: 0, colOffset: 0, isCentre: true }]);
    expect(offsets[0]).toMatchObject({ rowOffset: -1, colOffset: -1 });
    expect(maskCellOffsets(2, 2).some((cell) => cell.isCentre)).toBe(false);
    expect(() => maskCentre(0, 3)).toThrow('mask height must be a whole number ≥ 1, got 0');
  });
});

describe('activations', () => {
  test('ReLU keeps positives and zeroes negatives', () => {
    expect([-2, 0, 3.5].map(relu)).toEqual([0, 0, 3.5]);
  });
  test('softmax gives positive probabilities that add up to 1, largest score most likely', () => {
    const probabilities = softmax([2, 1, 0.1]);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(probabilities[0]).toBeCloseTo(0.659, 3);
    // Huge scores would overflow e^x without subtracting the largest first.
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
    expect(softmaxWorking([0, 0]).total).toBe(2);
    expect(() => softmax([1, Number.NaN])).toThrow('score 2 must be a finite number, got NaN');
  });
});

describe('images as volumes', () => {
  test('RGBA bytes keep RGB; grayscale weighs green most', () => {
    const rgba = imageBytesToVolume([255, 0, 0, 255, 0, 255, 0, 255], 1, 2, 4, 3);
    expect(rgba.channels).toBe(3);
    const gray = toGrayscale(rgba);
    expect(valueAt(gray, 0, 0)).toBeCloseTo(76.245, 6);
    expect(valueAt(gray, 0, 1)).toBeCloseTo(149.685, 6);
    expect(() => imageBytesToVolume([1, 2], 1, 1, 3)).toThrow('a 1×1×3 image needs 3 bytes, got 2');
  });
  test('fitWithin keeps the aspect ratio, caps the long side and never enlarges', () => {
    expect(fitWithin(640, 480, 128)).toEqual({ width: 128, height: 96 });
    expect(fitWithin(100, 400, 128)).toEqual({ width: 32, height: 128 });
    expect(fitWithin(20, 10, 128)).toEqual({ width: 20, height: 10 });
  });
  test('channels map and stack', () => {
    const volume = volumeFromData(1, 2, 2, [1, -5, 3, 4]);
    expect(Array.from(channelOf(volume, 1).data)).toEqual([-5, 4]);
    expect(Array.from(mapChannels(volume, (plane) => matrixFromRows([[plane.data[0] ?? 0, 0]])).data)).toEqual([1, -5, 0, 0]);
    expect(maxAbs(volume)).toBe(5);
  });
});

describe('1-D records and pooling records', () => {
  test('a 3-point moving sum of a series, and its max pool, with the winning samples', () => {
    const series = [1, 3, 2, 5, 4, 0];
    const steps = [...conv1dSteps(series, [1, 1, 1], { padding: 'same' })];
    expect(steps.map((step) => step.output)).toEqual([4, 6, 10, 11, 9, 4]);
    expect(steps[0]?.terms.map((term) => term.isPadding)).toEqual([true, false, false]);
    expect(convolve1d([0, 1, 0], [1, 2, 3], { padding: 'same' })).toEqual([1, 2, 3]);
    expect(maxPool1d(series, { poolSize: 2 })).toEqual({ values: [3, 5, 4], winners: [1, 3, 4] });
    expect([...pool1dSteps(series, { poolSize: 2, mode: 'avg' })].map((step) => step.value)).toEqual([2, 3.5, 2]);
  });
  test('max pool records name the winning cell; ties go to the first', () => {
    const input = matrixFromRows([
      [1, 7, 2, 2],
      [3, 4, 2, 0],
    ]);
    const steps = [...poolSteps(input, { poolSize: 2, mode: 'max' })];
    expect(steps.map((step) => [step.value, step.winner])).toEqual([
      [7, { row: 0, col: 1 }],
      [2, { row: 0, col: 2 }],
    ]);
  });
});
