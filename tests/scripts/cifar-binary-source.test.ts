import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { c as createTar } from 'tar';
import { afterAll, describe, expect, test } from 'vitest';
import { readServedCifar } from '../../scripts/data/served-files';

/**
 * `npm run data -- --from <archive>` on a tiny archive written here in exactly the official format:
 * cifar-10-batches-bin/data_batch_1..5.bin and test_batch.bin, each record 1 label byte then the
 * 1 024 red, 1 024 green and 1 024 blue bytes of one image.
 */
const work = mkdtempSync(join(tmpdir(), 'cifar-binary-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A distinctive byte for channel `c` of pixel `p` of image `image`, so mixed-up channels show. */
const pixelByte = (image: number, p: number, c: number): number => (image * 31 + p * 7 + c * 101) % 256;

function batchBytes(firstImage: number, labels: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(labels.length * 3073);
  labels.forEach((label, i) => {
    const record = i * 3073;
    bytes[record] = label;
    for (let c = 0; c < 3; c++) for (let p = 0; p < 1024; p++) bytes[record + 1 + c * 1024 + p] = pixelByte(firstImage + i, p, c);
  });
  return bytes;
}

/** Train: 5 batches of 2 images (labels 0…9 in order); test: 3 images labelled 3, 8, 8. */
const TRAIN_LABELS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const TEST_LABELS = [3, 8, 8];

async function writeArchive(name: string, omit?: string): Promise<string> {
  const root = join(work, `${name}-src`);
  const folder = join(root, 'cifar-10-batches-bin');
  mkdirSync(folder, { recursive: true });
  for (let batch = 1; batch <= 5; batch++) {
    writeFileSync(join(folder, `data_batch_${batch}.bin`), batchBytes((batch - 1) * 2, TRAIN_LABELS.slice((batch - 1) * 2, batch * 2)));
  }
  writeFileSync(join(folder, 'test_batch.bin'), batchBytes(100, TEST_LABELS));
  writeFileSync(join(folder, 'batches.meta.txt'), 'airplane\nautomobile\n');
  if (omit) rmSync(join(folder, omit));
  const archive = join(work, `${name}.tar.gz`);
  await createTar({ gzip: true, file: archive, cwd: root }, ['cifar-10-batches-bin']);
  return archive;
}

async function runData(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'scripts/data/prepare.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run data -- --from <official binary archive>', () => {
  test('converts channel-planar records into NHWC with their labels, in batch order', async () => {
    const archive = await writeArchive('good');
    const out = join(work, 'served');
    const result = await runData(['--from', archive, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/checksums verified/);

    const { manifest, train, test: testSplit } = readServedCifar(out);
    expect(manifest.source).toMatch(/^CIFAR-10 binary archive good\.tar\.gz \(sha256 [0-9a-f]{64}\)$/);
    expect(manifest.splits.train.perClass).toEqual(new Array(10).fill(1));
    expect(manifest.splits.test.perClass).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 2, 0]);
    expect(Array.from(train.labels)).toEqual(TRAIN_LABELS);
    expect(Array.from(testSplit.labels)).toEqual(TEST_LABELS);
    // NHWC: byte (p·3 + c) of image i is channel c of pixel p, read from plane c of record i.
    for (const [split, images, first, count] of [['train', train.images, 0, 10], ['test', testSplit.images, 100, 3]] as const) {
      for (let i = 0; i < count; i++) {
        const expected = new Uint8Array(3072);
        for (let p = 0; p < 1024; p++) for (let c = 0; c < 3; c++) expected[p * 3 + c] = pixelByte(first + i, p, c);
        expect(images.subarray(i * 3072, (i + 1) * 3072), `${split} image ${i}`).toEqual(expected);
      }
    }
  });

  test('an archive without test_batch.bin fails with its name and writes nothing', async () => {
    const archive = await writeArchive('no-test', 'test_batch.bin');
    const out = join(work, 'not-written');
    const result = await runData(['--from', archive, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('[data] failed: no-test.tar.gz has no file named test_batch.bin\n');
    expect(existsSync(out)).toBe(false);
  });

  test('a batch of the wrong length is refused, naming the batch', async () => {
    const archive = join(work, 'short.tar.gz');
    const root = join(work, 'short-src', 'cifar-10-batches-bin');
    mkdirSync(root, { recursive: true });
    for (const name of ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin', 'test_batch.bin']) {
      writeFileSync(join(root, name), batchBytes(0, [1]).subarray(0, name === 'data_batch_3.bin' ? 3000 : 3073));
    }
    await createTar({ gzip: true, file: archive, cwd: join(work, 'short-src') }, ['cifar-10-batches-bin']);
    const result = await runData(['--from', archive, '--out', join(work, 'short-out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/data_batch_3\.bin: length must be a positive multiple of 3073 bytes .* got 3000/);
  });
});
