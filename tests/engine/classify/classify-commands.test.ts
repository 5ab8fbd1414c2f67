import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CIFAR10_CLASSES } from '../../../src/core/data/cifar-format';
import type { ModelSpec } from '../../../src/core/model/model-spec';
import { createClassifyHandler, fileSafeName, type ClassifyHandler } from '../../../src/engine/classify/classify-commands';
import { artifactsToFiles, captureArtifacts, modelFromArtifacts } from '../../../src/engine/classify/model-artifacts';
import { createMemoryModelLibrary } from '../../../src/engine/classify/model-library';
import type { ClassifyCommand, ClassifyEvent, NamedBlob } from '../../../src/engine/protocol-classify';
import { buildModel } from '../../../src/engine/training/build-model';
import type { TrainedModelView } from '../../../src/engine/training/controller-types';
import { bombPng, pngFile } from '../../e2e/picture-files';
import { TINY_SPEC } from '../training/fixtures';
import { strFromU8, unzipSync } from 'fflate';
import { specForClasses } from '../../../src/core/lab/own-classes-lab';
import { classNamesOf } from '../../../src/core/model/classifier-model';

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

const CAT_LIKE = Uint8Array.from({ length: 3072 }, (_, index) => (index * 31) % 256);
/** A tiny model for 28 × 28 grey pictures: a classifier of another data set, to be refused. */
const GREY_SPEC: ModelSpec = { layers: [{ type: 'Flatten' }, { type: 'Dense', units: 10, activation: 'softmax' }] };

let events: ClassifyEvent[];
let handler: ClassifyHandler;
let trained: TrainedModelView | null;
let nextId: number;
let pretrainedLoads: number;
const owned: tf.LayersModel[] = [];

/** Files of a model in tfjs layers format, named `<base>.json` and `<base>.weights.bin`. */
async function filesOf(model: tf.LayersModel, base: string, metadata: Record<string, unknown> = {}): Promise<NamedBlob[]> {
  return artifactsToFiles(await captureArtifacts(model, metadata), base);
}

function tiny(seed = 1, spec: ModelSpec = TINY_SPEC, classCount = 10): tf.LayersModel {
  const model = buildModel(spec, seed, classCount);
  owned.push(model);
  return model;
}

/** Send a command and return the events it caused. */
async function send(command: Distribute<ClassifyCommand>): Promise<ClassifyEvent[]> {
  const id = nextId++;
  await handler.handle({ ...command, id } as ClassifyCommand);
  return events.filter((event) => event.id === id);
}

async function only<T extends ClassifyEvent['type']>(command: Distribute<ClassifyCommand>, type: T): Promise<Extract<ClassifyEvent, { type: T }>> {
  const caused = await send(command);
  // An unexpected error shows its message in the failure, not only its type.
  expect(caused.map((event) => (event.type === 'classify-error' && type !== 'classify-error' ? `error: ${event.message}` : event.type))).toEqual([type]);
  return caused[0] as Extract<ClassifyEvent, { type: T }>;
}

