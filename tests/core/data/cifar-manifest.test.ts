import { describe, expect, test } from 'vitest';
import { CIFAR_IMAGE_BYTES, type CifarManifest } from '../../../src/core/data/cifar-format';
import {
  CifarDataError,
  checkSplitBytes,
  cifarManifestBytes,
  cifarManifestFiles,
  cifarManifestFingerprint,
  describeSizeMismatch,
  parseCifarManifest,
} from '../../../src/core/data/cifar-manifest';

const SHA = 'a'.repeat(64);

/** A consistent manifest for a tiny data set: `perClass[split]` images per class. */
function manifestFor(trainPerClass: number, testPerClass: number): CifarManifest {
  const split = (prefix: string, perClass: number) => ({
    count: perClass * 10,
    perClass: new Array<number>(10).fill(perClass),
    images: { path: `${prefix}-images.bin`, bytes: perClass * 10 * CIFAR_IMAGE_BYTES, sha256: SHA },
    labels: { path: `${prefix}-labels.bin`, bytes: perClass * 10, sha256: SHA.replace('a', 'b') },
  });
  return {
    format: 'cnn-playground-cifar10',
    version: 1,
    source: 'test',
    classes: ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'],
    imageShape: [32, 32, 3],
    layout: 'NHWC-uint8',
    splits: { train: split('train', trainPerClass), test: split('test', testPerClass) },
  };
}

describe('parseCifarManifest', () => {
  test('accepts a consistent manifest and lists its files smallest first', () => {
    const manifest = parseCifarManifest(JSON.parse(JSON.stringify(manifestFor(2, 1))));
    expect(cifarManifestFiles(manifest).map((file) => file.entry.path)).toEqual(['test-labels.bin', 'test-images.bin', 'train-labels.bin', 'train-images.bin']);
    expect(cifarManifestBytes(manifest)).toBe(30 * (CIFAR_IMAGE_BYTES + 1));
  });

  test.each([
    ['not an object', null, /not a JSON object/],
    ['a wrong format', { ...manifestFor(1, 1), format: 'x' }, /format must be "cnn-playground-cifar10"/],
    ['a byte count that does not match its image count', (() => {
      const m = manifestFor(1, 1);
      return { ...m, splits: { ...m.splits, test: { ...m.splits.test, images: { ...m.splits.test.images, bytes: 5 } } } };
    })(), /splits.test.images.bytes must be 30720 for its count, got 5/],
    ['per-class counts that do not sum to the count', (() => {
      const m = manifestFor(1, 1);
      return { ...m, splits: { ...m.splits, train: { ...m.splits.train, perClass: [1] } } };
    })(), /splits.train.perClass must be ten integer counts summing to 10/],
    ['a path that leaves the folder', (() => {
      const m = manifestFor(1, 1);
      return { ...m, splits: { ...m.splits, train: { ...m.splits.train, labels: { ...m.splits.train.labels, path: '../x' } } } };
    })(), /splits.train.labels.path must be a plain file name/],
  ])('rejects %s, naming manifest.json', (_, value, message) => {
    let error: unknown;
    try {
      parseCifarManifest(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CifarDataError);
    expect((error as CifarDataError).file).toBe('manifest.json');
    expect((error as CifarDataError).message).toMatch(message);
  });
});

describe('checkSplitBytes', () => {
  const manifest = manifestFor(1, 1);
  const labels = Uint8Array.from({ length: 10 }, (_, i) => 9 - i);
  const images = new Uint8Array(10 * CIFAR_IMAGE_BYTES);

  test('returns the arrays as they are when everything matches', () => {
    const arrays = checkSplitBytes(manifest, 'test', images, labels);
    expect(arrays).toEqual({ count: 10, images, labels });
    expect(arrays.images).toBe(images);
  });

  test('names the truncated file and how much arrived', () => {
    expect(() => checkSplitBytes(manifest, 'test', images.subarray(0, 1000), labels)).toThrow(
      'test-images.bin is truncated: 1,000 of 30,720 bytes arrived',
    );
    expect(describeSizeMismatch('x.bin', 12, 10)).toBe('x.bin is too long: 12 bytes where the manifest says 10');
  });

  test('rejects a label outside 0–9 and class counts that differ from the manifest', () => {
    const bad = labels.slice();
    bad[3] = 200;
    expect(() => checkSplitBytes(manifest, 'train', images, bad)).toThrow('train-labels.bin is corrupt: label 3 is 200, not a class index 0–9');
    const skewed = labels.slice();
    skewed[0] = 0;
    expect(() => checkSplitBytes(manifest, 'train', images, skewed)).toThrow(/train-labels.bin is corrupt: images per class are 2, 1, 1, 1, 1, 1, 1, 1, 1, 0/);
  });
});

test('the fingerprint changes when any checksum changes', () => {
  const a = manifestFor(1, 1);
  const b = { ...a, splits: { ...a.splits, test: { ...a.splits.test, labels: { ...a.splits.test.labels, sha256: 'c'.repeat(64) } } } };
  expect(cifarManifestFingerprint(a)).toMatch(/^[0-9a-f]{16}$/);
  expect(cifarManifestFingerprint(b)).not.toBe(cifarManifestFingerprint(a));
});
