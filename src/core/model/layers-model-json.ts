/**
 * TensorFlow.js's "layers" model files, read without tfjs: `model.json` holds the topology and a
 * weights manifest — groups of binary files (`paths`) and, in order, the tensors they hold (name,
 * shape, dtype) — and the binary files hold those tensors' values back to back, little-endian.
 * Reading it here lets the app name what is wrong with a dropped model before building anything.
 */

/** One tensor in a weights manifest. */
export interface WeightManifestEntry {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int32' | 'bool' | 'string' | 'complex64';
  /** Present when the values are stored quantised (then their bytes follow this dtype). */
  readonly quantization?: { readonly dtype: 'uint8' | 'uint16' | 'float16' };
}

/** One group of a weights manifest: the files, concatenated, hold `weights` in order. */
export interface WeightsManifestGroup {
  readonly paths: readonly string[];
  readonly weights: readonly WeightManifestEntry[];
}

/** The parts of model.json the app uses. */
export interface LayersModelFile {
  readonly modelTopology: Record<string, unknown>;
  readonly weightsManifest: readonly WeightsManifestGroup[];
  readonly format: string | null;
  readonly userDefinedMetadata: Record<string, unknown> | null;
}

/** A model file that cannot be used; `message` names the file and what is wrong. */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
}

/** Largest total of weights accepted from files, in bytes (the tutorial's model has 14.8 MB). */
export const MAX_MODEL_WEIGHT_BYTES = 200 * 1024 * 1024;

/**
 * Parse the text of a tfjs layers `model.json`.
 * @throws ModelFileError when it is not JSON, is a graph model (from the converter), or lacks a
 *   topology or a valid weights manifest.
 */
export function parseLayersModelJson(text: string, fileName: string): LayersModelFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ModelFileError(`${fileName} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!isRecord(value)) throw new ModelFileError(`${fileName} is not a TensorFlow.js model: it holds no JSON object.`);
  const format = typeof value.format === 'string' ? value.format : null;
  if (format === 'graph-model') {
    throw new ModelFileError(`${fileName} is a TensorFlow.js graph model (from the converter); only layers models can be loaded, like the ones this app saves.`);
  }
  const topology = value.modelTopology;
  if (!isRecord(topology)) throw new ModelFileError(`${fileName} is not a TensorFlow.js layers model: it has no modelTopology.`);
  const weightsManifest = readManifest(value.weightsManifest, fileName);
  const metadata = value.userDefinedMetadata;
  return { modelTopology: topology, weightsManifest, format, userDefinedMetadata: isRecord(metadata) ? metadata : null };
}

function readManifest(value: unknown, fileName: string): WeightsManifestGroup[] {
  const broken = (what: string): ModelFileError => new ModelFileError(`${fileName} has a broken weightsManifest: ${what}.`);
  if (!Array.isArray(value) || value.length === 0) throw broken('it lists no weight files');
  return value.map((group: unknown, groupIndex) => {
    if (!isRecord(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) throw broken(`group ${groupIndex + 1} has no paths or weights list`);
    const paths = group.paths.map((path: unknown) => {
      if (typeof path !== 'string' || path === '') throw broken(`group ${groupIndex + 1} has a path that is not a file name`);
      return path;
    });
    const weights = group.weights.map((entry: unknown) => {
      if (!isRecord(entry) || typeof entry.name !== 'string' || !Array.isArray(entry.shape) || typeof entry.dtype !== 'string') {
        throw broken(`group ${groupIndex + 1} has an entry without name, shape and dtype`);
      }
      if (!entry.shape.every((size: unknown) => Number.isInteger(size) && (size as number) >= 0)) throw broken(`${entry.name} has a shape that is not whole sizes`);
      return entry as unknown as WeightManifestEntry;
    });
    return { paths, weights };
  });
}

/** Bytes per value of each stored dtype. */
const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2, complex64: 8 };

/**
 * Bytes the weight files of `group` must hold together.
 * @throws ModelFileError for a dtype whose size is not fixed (string tensors).
 */
export function groupWeightBytes(group: WeightsManifestGroup, fileName: string): number {
  return group.weights.reduce((sum, entry) => {
    const perValue = DTYPE_BYTES[entry.quantization?.dtype ?? entry.dtype];
    if (perValue === undefined) throw new ModelFileError(`${fileName}: weight ${entry.name} has dtype ${entry.dtype}, which cannot be loaded from a file of fixed-size values.`);
    return sum + perValue * entry.shape.reduce((product, size) => product * size, 1);
  }, 0);
}

/** A manifest path's file name: "./weights/group1-shard1of2.bin" → "group1-shard1of2.bin". */
export function manifestFileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
