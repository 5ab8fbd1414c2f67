/**
 * The engine's handler for classify commands. It holds up to two models of its own — the pretrained
 * one (loaded once from the app's files) and the last one loaded from the library or from files — and
 * borrows the training run's model when asked for it. A model offered to it is checked before it
 * replaces anything, so a refused one leaves the current model answering.
 */
import type * as tf from '@tensorflow/tfjs';
import { CIFAR_IMAGE_BYTES } from '../../core/data/cifar-format';
import { classifierShapeProblem, classNamesOf, describeBuildFailure, describeLoaded, describePretrained, describeTrained, ownClassNames, readModelMetadata, type ClassifierInfo, type ClassifierKind, type ModelMetadata } from '../../core/model/classifier-model';
import { validateModelName } from '../../core/model/model-name';
import type { ClassifierModels, ClassifyAnswer, ClassifyCommand, ClassifyEvent, NamedBlob, PictureFacts } from '../protocol-classify';
import type { TrainedModelView } from '../training/controller-types';
import { decodePicture, type DecodedPicture } from './decode-picture';
import { artifactsFromFiles, artifactsToFiles, captureArtifacts, modelFromArtifacts, type StoredArtifacts } from './model-artifacts';
import { checkClassifier, declaredInputShape, ModelRejectedError } from './model-check';
import type { ModelLibrary } from './model-library';
import { kerasBundle } from './keras-bundle';
import { parseModelCard } from '../../core/lab/model-card';
import type { TrainingHyperparameters } from '../../core/training/hyperparameters';
import { fetchModelCard, loadModelFromUrl } from './load-model-url';
import { predictProbabilities } from './predict';

/** What the handler needs from the engine around it. */
export interface ClassifyHandlerOptions {
  readonly emit: (event: ClassifyEvent) => void;
  /** The training run's model, or null when no run holds one. */
  readonly trainedModel: () => TrainedModelView | null;
  readonly library: ModelLibrary;
  /** Picture decoding (the browser's decoder); replaceable in tests that run without one. */
  readonly decode?: (file: NamedBlob) => Promise<DecodedPicture>;
  /** Model loading from a URL (tfjs's HTTP loader); replaceable in tests. */
  readonly loadFromUrl?: (url: string) => Promise<tf.LayersModel>;
  /** The model card beside a model's URL (its test accuracy), or null; replaceable in tests. */
  readonly fetchCard?: (modelUrl: string) => Promise<Record<string, unknown> | null>;
  readonly nowMs?: () => number;
}

/** Handles classify commands; answers through `emit`. */
export interface ClassifyHandler {
  /** Handle one command. Never throws: failures become `classify-error` events. */
  handle(command: ClassifyCommand): Promise<void>;
  /**
   * The pretrained model at `url`, loaded on first use and owned by this handler: callers borrow it
   * and must not dispose it.
   * @throws what loading or the classifier check threw.
   */
  pretrainedModel(url: string): Promise<tf.LayersModel>;
  /**
   * The model that answers for `kind` now, and how Classify names it: borrowed (for "Why this class"),
   * never to be disposed by the caller.
   * @throws Error saying why there is no such model (none loaded, no training run, not prepared).
   */
  borrowModel(kind: ClassifierKind): Promise<{ readonly model: tf.LayersModel; readonly info: ClassifierInfo }>;
}

/** A model the handler owns, with how it is named and what its file said about it. */
interface HeldModel {
  readonly model: tf.LayersModel;
  readonly info: ClassifierInfo;
  readonly metadata: ModelMetadata;
  /** The settings it was trained with, when its model card says (the pretrained model's does). */
  readonly trainedWith?: TrainingHyperparameters;
}