async function failure(command: Distribute<ClassifyCommand>): Promise<string> {
  return (await only(command, 'classify-error')).message;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

beforeEach(() => {
  events = [];
  nextId = 1;
  trained = null;
  pretrainedLoads = 0;
  handler = createClassifyHandler({
    emit: (event) => events.push(event),
    trainedModel: () => trained,
    library: createMemoryModelLibrary(),
    loadFromUrl: async (url) => {
      pretrainedLoads += 1;
      if (url.endsWith('missing/model.json')) throw new Error('models/missing/model.json could not be fetched (HTTP 404)');
      // model.json's own metadata says one thing; the model card beside it wins.
      return modelFromArtifacts(await captureArtifacts(tiny(7), { testAccuracy: 0.1, testImages: 10 }));
    },
    fetchCard: async (url) => (url.endsWith('cifar10-tutorial/model.json') ? { name: 'Tutorial CNN', testAccuracy: 0.6521, testImages: 10000, epochs: 25 } : null),
  });
});

afterEach(() => {
  for (const model of owned.splice(0)) model.dispose();
});

describe('classify: models and answers', () => {
  test('the pretrained model is loaded once, named with the accuracy its file records, and answers', async () => {
    const models = await only({ type: 'classify-prepare', modelUrl: 'http://app/models/cifar10-tutorial/model.json' }, 'classify-models');
    expect(models.models).toEqual({ pretrained: { kind: 'pretrained', label: 'pretrained tutorial model, 65.2 % on the test set', name: null }, pretrainedError: null, loaded: null });
    await only({ type: 'classify-prepare', modelUrl: 'http://app/models/cifar10-tutorial/model.json' }, 'classify-models');
    expect(pretrainedLoads).toBe(1);

    const { answer } = await only({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'pretrained' }, 'classify-answer');
    expect(answer.model.label).toBe('pretrained tutorial model, 65.2 % on the test set');
    expect(answer.probabilities).toHaveLength(10);
    expect(answer.probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 5);
    expect(Array.from(answer.input)).toEqual(Array.from(CAT_LIKE));
    expect(answer.picture).toBeNull();
  });

  test('the inspector borrows the same pretrained copy: one load for classify-prepare and pretrainedModel', async () => {
    const url = 'http://app/models/cifar10-tutorial/model.json';
    const borrowed = await handler.pretrainedModel(url);
    await only({ type: 'classify-prepare', modelUrl: url }, 'classify-models');
    expect(await handler.pretrainedModel(url)).toBe(borrowed);
    expect(pretrainedLoads).toBe(1);
    await expect(handler.pretrainedModel('http://app/models/missing/model.json')).rejects.toThrow(/HTTP 404/);
  });

  test('a missing pretrained model is reported, classifying with it says why, and asking again retries', async () => {
    const models = await only({ type: 'classify-prepare', modelUrl: 'http://app/models/missing/model.json' }, 'classify-models');
    expect(models.models.pretrained).toBeNull();
    expect(models.models.pretrainedError).toBe('models/missing/model.json could not be fetched (HTTP 404)');
    expect(await failure({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'pretrained' })).toBe('the pretrained model has not been asked for yet');
    await only({ type: 'classify-prepare', modelUrl: 'http://app/models/missing/model.json' }, 'classify-models');
    expect(pretrainedLoads).toBe(2);
  });

  test('the training run’s model answers as “your model, trained here”, with its epoch', async () => {
    expect(await failure({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'trained' })).toMatch(/^no model is being trained in this session/);
    const model = tiny(3);
    trained = {
      model,
      runId: 'run-1',
      classNames: CIFAR10_CLASSES,
      position: { epoch: 2, batch: 0, iteration: 40, batchesPerEpoch: 20, epochs: 5 },
      lastEpoch: { epoch: 1, loss: 1.5, accuracy: 0.4, valLoss: 1.6, valAccuracy: 0.4375, seconds: 3, imagesPerSecond: 100 },
      validationImages: 500,
    };
    const { answer } = await only({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'trained' }, 'classify-answer');
    expect(answer.model).toEqual({ kind: 'trained', label: 'your model, trained here, epoch 2 (43.8 % on 500 validation images)', name: null });
    const direct = tf.tidy(() => (model.predict(tf.tensor4d(Float32Array.from(CAT_LIKE, (v) => v / 255), [1, 32, 32, 3])) as tf.Tensor).dataSync());
    answer.probabilities.forEach((p, index) => expect(p).toBeCloseTo(direct[index] ?? Number.NaN, 6));
  });

  test('a picture is refused by its header before decoding, and the handler answers the next one', async () => {
    const file = (name: string, bytes: Uint8Array, type = ''): NamedBlob => ({ name, data: new Blob([Uint8Array.from(bytes)], { type }) });
    expect(await failure({ type: 'classify-image', file: file('empty.jpg', new Uint8Array(0)), model: 'pretrained' })).toBe('empty.jpg is empty (0 bytes): there is no picture in it.');
    expect(await failure({ type: 'classify-image', file: file('bomb.png', bombPng()), model: 'pretrained' })).toMatch(/^bomb\.png is 20,000 × 20,000 pixels/);
    expect(await failure({ type: 'classify-image', file: file('logo.svg', new TextEncoder().encode('<svg/>'), 'image/svg+xml'), model: 'pretrained' })).toMatch(/SVG drawing/);
    // Node has no picture decoder: past the header check, the handler says so instead of crashing.
    expect(await failure({ type: 'classify-image', file: file('ok.png', pngFile(4, 4, () => [1, 2, 3, 255])), model: 'pretrained' })).toMatch(/has no createImageBitmap or OffscreenCanvas/);
    await only({ type: 'classify-prepare', modelUrl: 'http://app/models/cifar10-tutorial/model.json' }, 'classify-models');
    await only({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'pretrained' }, 'classify-answer');
  });

  test('classify-pixels checks the byte count', async () => {
    expect(await failure({ type: 'classify-pixels', pixels: new Uint8Array(12), model: 'pretrained' })).toBe('a CIFAR-10 image is 3072 bytes (32 × 32 × 3), got 12');
  });
});

describe('classify: loading models from files', () => {
  test('a whole checkpoint folder of npm run train loads through its model.json; two model files are refused', async () => {
    const [json, weights] = await filesOf(tiny(8), 'x');
    const folder: NamedBlob[] = [
      { name: 'model.json', data: (json as NamedBlob).data },
      { name: 'training-state.json', data: new Blob(['{"format":"cnn-playground-training-checkpoint"}']) },
      weights as NamedBlob,
      { name: 'optimizer-e003.bin', data: new Blob([new Uint8Array(16)]) },
    ];
    const { models } = await only({ type: 'classify-load-files', files: folder }, 'classify-models');
    expect(models.loaded?.name).toBe('model.json');
    const twoModels = [
      { name: 'a.json', data: (json as NamedBlob).data },
      { name: 'b.json', data: (json as NamedBlob).data },
    ];
    expect(await failure({ type: 'classify-load-files', files: twoModels })).toBe('Drop one model at a time: a.json and b.json are both model files.');
  });

  test('model.json and its weights load, are checked, and answer as the loaded model', async () => {
    const files = await filesOf(tiny(5), 'tiny', { description: 'a tiny test model' });
    expect(files.map((f) => f.name)).toEqual(['tiny.json', 'tiny.weights.bin']);
    const { models } = await only({ type: 'classify-load-files', files }, 'classify-models');
    expect(models.loaded).toEqual({ kind: 'loaded', label: '“tiny.json” loaded from files (a tiny test model)', name: 'tiny.json' });
    const { answer } = await only({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'loaded' }, 'classify-answer');
    expect(answer.model.kind).toBe('loaded');
  });

  test('a model for other pictures, one without softmax, and mismatched files are refused; the loaded model stays', async () => {
    await only({ type: 'classify-load-files', files: await filesOf(tiny(5), 'good') }, 'classify-models');
    const grey = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [28, 28, 1] }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
    owned.push(grey);
    expect(await failure({ type: 'classify-load-files', files: await filesOf(grey, 'mnist') })).toBe(
      'mnist.json was not loaded: it takes inputs of shape [null, 28, 28, 1], but the classifier feeds 32 × 32 colour pictures, shape [null, 32, 32, 3]. ' +
        'Nothing changed: the model that answered before still answers.',
    );
    const linear = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [32, 32, 3] }), tf.layers.dense({ units: 10, activation: 'linear', kernelInitializer: 'ones' })] });
    owned.push(linear);
    expect(await failure({ type: 'classify-load-files', files: await filesOf(linear, 'logits') })).toMatch(/^logits\.json was not loaded: its outputs are not probabilities .* its last layer must use softmax\. Nothing changed/);
    const hundred = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [32, 32, 3] }), tf.layers.dense({ units: 100, activation: 'softmax' })] });
    owned.push(hundred);
    expect(await failure({ type: 'classify-load-files', files: await filesOf(hundred, 'cifar100') })).toMatch(/outputs of shape \[null, 100\]/);

    const [json, weights] = await filesOf(tiny(6), 'half');
    expect(await failure({ type: 'classify-load-files', files: [json as NamedBlob] })).toBe('half.json names the weights file half.weights.bin, which was not dropped with it: select both files together.');
    const cut = { name: 'half.weights.bin', data: (weights as NamedBlob).data.slice(0, 100) };
    expect(await failure({ type: 'classify-load-files', files: [json as NamedBlob, cut] })).toMatch(/^half\.weights\.bin holds 100 bytes, but half\.json lists weights of \d+ bytes/);
    expect(await failure({ type: 'classify-load-files', files: [cut] })).toMatch(/^No model\.json among half\.weights\.bin/);

    const { answer } = await only({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'loaded' }, 'classify-answer');
    expect(answer.model.label).toBe('“good.json” loaded from files');
  });

  test('a model refused by its declared input shape is refused before tfjs builds it', async () => {
    const grey = buildModel(GREY_SPEC, 1);
    owned.push(grey);
    // buildModel gives every spec the 32 × 32 × 3 input; make the file declare 28 × 28 × 1 as MNIST's would.
    const [json, weights] = await filesOf(grey, 'g');
    const text = (await (json as NamedBlob).data.text()).replace('"batch_input_shape":[null,32,32,3]', '"batch_input_shape":[null,28,28,1]');
    expect(await failure({ type: 'classify-load-files', files: [{ name: 'g.json', data: new Blob([text]) }, weights as NamedBlob] })).toMatch(/inputs of shape \[null, 28, 28, 1\]/);
  });

  test('a model with a layer tfjs does not know gets a plain message, not tfjs’s registerClass advice (issue 16, case 7)', async () => {
    const [json, weights] = await filesOf(tiny(2), 'custom');
    const text = (await (json as NamedBlob).data.text()).replace('"class_name":"Flatten"', '"class_name":"MyAttention"');
    expect(text).toContain('MyAttention');
    const message = await failure({ type: 'classify-load-files', files: [{ name: 'custom.json', data: new Blob([text]) }, weights as NamedBlob] });
    expect(message).toBe(
      'custom.json was not loaded: it uses a layer TensorFlow.js does not know, “MyAttention” (a custom layer, perhaps written in Python), so it cannot run here. Models made of the usual Keras layers — Conv2D, pooling, Dropout, Flatten, Dense and the like — load. Nothing changed: the model that answered before still answers.',
    );
    expect(message).not.toMatch(/registerClass|Python, in which case/);
  });
});

