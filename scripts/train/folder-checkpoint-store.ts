/**
 * Checkpoints of `npm run train` in a folder, as files anyone can use:
 *
 *   model.json               tfjs layers format: the topology and a manifest of weights-eNNN.bin,
 *                            so `tf.loadLayersModel` loads the trained network directly
 *   weights-eNNN.bin         the model's float32 weights, in model.weights order
 *   optimizer-eNNN.bin       the optimiser's step count and slots (momentum, or Adam's m and v)
 *   best-weights-eNNN.bin    early stopping's copy of the best epoch (only when it holds one)
 *   training-state.json      settings, spec, position, history, early stopping, and the manifests of
 *                            the two other .bin files: what `--resume` continues from
 *
 * NNN is the epoch count. A save writes the new .bin files first, then swaps in the two JSON files
 * (write to a temporary name, rename), and only then deletes the old .bin files, so an interrupted
 * save leaves the previous checkpoint whole.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { parseCheckpointState, type CheckpointState } from '../../src/core/lab/checkpoint-state';
import { problemsFromIssues } from '../../src/core/lab/lab-notes';
import { hyperparametersFromSaved } from '../../src/core/training/hyperparameters';
import type { ModelSpec } from '../../src/core/model/model-spec';
import { buildModel } from '../../src/engine/training/build-model';
import type { CheckpointStore } from '../../src/engine/training/checkpoint';
import type { NamedArray } from '../../src/engine/training/weights';

const STATE_FILE = 'training-state.json';
const MODEL_FILE = 'model.json';

/** A weight's entry in a tfjs weights manifest. */
interface WeightEntry {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int32';
}

const ARRAY_FILE_SCHEMA = v.object(
  {
    path: v.pipe(v.string('must be a file name'), v.regex(/^[\w.-]+\.bin$/, 'must be a .bin file name in the same folder')),
    entries: v.array(
      v.object({
        name: v.string('must be a weight name'),
        shape: v.array(v.pipe(v.number(), v.integer(), v.minValue(0)), 'must be a list of whole numbers'),
        dtype: v.picklist(['float32', 'int32'], "must be 'float32' or 'int32'"),
      }),
      'must be a list of weights',
    ),
  },
  'must name a .bin file and its weights',
);
/** Where training-state.json says the arrays are (the rest of it is read by the lab schema). */
const FILES_SCHEMA = v.object({ weights: ARRAY_FILE_SCHEMA, optimizer: ARRAY_FILE_SCHEMA, bestWeights: v.nullable(ARRAY_FILE_SCHEMA) }, 'must name the weights, optimizer and best-weights files');
interface ArrayFile {
  readonly path: string;
  readonly entries: readonly WeightEntry[];
}
interface Files {
  readonly weights: ArrayFile;
  readonly optimizer: ArrayFile;
  readonly bestWeights: ArrayFile | null;
}

/** training-state.json: the checkpoint minus its arrays, plus where the arrays are. */
export type StateFile = CheckpointState & { readonly files: Files };