/** Make the classify handler of one engine. */
export function createClassifyHandler(options: ClassifyHandlerOptions): ClassifyHandler {
  const { emit, library } = options;
  const decode = options.decode ?? decodePicture;
  const loadFromUrl = options.loadFromUrl ?? loadModelFromUrl;
  const fetchCard = options.fetchCard ?? fetchModelCard;
  const nowMs = options.nowMs ?? (() => performance.now());
  let pretrained: { url: string; held: Promise<HeldModel> } | null = null;
  let pretrainedError: string | null = null;
  let loaded: HeldModel | null = null;

  async function loadPretrained(url: string): Promise<HeldModel> {
    const [model, card] = await Promise.all([loadFromUrl(url), fetchCard(url)]);
    try {
      await checkClassifier(model);
    } catch (error) {
      model.dispose();
      throw new Error(`the pretrained model does not fit the classifier: ${describe(error)}`, { cause: error });
    }
    // The model card, written from the training run's own history, wins over anything in model.json.
    const metadata = readModelMetadata({ ...model.getUserDefinedMetadata(), ...card });
    const parsedCard = card === null ? null : parseModelCard(card);
    const trainedWith = parsedCard?.ok ? parsedCard.card.lab.hyperparameters : undefined;
    return { model, metadata, info: { kind: 'pretrained', label: describePretrained(metadata), name: null }, ...(trainedWith ? { trainedWith } : {}) };
  }

  /**
   * The pretrained model from `url`, loaded once per engine and shared: the inspector borrows the same
   * copy, so its 15 MB of weights are in memory once. A failed load is forgotten, so that asking again
   * (the Retry button) tries again.
   */
  function pretrainedHeld(url: string): Promise<HeldModel> {
    if (!pretrained || pretrained.url !== url) {
      const previous = pretrained;
      const entry = { url, held: loadPretrained(url) };
      pretrained = entry;
      entry.held.catch(() => {
        if (pretrained === entry) pretrained = null;
      });
      void previous?.held.then((held) => held.model.dispose(), () => undefined);
    }
    return pretrained.held;
  }

  async function models(): Promise<ClassifierModels> {
    const held = await pretrained?.held.catch(() => null);
    return { pretrained: held?.info ?? null, pretrainedError, loaded: loaded?.info ?? null };
  }

  /** The model of `kind`, named as it stands now. */
  async function resolve(kind: ClassifierKind): Promise<HeldModel> {
    if (kind === 'pretrained') {
      if (!pretrained) throw new Error('the pretrained model has not been asked for yet');
      return pretrained.held;
    }
    if (kind === 'loaded') {
      if (!loaded) throw new Error('no model has been loaded: load one from your library, or drop a model.json with its weights');
      return loaded;
    }
    const view = options.trainedModel();
    if (!view) throw new Error('no model is being trained in this session: start a run in the Train area, or choose another model');
    const facts = { epochsDone: view.position.epoch, batch: view.position.batch, valAccuracy: view.lastEpoch?.valAccuracy ?? null, validationImages: view.validationImages, classCount: view.classNames.length };
    // A run on your own classes names its outputs: the names go with its answers, into the library and the exports.
    const classNames = ownClassNames(view.classNames);
    const named = classNames ? { classNames } : {};
    return { model: view.model, metadata: { ...readModelMetadata(null), classNames }, info: { kind: 'trained', label: describeTrained(facts), name: null, ...named } };
  }

  async function answer(id: number, kind: ClassifierKind, startMs: number, input: Uint8Array, picture: PictureFacts | null): Promise<void> {
    const held = await resolve(kind);
    const predictStartMs = nowMs();
    const probabilities = await predictProbabilities(held.model, input);
    const done = nowMs();
    const result: ClassifyAnswer = { input, probabilities: Array.from(probabilities), model: held.info, picture, predictMs: done - predictStartMs, totalMs: done - startMs };
    emit({ type: 'classify-answer', id, answer: result });
  }

  /** Check a candidate and make it the loaded model; a refused one is freed and changes nothing. */
  async function adopt(model: tf.LayersModel, name: string, origin: 'library' | 'files', metadata: ModelMetadata): Promise<void> {
    try {
      await checkClassifier(model, classNamesOf(metadata).length);
    } catch (error) {
      model.dispose();
      throw error;
    }
    const previous = loaded;
    const named = metadata.classNames ? { classNames: metadata.classNames } : {};
    loaded = { model, metadata, info: { kind: 'loaded', label: describeLoaded(name, origin, metadata), name, ...named } };
    previous?.model.dispose();
  }

  async function buildChecked(artifacts: StoredArtifacts): Promise<tf.LayersModel> {
    const declared = declaredInputShape(artifacts.modelTopology);
    const problem = declared && classifierShapeProblem([declared], [[null, 10]]);
    if (problem) throw new ModelRejectedError(problem);
    try {
      return await modelFromArtifacts(artifacts);
    } catch (error) {
      throw new ModelRejectedError(describeBuildFailure(describe(error)), { cause: error });
    }
  }

  async function handle(command: ClassifyCommand): Promise<void> {
    const startMs = nowMs();
    switch (command.type) {
      case 'classify-prepare': {
        try {
          await pretrainedHeld(command.modelUrl);
          pretrainedError = null;
        } catch (error) {
          pretrainedError = describe(error);
        }
        emit({ type: 'classify-models', id: command.id, models: await models() });
        return;
      }
      case 'classify-image': {
        const decoded = await decode(command.file);
        return answer(command.id, command.model, startMs, decoded.input, decoded.facts);
      }
      case 'classify-pixels':
        if (command.pixels.length !== CIFAR_IMAGE_BYTES) throw new Error(`a CIFAR-10 image is ${CIFAR_IMAGE_BYTES} bytes (32 × 32 × 3), got ${command.pixels.length}`);
        return answer(command.id, command.model, startMs, command.pixels, null);
      case 'classify-library-list':
        emit({ type: 'classify-library', id: command.id, entries: await library.list() });
        return;
      case 'classify-library-save': {
        const name = validateModelName(command.name);
        if (await library.has(name)) throw new Error(`a model named “${name}” is already in your library: choose another name, or delete that one first`);
        const held = await resolve(command.model);
        // A model of your own classes carries their names, so the library and its exports name its outputs.
        const own = held.metadata.classNames;
        const said = held.info.kind === 'loaded' ? (held.metadata.description ?? held.info.label) : held.info.label;
        const description = own && held.info.kind !== 'loaded' ? `${said}; classes ${own.join(', ')}` : said;
        const classNames = own === null ? {} : { classNames: own };
        const metadata = { description, testAccuracy: held.metadata.testAccuracy, testImages: held.metadata.testImages, ...classNames };
        const artifacts = await captureArtifacts(held.model, metadata);
        await library.save({ name, savedAt: new Date().toISOString(), description, weightBytes: artifacts.weightData.byteLength }, artifacts);
        emit({ type: 'classify-library', id: command.id, entries: await library.list() });
        return;
      }
      case 'classify-library-load': {
        const artifacts = await library.load(command.name);
        if (!artifacts) throw new Error(`there is no model named “${command.name}” in your library`);
        const metadata = readModelMetadata(artifacts.userDefinedMetadata);
        await adopt(await buildChecked(artifacts), command.name, 'library', metadata).catch(refusal(`“${command.name}”`));
        emit({ type: 'classify-models', id: command.id, models: await models() });
        return;
      }
      case 'classify-library-delete':
        await library.delete(command.name);
        emit({ type: 'classify-library', id: command.id, entries: await library.list() });
        return;
      case 'classify-library-export':
        emit({ type: 'classify-files', id: command.id, files: await libraryFiles(command.name) });
        return;
      case 'classify-keras-bundle': {
        const source = command.source;
        const baseName = fileSafeName(source.kind === 'library' ? source.name : source.model === 'pretrained' ? 'cifar10-tutorial' : source.model === 'trained' ? 'my-run' : (loaded?.info.name ?? 'model'));
        const held = source.kind === 'model' ? await resolve(source.model) : null;
        // A model of your own classes keeps their names in its model.json and its train.py.
        const classNames = held?.metadata.classNames ?? null;
        const files = held === null ? await libraryFiles(source.kind === 'library' ? source.name : '') : artifactsToFiles(await captureArtifacts(held.model, classNames ? { classNames } : {}), baseName);
        const settings = command.settings ?? held?.trainedWith ?? null;
        emit({ type: 'classify-files', id: command.id, files: [await kerasBundle(files, { title: command.title, settings, baseName })] });
        return;
      }
      case 'classify-load-files': {
        const { artifacts, modelFileName } = await artifactsFromFiles(command.files);
        const metadata = readModelMetadata(artifacts.userDefinedMetadata);
        await buildChecked(artifacts)
          .then((model) => adopt(model, modelFileName, 'files', metadata))
          .catch(refusal(modelFileName));
        emit({ type: 'classify-models', id: command.id, models: await models() });
        return;
      }
    }
  }

  /** The saved model `name` as the two files of the tfjs layers format. */
  async function libraryFiles(name: string): Promise<NamedBlob[]> {
    const artifacts = await library.load(name);
    if (!artifacts) throw new Error(`there is no model named “${name}” in your library`);
    return artifactsToFiles(artifacts, fileSafeName(name));
  }

  /** Turn a model's refusal into a sentence that names it and says the current model stays. */
  function refusal(what: string): (error: unknown) => never {
    return (error) => {
      if (!(error instanceof ModelRejectedError)) throw error;
      throw new Error(`${what} was not loaded: ${error.message}. Nothing changed: the model that answered before still answers.`);
    };
  }

  return {
    handle: (command) =>
      handle(command).catch((error: unknown) => {
        emit({ type: 'classify-error', id: command.id, message: describe(error) });
      }),
    pretrainedModel: (url) => pretrainedHeld(url).then((held) => held.model),
    borrowModel: (kind) => resolve(kind).then(({ model, info }) => ({ model, info })),
  };
}

/** A library name as a file name: letters, digits, dot, dash and underscore kept; the rest become "-". */
export function fileSafeName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return safe === '' ? 'model' : safe;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
