import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseLabelJson, spriteToNhwc } from '../../scripts/data/convert';
import { checkServedQuick, readServedCifar, writeServedCifar } from '../../scripts/data/served-files';

const work = mkdtempSync(join(tmpdir(), 'cifar-served-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A tiny data set: `count` images with label i % 10 and pixel bytes that differ per image. */
function tinySplit(count: number, salt: number) {
  const images = Uint8Array.from({ length: count * 3072 }, (_, i) => (i * 13 + salt) % 251);
  return { count, images, labels: Uint8Array.from({ length: count }, (_, i) => i % 10) };
}

function freshServed(name: string): string {
  const dir = join(work, name);
  writeServedCifar(dir, { train: tinySplit(20, 1), test: tinySplit(10, 2) }, 'unit test');
  return dir;
}

describe('the served folder', () => {
  test('round-trips through write and read, with a manifest that describes it', () => {
    const dir = freshServed('round-trip');
    const { manifest, train, test: testSplit } = readServedCifar(dir);
    expect(manifest.splits.train.perClass).toEqual(new Array(10).fill(2));
    expect(train.images).toEqual(tinySplit(20, 1).images);
    expect(testSplit.labels).toEqual(tinySplit(10, 2).labels);
  });

  test('the quick check catches a truncated or missing file by size alone and names it', () => {
    const dir = freshServed('truncated');
    truncateSync(join(dir, 'train-images.bin'), 1000);
    expect(() => checkServedQuick(dir)).toThrow('train-images.bin is truncated: 1,000 of 61,440 bytes arrived');
    rmSync(join(dir, 'test-labels.bin'));
    expect(() => checkServedQuick(dir)).toThrow(/test-labels\.bin is missing/);
  });

  test('the full read catches same-size corruption through the checksum', () => {
    const dir = freshServed('corrupt');
    const bytes = tinySplit(10, 2).images;
    bytes[5] = (bytes[5] ?? 0) ^ 1;
    writeFileSync(join(dir, 'test-images.bin'), bytes);
    expect(() => checkServedQuick(dir)).not.toThrow();
    expect(() => readServedCifar(dir)).toThrow("test-images.bin is corrupt: its SHA-256 differs from the manifest's");
  });

  test('a missing manifest says to run npm run data', () => {
    expect(() => checkServedQuick(join(work, 'nothing'))).toThrow(/manifest\.json is missing: run `npm run data`/);
  });
});

describe('conversion helpers', () => {
  test('a sprite row of RGBA pixels becomes one NHWC image; transparency is refused', () => {
    const rgba = new Uint8Array(1024 * 2 * 4);
    for (let p = 0; p < 2048; p++) rgba.set([p % 256, (p >> 8) + 10, 200, 255], p * 4);
    const nhwc = spriteToNhwc('s.png', rgba, 1024, 2, 4);
    expect(nhwc.length).toBe(2 * 3072);
    expect(Array.from(nhwc.subarray(3072 + 3 * 5, 3072 + 3 * 5 + 3))).toEqual([(1024 + 5) % 256, 14, 200]);
    rgba[4 * 33 + 3] = 254;
    expect(() => spriteToNhwc('s.png', rgba, 1024, 2, 4)).toThrow('s.png: pixel 33 of row 0 is not opaque (alpha 254); this is not the lossless sprite');
    expect(() => spriteToNhwc('s.png', rgba, 512, 4, 4)).toThrow(/must be 1024 px wide/);
  });

  test('label JSON must be one class index per sprite row', () => {
    expect(Array.from(parseLabelJson('l.json', '[3,8,8]', 3))).toEqual([3, 8, 8]);
    expect(() => parseLabelJson('l.json', '[3,8]', 3)).toThrow('l.json: expected 3 labels (one per sprite row), got 2');
    expect(() => parseLabelJson('l.json', '[[0,0,0,1],8,8]', 3)).toThrow(/l.json: label 0 must be an integer 0–9, got \[0,0,0,1\]/);
  });
});
