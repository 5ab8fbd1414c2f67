import { describe, expect, test } from 'vitest';
import { axisGeometry } from '../../src/core/lessons/conv-geometry';
import { LESSON_RULES } from '../../src/core/lessons/lesson-bounds';
import { convSteps } from '../../src/core/lessons/conv-steps';
import { DEFAULT_MODEL_SPEC, MODEL_INPUT_SHAPE } from '../../src/core/model/model-spec';
import { analyseModelSpec } from '../../src/core/model/model-spec-validate';
import { matrixFromRows, valueAt } from '../../src/core/lessons/volume';
import { formatCount, formatFactor, formatNumber, isRounded, parseField, parseGrid, parseNumber } from '../../src/views/learn/format-number';
import { sizeFormula } from '../../src/views/learn/formulas';
import { convStepReads, outputCellsFromRecords, windowCentre } from '../../src/views/learn/grid-cells';
import { explainLayer } from '../../src/views/learn/lessons/network-explanations';
import { matchingPreset, MASK_PRESETS } from '../../src/views/learn/presets';
import { pictureFromCurrentImage } from '../../src/views/learn/use-lesson-picture';

describe('numbers as lessons write and read them', () => {
  test('formatting: real minus signs, at most two decimals, brackets for negative factors', () => {
    expect(formatNumber(-22)).toBe('−22');
    expect(formatNumber(52 / 9)).toBe('5.78');
    expect(isRounded(52 / 9)).toBe(true);
    expect(isRounded(3.25)).toBe(false);
    expect(formatNumber(-0.0001)).toBe('0');
    expect(formatFactor(-1)).toBe('(−1)');
    expect(formatCount(3_686_912)).toBe('3\u202f686\u202f912');
  });
  test('parsing accepts − and decimal commas, and says what is wrong otherwise', () => {
    expect(parseNumber('−1,5')).toEqual({ value: -1.5 });
    expect(parseNumber(' 7 ')).toEqual({ value: 7 });
    expect(parseNumber('abc')).toEqual({ error: '“abc” is not a number: type one like 3 or −1.5' });
    expect(parseNumber('')).toEqual({ error: 'empty: type a number' });
    expect(parseNumber('1e3')).toHaveProperty('error');
    expect(parseNumber('5000')).toEqual({ error: '5000 is too large: keep numbers between −999 and 999' });
    expect(() => parseField('Stride', '1.5', LESSON_RULES.stride)).toThrow('Stride must be a whole number, got 1.5');
    expect(() => parseGrid('mask', [['1', 'x']])).toThrow('mask row 1, column 2: “x” is not a number');
  });
  test('the output-size formula carries the geometry’s own numbers', () => {
    expect(sizeFormula(axisGeometry(4, 3, 1, 'same'))).toBe('⌊(4 + 1 + 1 − 3) / 1⌋ + 1 = ⌊3 / 1⌋ + 1 = 4');
    expect(sizeFormula(axisGeometry(5, 3, 3, 'valid'))).toBe('⌊(5 − 3) / 3⌋ + 1 = ⌊2 / 3⌋ + 1 = 1');
  });
});

describe('grids built from step records', () => {
  const input = matrixFromRows([
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]);
  const records = [...convSteps(input, matrixFromRows([[1, 1], [1, 1]]))];
  test('the output fills in record by record: done, current, then pending', () => {
    const cells = outputCellsFromRecords(2, 2, records.map((record) => ({ ...record, value: record.output })), 1);
    expect(cells.flat().map((cell) => [cell.text, cell.tones?.[0]])).toEqual([
      ['12', 'done'],
      ['16', 'current'],
      ['', 'pending'],
      ['', 'pending'],
    ]);
  });
  test('the cells a step reads carry their weights; the centre comes from the record', () => {
    expect([...convStepReads(records[3]).keys()]).toEqual(['1,1', '1,2', '2,1', '2,2']);
    expect(windowCentre(records[3])).toEqual({ row: 1, col: 1 });
    const padded = [...convSteps(input, matrixFromRows([[0, 0, 0], [0, 1, 0], [0, 0, 0]]), { padding: 'same' })];
    expect(windowCentre(padded[0])).toEqual({ row: 0, col: 0 });
  });
});

describe('presets and pictures', () => {
  test('a preset is recognised from its numbers', () => {
    expect(matchingPreset([[1, 2, 1], [2, 4, 2], [1, 2, 1]], 16)?.id).toBe('noise');
    expect(matchingPreset([[1, 2, 1], [2, 4, 2], [1, 2, 1]], 1)).toBeUndefined();
    expect(MASK_PRESETS.map((preset) => preset.id)).toEqual(['blur', 'sharpen', 'edges', 'noise']);
  });
  test('the dataset browser’s current image becomes a named 32×32×3 picture', () => {
    const pixels = new Uint8Array(32 * 32 * 3).map((_, index) => index % 256);
    const picture = pictureFromCurrentImage({ pixels, label: 3, source: { kind: 'cifar', split: 'test', index: 12 } });
    expect(picture.name).toBe('cat (CIFAR-10 test #12)');
    expect([picture.volume.height, picture.volume.width, picture.volume.channels]).toEqual([32, 32, 3]);
    expect(valueAt(picture.volume, 0, 1, 2)).toBe(5);
  });
});

describe('the network lesson explains each layer with its own numbers', () => {
  test('parameter formulas agree with the model-spec analysis: 896, 9 248, 3 686 912, 5 130', () => {
    const analysis = analyseModelSpec(DEFAULT_MODEL_SPEC);
    const formulas = analysis.layers.map((summary, index) => {
      const spec = DEFAULT_MODEL_SPEC.layers[index];
      const inputShape = index === 0 ? MODEL_INPUT_SHAPE : (analysis.layers[index - 1]?.outputShape ?? []);
      return spec ? explainLayer(spec, inputShape, summary.outputShape, summary.params).paramFormula : null;
    });
    expect(formulas.map((formula) => formula?.replace(/\u202f/g, ' ') ?? null)).toEqual([
      '(3×3×3 + 1) × 32 = 896',
      null,
      '(3×3×32 + 1) × 32 = 9 248',
      null,
      null,
      '(7 200 + 1) × 512 = 3 686 912',
      null,
      '(512 + 1) × 10 = 5 130',
    ]);
    // Each formula's arithmetic is right, not just its printed result.
    expect((3 * 3 * 3 + 1) * 32).toBe(896);
    expect((3 * 3 * 32 + 1) * 32).toBe(9248);
    expect((7200 + 1) * 512).toBe(3_686_912);
    expect(analysis.ok && analysis.totalParams).toBe(3_702_186);
  });
});
