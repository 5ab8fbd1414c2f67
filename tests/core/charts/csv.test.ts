import { describe, expect, test } from 'vitest';
import { csvField, toCsv } from '../../../src/core/charts/csv';

describe('CSV', () => {
  test('a header and rows with CRLF line ends; numbers in full; null as an empty field', () => {
    expect(toCsv(['step', 'loss', 'note'], [[1, 2.302585092994046, null], [2, 0.1, 'ok']])).toBe('step,loss,note\r\n1,2.302585092994046,\r\n2,0.1,ok\r\n');
  });

  test('quotes only the fields that need it, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(Number.NaN)).toBe('NaN');
    expect(csvField(-0.0004)).toBe('-0.0004');
  });

  test('a row with the wrong number of cells is refused', () => {
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow('CSV row 1 has 1 cells; the header has 2 columns');
  });
});
