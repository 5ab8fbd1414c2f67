import { describe, expect, test } from 'vitest';
import { groupWeightBytes, manifestFileName, ModelFileError, parseLayersModelJson } from '../../../src/core/model/layers-model-json';

const valid = {
  format: 'layers-model',
  modelTopology: { class_name: 'Sequential', config: { layers: [] } },
  weightsManifest: [{ paths: ['./w/a.bin', 'b.bin'], weights: [{ name: 'k', shape: [3, 3, 3, 32], dtype: 'float32' }, { name: 'q', shape: [10], dtype: 'float32', quantization: { dtype: 'uint8' } }] }],
  userDefinedMetadata: { testAccuracy: 0.6 },
};

describe('parseLayersModelJson', () => {
  test('reads the topology, the manifest and the metadata', () => {
    const parsed = parseLayersModelJson(JSON.stringify(valid), 'model.json');
    expect(parsed.format).toBe('layers-model');
    expect(parsed.weightsManifest[0]?.paths).toEqual(['./w/a.bin', 'b.bin']);
    expect(parsed.userDefinedMetadata).toEqual({ testAccuracy: 0.6 });
    // float32 kernel: 864 values × 4 bytes; quantised to uint8: 10 × 1.
    expect(groupWeightBytes(parsed.weightsManifest[0] ?? { paths: [], weights: [] }, 'model.json')).toBe(3 * 3 * 3 * 32 * 4 + 10);
    expect(manifestFileName('./w/a.bin')).toBe('a.bin');
  });

  test('each broken file is named with what is wrong', () => {
    const message = (text: string): string => {
      try {
        parseLayersModelJson(text, 'm.json');
      } catch (error) {
        expect(error).toBeInstanceOf(ModelFileError);
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(message('{oops')).toMatch(/^m\.json is not valid JSON \(/);
    expect(message('[1, 2]')).toBe('m.json is not a TensorFlow.js model: it holds no JSON object.');
    expect(message(JSON.stringify({ ...valid, format: 'graph-model' }))).toMatch(/graph model \(from the converter\); only layers models/);
    expect(message(JSON.stringify({ weightsManifest: valid.weightsManifest }))).toBe('m.json is not a TensorFlow.js layers model: it has no modelTopology.');
    expect(message(JSON.stringify({ ...valid, weightsManifest: [] }))).toBe('m.json has a broken weightsManifest: it lists no weight files.');
    expect(message(JSON.stringify({ ...valid, weightsManifest: [{ paths: [3], weights: [] }] }))).toMatch(/a path that is not a file name/);
    expect(message(JSON.stringify({ ...valid, weightsManifest: [{ paths: ['a'], weights: [{ name: 'k', shape: [-1], dtype: 'float32' }] }] }))).toMatch(/k has a shape that is not whole sizes/);
  });
});
