import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { Sha256, sha256Hex } from '../../../src/core/data/sha256';
import { mulberry32 } from '../../../src/core/common/seeded-random';

function bytesOf(length: number, seed: number): Uint8Array {
  const random = mulberry32(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

const nodeSha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('sha256', () => {
  test('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test.each([1, 55, 56, 63, 64, 65, 119, 120, 1000, 4099])('matches node:crypto for %i bytes', (length) => {
    const bytes = bytesOf(length, length);
    expect(sha256Hex(bytes)).toBe(nodeSha(bytes));
  });

  test('gives the same digest however the input is chunked', () => {
    const bytes = bytesOf(10_000, 9);
    const hash = new Sha256();
    hash.update(new Uint8Array(0)); // an empty chunk changes nothing
    let offset = 0;
    for (const size of [1, 63, 64, 65, 3, 129, 7000, 10_000]) {
      hash.update(bytes.subarray(offset, Math.min(offset + size, bytes.length)));
      offset = Math.min(offset + size, bytes.length);
    }
    expect(hash.digestHex()).toBe(nodeSha(bytes));
  });

  test('refuses more input after the digest', () => {
    const hash = new Sha256().update(new Uint8Array(3));
    hash.digestHex();
    expect(hash.digestHex()).toBe(nodeSha(new Uint8Array(3)));
    expect(() => hash.update(new Uint8Array(1))).toThrow(/after digestHex/);
  });
});