describe('classify: the model library', () => {
  test('save, refuse a taken name, export as files that load back, load by name, delete', async () => {
    await only({ type: 'classify-prepare', modelUrl: 'http://app/models/cifar10-tutorial/model.json' }, 'classify-models');
    expect((await only({ type: 'classify-library-list' }, 'classify-library')).entries).toEqual([]);
    const saved = await only({ type: 'classify-library-save', name: '  tutorial copy ', model: 'pretrained' }, 'classify-library');
    expect(saved.entries).toHaveLength(1);
    expect(saved.entries[0]).toMatchObject({ name: 'tutorial copy', description: 'pretrained tutorial model, 65.2 % on the test set' });
    expect(saved.entries[0]?.weightBytes).toBe(tiny(1).countParams() * 4);
    expect(await failure({ type: 'classify-library-save', name: 'tutorial copy', model: 'pretrained' })).toMatch(/^a model named “tutorial copy” is already in your library/);
    expect(await failure({ type: 'classify-library-save', name: ' ', model: 'pretrained' })).toBe('a model name must not be empty');

    const exported = await only({ type: 'classify-library-export', name: 'tutorial copy' }, 'classify-files');
    expect(exported.files.map((file) => file.name)).toEqual(['tutorial-copy.json', 'tutorial-copy.weights.bin']);
    const modelJson = JSON.parse(await (exported.files[0] as NamedBlob).data.text()) as { weightsManifest: { paths: string[] }[]; userDefinedMetadata: unknown };
    expect(modelJson.weightsManifest[0]?.paths).toEqual(['tutorial-copy.weights.bin']);
    expect(modelJson.userDefinedMetadata).toEqual({ description: 'pretrained tutorial model, 65.2 % on the test set', testAccuracy: 0.6521, testImages: 10000 });
    const fromFiles = await only({ type: 'classify-load-files', files: exported.files }, 'classify-models');
    expect(fromFiles.models.loaded?.label).toBe('“tutorial-copy.json” loaded from files (pretrained tutorial model, 65.2 % on the test set)');

    const fromLibrary = await only({ type: 'classify-library-load', name: 'tutorial copy' }, 'classify-models');
    expect(fromLibrary.models.loaded?.label).toBe('“tutorial copy” from your library (pretrained tutorial model, 65.2 % on the test set)');
    const pretrainedAnswer = (await only({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'pretrained' }, 'classify-answer')).answer;
    const loadedAnswer = (await only({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'loaded' }, 'classify-answer')).answer;
    loadedAnswer.probabilities.forEach((p, index) => expect(p).toBeCloseTo(pretrainedAnswer.probabilities[index] ?? Number.NaN, 6));

    expect((await only({ type: 'classify-library-delete', name: 'tutorial copy' }, 'classify-library')).entries).toEqual([]);
    expect(await failure({ type: 'classify-library-load', name: 'tutorial copy' })).toBe('there is no model named “tutorial copy” in your library');
    expect(await failure({ type: 'classify-library-export', name: 'tutorial copy' })).toBe('there is no model named “tutorial copy” in your library');
  });

  test('a model of your own classes keeps their names: in its answers, in the library, loaded back, and in Download for Keras', async () => {
    const model = tiny(5, specForClasses(TINY_SPEC, 3), 3);
    trained = {
      model,
      runId: 'run-own',
      classNames: ['apple', 'banana', 'cherry'],
      position: { epoch: 3, batch: 0, iteration: 9, batchesPerEpoch: 3, epochs: 15 },
      lastEpoch: { epoch: 2, loss: 0.5, accuracy: 0.9, valLoss: 0.6, valAccuracy: 0.75, seconds: 1, imagesPerSecond: 100 },
      validationImages: 12,
    };
    const { answer } = await only({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'trained' }, 'classify-answer');
    expect(answer.probabilities).toHaveLength(3);
    expect(answer.model.classNames).toEqual(['apple', 'banana', 'cherry']);
    expect(classNamesOf(answer.model)).toEqual(['apple', 'banana', 'cherry']);

    const saved = await only({ type: 'classify-library-save', name: 'fruit', model: 'trained' }, 'classify-library');
    expect(saved.entries[0]?.description).toBe('your model, trained here, epoch 3 (75.0 % on 12 validation images); classes apple, banana, cherry');
    const exported = await only({ type: 'classify-library-export', name: 'fruit' }, 'classify-files');
    const modelJson = JSON.parse(await (exported.files[0] as NamedBlob).data.text()) as { userDefinedMetadata: { classNames?: unknown } };
    expect(modelJson.userDefinedMetadata.classNames).toEqual(['apple', 'banana', 'cherry']);
    // Three outputs are right for a model that names three classes.
    const fromLibrary = await only({ type: 'classify-library-load', name: 'fruit' }, 'classify-models');
    expect(fromLibrary.models.loaded?.classNames).toEqual(['apple', 'banana', 'cherry']);
    expect((await only({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'loaded' }, 'classify-answer')).answer.model.classNames).toEqual(['apple', 'banana', 'cherry']);
    // The same three outputs without names are no CIFAR-10 classifier.
    const unnamed = await filesOf(model, 'unnamed');
    expect(await failure({ type: 'classify-load-files', files: unnamed })).toMatch(/the classifier needs 10 probabilities/);

    const bundle = await only({ type: 'classify-keras-bundle', source: { kind: 'model', model: 'trained' }, title: 'your run', settings: null }, 'classify-files');
    const entries = unzipSync(new Uint8Array(await (bundle.files[0] as NamedBlob).data.arrayBuffer()));
    expect(strFromU8(entries['my-run-keras/train.py'] ?? new Uint8Array())).toContain('CLASS_NAMES = ["apple", "banana", "cherry"]');
    const bundledJson = JSON.parse(strFromU8(entries['my-run-keras/my-run.json'] ?? new Uint8Array())) as { userDefinedMetadata: { classNames?: unknown } };
    expect(bundledJson.userDefinedMetadata.classNames).toEqual(['apple', 'banana', 'cherry']);
  });

  test('answering and refusing leak no tensors', async () => {
    await only({ type: 'classify-prepare', modelUrl: 'http://app/models/cifar10-tutorial/model.json' }, 'classify-models');
    await only({ type: 'classify-load-files', files: await filesOf(tiny(4), 'a') }, 'classify-models');
    await only({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'loaded' }, 'classify-answer');
    const before = tf.memory().numTensors;
    for (let round = 0; round < 3; round += 1) {
      await only({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'pretrained' }, 'classify-answer');
      await only({ type: 'classify-pixels', pixels: CAT_LIKE, model: 'loaded' }, 'classify-answer');
      const linear = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [32, 32, 3] }), tf.layers.dense({ units: 10 })] });
      const files = await filesOf(linear, 'bad');
      linear.dispose();
      await failure({ type: 'classify-load-files', files });
      // Replacing the loaded model frees the one before.
      const replacement = tiny(10 + round);
      const replacementFiles = await filesOf(replacement, `b${round}`);
      replacement.dispose();
      owned.pop();
      await only({ type: 'classify-load-files', files: replacementFiles }, 'classify-models');
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  test('fileSafeName keeps file names portable', () => {
    expect(fileSafeName('cats & dogs v2')).toBe('cats-dogs-v2');
    expect(fileSafeName('../..')).toBe('model');
  });
});
