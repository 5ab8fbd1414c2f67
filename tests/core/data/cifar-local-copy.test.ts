import { describe, expect, test } from 'vitest';
import type { CifarManifest } from '../../../src/core/data/cifar-format';
import { matchLocalCopy, pickedManifestIndex } from '../../../src/core/data/cifar-local-copy';
import { CifarDataError } from '../../../src/core/data/cifar-manifest';

const entry = (path: string, bytes: number) => ({ path, bytes, sha256: '0'.repeat(64) });
const MANIFEST = {
  format: 'cnn-playground-cifar10',
  version: 1,
  source: 'test',
  classes: [],
  imageShape: [32, 32, 3],
  layout: 'NHWC-uint8',
  splits: {
    test: { count: 10, perClass: new Array(10).fill(1), images: entry('test-images.bin', 30_720), labels: entry('test-labels.bin', 10) },
    train: { count: 20, perClass: new Array(10).fill(2), images: entry('train-images.bin', 61_440), labels: entry('train-labels.bin', 20) },
  },
} as unknown as CifarManifest;

const ALL = [
  { name: 'README.txt', size: 5 },
  { name: 'train-images.bin', size: 61_440 },
  { name: 'manifest.json', size: 900 },
  { name: 'test-labels.bin', size: 10 },
  { name: 'train-labels.bin', size: 20 },
  { name: 'test-images.bin', size: 30_720 },
];

function failure(picked: readonly { name: string; size: number }[]): CifarDataError {
  try {
    matchLocalCopy(MANIFEST, picked);
  } catch (error) {
    if (error instanceof CifarDataError) return error;
    throw error;
  }
  throw new Error('matchLocalCopy accepted the files');
}

describe('a picked local copy of CIFAR-10', () => {
  test('finds each data file by name, in any order, ignoring other files', () => {
    const matched = matchLocalCopy(MANIFEST, ALL);
    expect([...matched.entries()]).toEqual([
      ['test-labels.bin', 3],
      ['test-images.bin', 5],
      ['train-labels.bin', 4],
      ['train-images.bin', 1],
    ]);
    expect(pickedManifestIndex(ALL)).toBe(2);
    expect(pickedManifestIndex(ALL.filter((file) => file.name !== 'manifest.json'))).toBe(-1);
  });

  test('names every missing file, and the first as the one at fault', () => {
    const error = failure(ALL.filter((file) => !file.name.startsWith('train-')));
    expect(error.file).toBe('train-labels.bin');
    expect(error.message).toMatch(/^train-labels\.bin, train-images\.bin are not among the files you picked/);
    expect(failure(ALL.filter((file) => file.name !== 'test-images.bin')).message).toMatch(/^test-images\.bin is not among the files you picked/);
  });

  test('names a file whose size differs from the manifest, before reading it', () => {
    const short = failure(ALL.map((file) => (file.name === 'train-images.bin' ? { ...file, size: 1000 } : file)));
    expect(short.file).toBe('train-images.bin');
    expect(short.message).toBe('train-images.bin in your copy is 1,000 bytes, the manifest says 61,440: the copy is incomplete (was it still being copied?)');
    const long = failure(ALL.map((file) => (file.name === 'test-labels.bin' ? { ...file, size: 11 } : file)));
    expect(long.message).toBe('test-labels.bin in your copy is 11 bytes, the manifest says 10: it is not the file the manifest describes');
  });
});
