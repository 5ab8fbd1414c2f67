/**
 * The JavaScript a first visit loads before anything is interactive: the entry chunk of the built app
 * and everything it imports statically (what the browser must fetch, parse and run before React
 * draws the shell), read from Vite's build manifest and gzipped here with zlib's default level (what
 * a typical static server sends). The engine worker's script, fetched right after, is reported apart.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One file's size, raw and gzipped, in bytes. */
export interface FileSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** The first load's JavaScript and the engine worker's. */
export interface FirstLoadSize {
  /** The entry chunk and its static imports (never the dynamic ones). */
  readonly files: readonly FileSize[];
  readonly totalBytes: number;
  readonly totalGzipBytes: number;
  /** `engine.worker-*.js`, started by the page right after it draws; null when the build has none. */
  readonly engineWorker: FileSize | null;
}

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
}

/**
 * Read `outDir/.vite/manifest.json` (a build with `build.manifest: true`) and size the entry's static closure.
 * @throws Error when the manifest has no entry chunk.
 */
export function measureFirstLoadSize(outDir: string): FirstLoadSize {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry === true);
  if (entryKey === undefined) throw new Error(`no entry chunk in ${outDir}/.vite/manifest.json`);
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entryKey);
  const files = [...seen].map((key) => sizeOf(outDir, manifest[key]?.file ?? key)).filter((size) => size.file.endsWith('.js'));
  const workerFile = readdirSync(join(outDir, 'assets')).find((name) => /^engine\.worker-[\w-]+\.js$/.test(name));
  return {
    files,
    totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    engineWorker: workerFile ? sizeOf(outDir, `assets/${workerFile}`) : null,
  };
}

function sizeOf(outDir: string, file: string): FileSize {
  const bytes = readFileSync(join(outDir, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}