/** A checkpoint store in `dir` (created on first save). */
export function createFolderCheckpointStore(dir: string): CheckpointStore {
  const topologies = new Map<string, unknown>();
  const topologyOf = (spec: ModelSpec): unknown => {
    const key = JSON.stringify(spec);
    if (!topologies.has(key)) {
      const model = buildModel(spec, 0);
      topologies.set(key, model.toJSON(null, false));
      model.dispose();
    }
    return topologies.get(key);
  };
  return {
    async save(checkpoint) {
      mkdirSync(dir, { recursive: true });
      const tag = `e${String(checkpoint.epochsDone).padStart(3, '0')}`;
      const weights = writeArrays(dir, `weights-${tag}.bin`, checkpoint.weights.model);
      const optimizer = writeArrays(dir, `optimizer-${tag}.bin`, checkpoint.weights.optimizer);
      const bestWeights = checkpoint.bestWeights ? writeArrays(dir, `best-weights-${tag}.bin`, checkpoint.bestWeights) : null;
      const modelJson = {
        format: 'layers-model',
        generatedBy: `CNN Playground npm run train (TensorFlow.js ${tf.version.tfjs})`,
        convertedBy: null,
        modelTopology: topologyOf(checkpoint.spec),
        weightsManifest: [{ paths: [weights.path], weights: weights.entries }],
      };
      writeAtomically(dir, MODEL_FILE, JSON.stringify(modelJson));
      const state: StateFile = {
        format: checkpoint.format,
        version: checkpoint.version,
        savedAt: checkpoint.savedAt,
        backend: checkpoint.backend,
        spec: checkpoint.spec,
        hyperparameters: hyperparametersFromSaved(checkpoint.hyperparameters),
        epochsDone: checkpoint.epochsDone,
        iteration: checkpoint.iteration,
        history: checkpoint.history,
        earlyStopping: checkpoint.earlyStopping,
        files: { weights, optimizer, bestWeights },
      };
      writeAtomically(dir, STATE_FILE, JSON.stringify(state, encodeNonFinite, 1));
      const keep = new Set([weights.path, optimizer.path, bestWeights?.path]);
      for (const name of readdirSync(dir)) if (name.endsWith('.bin') && !keep.has(name)) rmSync(join(dir, name));
    },
    async load() {
      const statePath = join(dir, STATE_FILE);
      if (!existsSync(statePath)) return null;
      const state = readStateFile(statePath);
      const { files, ...rest } = state;
      return {
        ...rest,
        weights: { model: readArrays(dir, files.weights.path, files.weights.entries), optimizer: readArrays(dir, files.optimizer.path, files.optimizer.entries) },
        bestWeights: files.bestWeights ? readArrays(dir, files.bestWeights.path, files.bestWeights.entries) : null,
      };
    },
    async clear() {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) if (name.endsWith('.bin') || name === STATE_FILE || name === MODEL_FILE) rmSync(join(dir, name));
    },
  };
}

/**
 * Read training-state.json by the lab schema (older checkpoints, without `augment`, read as trained
 * without it).
 * @throws Error naming the file and every field that could not be read.
 */
export function readStateFile(statePath: string): StateFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(statePath, 'utf8'), decodeNonFinite);
  } catch (error) {
    throw new Error(`${statePath} is not JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const state = parseCheckpointState(json);
  const files = v.safeParse(FILES_SCHEMA, typeof json === 'object' && json !== null && 'files' in json ? json.files : undefined);
  const problems = [...(state.ok ? [] : state.problems), ...(files.success ? [] : problemsFromIssues('files', files.issues, ''))];
  if (!state.ok || !files.success) throw new Error(`${statePath} is not a checkpoint this version can read:\n  ${problems.map((problem) => problem.message).join('\n  ')}`);
  return { ...state.state, files: files.output };
}

function writeArrays(dir: string, path: string, arrays: readonly NamedArray[]): { path: string; entries: WeightEntry[] } {
  const bytes = new Uint8Array(arrays.reduce((sum, array) => sum + array.values.byteLength, 0));
  let offset = 0;
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.values.buffer, array.values.byteOffset, array.values.byteLength), offset);
    offset += array.values.byteLength;
  }
  writeAtomically(dir, path, bytes);
  return { path, entries: arrays.map(({ name, shape, dtype }) => ({ name, shape: [...shape], dtype })) };
}

function readArrays(dir: string, path: string, entries: readonly WeightEntry[]): NamedArray[] {
  const file = readFileSync(join(dir, path));
  const expected = entries.reduce((sum, entry) => sum + 4 * entry.shape.reduce((product, size) => product * size, 1), 0);
  if (file.byteLength !== expected) throw new Error(`${join(dir, path)} holds ${file.byteLength} bytes; the checkpoint lists ${expected}`);
  // Copy into an aligned buffer: Node's file buffers may start at any byte offset.
  const buffer = new Uint8Array(file).buffer;
  let offset = 0;
  return entries.map((entry) => {
    const length = entry.shape.reduce((product, size) => product * size, 1);
    const values = entry.dtype === 'int32' ? new Int32Array(buffer, offset, length) : new Float32Array(buffer, offset, length);
    offset += length * 4;
    return { ...entry, values };
  });
}

function writeAtomically(dir: string, name: string, contents: string | Uint8Array): void {
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  writeFileSync(temporary, contents);
  renameSync(temporary, join(dir, name));
}

/** JSON has no Infinity or NaN (early stopping starts from ±Infinity; a diverged loss is NaN). */
function encodeNonFinite(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? { nonFinite: String(value) } : value;
}

function decodeNonFinite(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'nonFinite' in value && Object.keys(value).length === 1) return Number(value.nonFinite);
  return value;
}
