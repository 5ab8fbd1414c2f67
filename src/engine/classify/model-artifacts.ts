/**
 * Models as tfjs "artifacts" (topology + weight specs + one weights buffer): captured from a live model,
 * built from dropped files, and written out as the two files of the tfjs layers format.
 */
import * as tf from '@tensorflow/tfjs';
import { groupWeightBytes, manifestFileName, MAX_MODEL_WEIGHT_BYTES, ModelFileError, parseLayersModelJson, type LayersModelFile } from '../../core/model/layers-model-json';
import type { NamedBlob } from '../protocol-classify';
// Registers our own layers (DropConnectDense, StochasticPooling2D), so models holding them load.
import '../layers/custom-layers';

/** A model's artifacts with its weights in one buffer: what the library stores and the files hold. */
export interface StoredArtifacts {
  readonly modelTopology: Record<string, unknown>;
  readonly weightSpecs: tf.io.WeightsManifestEntry[];
  readonly weightData: ArrayBuffer;
  readonly userDefinedMetadata: Record<string, unknown>;
}

/** Read a live model's topology and weights (copies; the model is untouched and stays the caller's). */
export async function captureArtifacts(model: tf.LayersModel, userDefinedMetadata: Record<string, unknown>): Promise<StoredArtifacts> {
  let captured: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = captured as tf.io.ModelArtifacts | null;
  if (!artifacts?.modelTopology || artifacts.modelTopology instanceof ArrayBuffer || !artifacts.weightSpecs || !artifacts.weightData) {
    throw new Error('the model could not be serialised (tfjs gave no topology or weights)');
  }
  return {
    modelTopology: artifacts.modelTopology as Record<string, unknown>,
    weightSpecs: artifacts.weightSpecs,
    weightData: tf.io.CompositeArrayBuffer.join(artifacts.weightData),
    userDefinedMetadata,
  };
}

/**
 * Build a model from stored artifacts. The caller owns the model and must dispose it.
 * @throws Error from tfjs when the topology names an unknown layer or the weights do not fit.
 */
export function modelFromArtifacts(artifacts: StoredArtifacts): Promise<tf.LayersModel> {
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: artifacts.modelTopology,
      weightSpecs: artifacts.weightSpecs,
      weightData: artifacts.weightData,
      userDefinedMetadata: artifacts.userDefinedMetadata,
      format: 'layers-model',
    }),
  );
}

/**
 * Artifacts from dropped files: one `.json` (the model; `model.json` when there are several, as in a
 * checkpoint folder of `npm run train`) and every weights file its manifest names (matched by file
 * name, whatever folder the manifest puts them in; other files are ignored).
 *
 * @returns the artifacts and the model file's name.
 * @throws ModelFileError naming what is missing, extra or of the wrong size.
 */
export async function artifactsFromFiles(files: readonly NamedBlob[]): Promise<{ artifacts: StoredArtifacts; modelFileName: string; parsed: LayersModelFile }> {
  const allJsons = files.filter((file) => file.name.toLowerCase().endsWith('.json'));
  if (allJsons.length === 0) throw new ModelFileError(`No model.json among ${files.map((file) => file.name).join(', ')}: drop a model’s .json file together with its weights file.`);
  // A whole `npm run train` folder also holds training-state.json: model.json is the model then.
  const named = allJsons.filter((file) => file.name.toLowerCase() === 'model.json');
  const jsons = allJsons.length > 1 && named.length === 1 ? named : allJsons;
  if (jsons.length > 1) throw new ModelFileError(`Drop one model at a time: ${jsons.map((file) => file.name).join(' and ')} are both model files.`);
  const json = jsons[0] as NamedBlob;
  if (json.data.size > 10 * 1024 * 1024) throw new ModelFileError(`${json.name} is ${(json.data.size / 1024 / 1024).toFixed(1)} MB, too large for a model description (model.json files are kilobytes).`);
  const parsed = parseLayersModelJson(await json.data.text(), json.name);
  const byName = new Map(files.map((file) => [file.name, file]));
  const parts: ArrayBuffer[] = [];
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  let total = 0;
  for (const group of parsed.weightsManifest) {
    const expected = groupWeightBytes(group, json.name);
    let groupBytes = 0;
    for (const path of group.paths) {
      const name = manifestFileName(path);
      const file = byName.get(name);
      if (!file) throw new ModelFileError(`${json.name} names the weights file ${name}, which was not dropped with it: select both files together.`);
      groupBytes += file.data.size;
      total += file.data.size;
      if (total > MAX_MODEL_WEIGHT_BYTES) throw new ModelFileError(`The weights of ${json.name} are over ${MAX_MODEL_WEIGHT_BYTES / 1024 / 1024} MB; this page loads smaller models only.`);
      parts.push(await file.data.arrayBuffer());
    }
    if (groupBytes !== expected) {
      throw new ModelFileError(`${group.paths.map(manifestFileName).join(' + ')} hold${group.paths.length === 1 ? 's' : ''} ${groupBytes} bytes, but ${json.name} lists weights of ${expected} bytes: the files do not belong together.`);
    }
    weightSpecs.push(...(group.weights as tf.io.WeightsManifestEntry[]));
  }
  return {
    artifacts: { modelTopology: parsed.modelTopology, weightSpecs, weightData: tf.io.CompositeArrayBuffer.join(parts), userDefinedMetadata: parsed.userDefinedMetadata ?? {} },
    modelFileName: json.name,
    parsed,
  };
}

/**
 * The two files of the tfjs layers format: `<base>.json` naming `<base>.weights.bin`, which holds every
 * weight back to back. `tf.loadLayersModel` (and this page) load them back.
 */
export function artifactsToFiles(artifacts: StoredArtifacts, baseName: string): NamedBlob[] {
  const weightsName = `${baseName}.weights.bin`;
  const modelJson = {
    format: 'layers-model',
    generatedBy: `CNN Playground (TensorFlow.js ${tf.version.tfjs})`,
    convertedBy: null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [weightsName], weights: artifacts.weightSpecs }],
    userDefinedMetadata: artifacts.userDefinedMetadata,
  };
  return [
    { name: `${baseName}.json`, data: new Blob([JSON.stringify(modelJson)], { type: 'application/json' }) },
    { name: weightsName, data: new Blob([artifacts.weightData], { type: 'application/octet-stream' }) },
  ];
}
