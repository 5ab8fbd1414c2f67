import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../../../src/core/training/hyperparameters';
import { codeText, kerasLabCode, type KerasLab } from '../../../src/core/keras/keras-code';
import { applyKerasImport, importKerasSnippet } from '../../../src/core/keras/keras-import';
import { kerasScript } from '../../../src/core/keras/keras-script';
import { DEFAULT_MODEL_SPEC, sizePair, type LayerSpec, type ModelSpec } from '../../../src/core/model/model-spec';
import { EDITABLE_LAYER_TYPES } from '../../../src/core/model/model-spec-edit';
import { analyseModelSpec } from '../../../src/core/model/model-spec-validate';
import { REGULARISED_LABS, TUTORIAL_EARLY_STOPPING, TUTORIAL_LAB, TUTORIAL_SNIPPET, VARIED_LABS } from './keras-fixtures';

/** Sizes written as one number when square, so [3, 3] and 3 compare equal. */
function normalise(spec: ModelSpec): ModelSpec {
  const square = (size: number | readonly [number, number]): number | readonly [number, number] => {
    const [rows, cols] = sizePair(size);
    return rows === cols ? rows : [rows, cols];
  };
  return {
    layers: spec.layers.map((layer): LayerSpec => {
      if (layer.type === 'Conv2D') return { ...layer, kernelSize: square(layer.kernelSize), strides: square(layer.strides) };
      if (layer.type === 'MaxPooling2D' || layer.type === 'AveragePooling2D') return { ...layer, poolSize: square(layer.poolSize), strides: layer.strides === null ? null : square(layer.strides) };
      return layer;
    }),
  };
}

/** A lab unlike every test lab, to import into (so nothing passes by staying as it was). */
const ELSEWHERE: KerasLab = {
  modelSpec: { layers: [{ type: 'Flatten' }, { type: 'Dense', units: 10, activation: 'softmax' }] },
  settings: { ...DEFAULT_HYPERPARAMETERS, optimizer: 'adam', learningRate: 0.5, momentum: 0.9, decay: 0.1, batchSize: 3, epochs: 99, trainSubset: 5, validationSubset: 6, seed: 42, augment: true, learningRateSchedule: 'one-cycle', labelSmoothing: 0.3, earlyStopping: { enabled: true, monitor: 'val_accuracy', minDelta: 0.5, patience: 9, restoreBestWeights: false } },
};

describe('importing the tutorial', () => {
  it("gives the tutorial's model (3 702 186 parameters) and its settings, and names what it leaves to the app", () => {
    const imported = importKerasSnippet(TUTORIAL_SNIPPET);
    expect(imported.blockedBy).toEqual([]);
    expect(imported.modelSpec).toEqual(normalise(DEFAULT_MODEL_SPEC));
    const analysis = analyseModelSpec(imported.modelSpec ?? { layers: [] });
    expect(analysis.ok && analysis.totalParams).toBe(3_702_186);
    expect(imported.settings).toEqual({ optimizer: 'sgd', learningRate: 0.01, momentum: 0.5, decay: 0.0004, learningRateSchedule: 'decay', labelSmoothing: 0, batchSize: 512, epochs: 25, earlyStopping: { enabled: false } });
    expect(imported.lines.filter((line) => line.outcome === 'unusable')).toEqual([]);
    const loading = imported.lines.find((line) => line.text.includes('load_data'));
    expect(loading).toMatchObject({ line: 10, outcome: 'same' });
    expect(imported.lines.find((line) => line.text.startsWith('model.compile'))).toMatchObject({ line: 23, outcome: 'used', detail: 'SGD, learning rate 0.01, momentum 0.5, decay 0.0004' });
  });

  it('applied to another lab, gives the tutorial lab (its subsets stay as chosen)', () => {
    const lab = applyKerasImport(ELSEWHERE, importKerasSnippet(TUTORIAL_SNIPPET));
    expect(lab.modelSpec).toEqual(DEFAULT_MODEL_SPEC);
    expect(lab.settings).toEqual({ ...ELSEWHERE.settings, optimizer: 'sgd', learningRate: 0.01, momentum: 0.5, decay: 0.0004, learningRateSchedule: 'decay', labelSmoothing: 0, batchSize: 512, epochs: 25, earlyStopping: { ...ELSEWHERE.settings.earlyStopping, enabled: false } });
  });

  it('takes the early-stopping settings from EarlyStopping(…), on only when fit is given it', () => {
    const notPassed = importKerasSnippet(TUTORIAL_SNIPPET + TUTORIAL_EARLY_STOPPING);
    expect(notPassed.settings.earlyStopping).toEqual({ enabled: false, monitor: 'val_loss', minDelta: 0, patience: 3, restoreBestWeights: true });
    const passed = importKerasSnippet(TUTORIAL_EARLY_STOPPING + TUTORIAL_SNIPPET.replace('batch_size=512)', 'batch_size=512, callbacks=[earlystop])'));
    expect(passed.settings.earlyStopping?.enabled).toBe(true);
    expect(importKerasSnippet(TUTORIAL_EARLY_STOPPING).settings.earlyStopping?.enabled).toBe(true);
  });
});

describe('lines the app cannot use', () => {
  it('names an unsupported layer, with why, and blocks the import', () => {
    const snippet = TUTORIAL_SNIPPET.replace("model.add(Dropout(0.2))", 'model.add(LayerNormalization())');
    const imported = importKerasSnippet(snippet);
    expect(imported.blockedBy).toHaveLength(1);
    expect(imported.blockedBy[0]).toMatchObject({ line: 16, text: 'model.add(LayerNormalization())', outcome: 'unusable' });
    expect(imported.blockedBy[0]?.detail).toBe(`LayerNormalization is not a layer the app can train; it trains ${EDITABLE_LAYER_TYPES.join(', ')}`);
  });

  it.each([
    ["model.add(Conv2D(32, (3, 3), dilation_rate=2, activation='relu'))", 'Conv2D: the app trains only with dilation_rate=1, got 2'],
    ["model.add(Dense(10, activation='elu'))", "Dense: activation 'elu' is not one the app has (relu, softmax, linear, sigmoid, tanh)"],
    ["model.add(Conv2D(32, (3, 3), kernel_regularizer=l1(0.01)))", 'Conv2D: kernel_regularizer l1(…): the app has weight decay, L2(factor), only'],
    ["model.add(Dense(10, kernel_constraint=MaxNorm(3, axis=1)))", "Dense: MaxNorm axis 1: the app measures each unit's incoming weights, axis=0"],
    ['model.add(StochasticPooling2D(pool_size=2, strides=1))', "StochasticPooling2D: strides must equal pool_size (the app's stochastic pooling windows do not overlap), got 1"],
    ["model.add(Activation('relu'))", "Activation as a layer: give the layer before it activation='…' instead"],
    ['model.add(Conv2D(8, 3, input_shape=(28, 28, 1)))', "input shape (28, 28, 1): the app's network takes CIFAR-10's 32 × 32 × 3 pictures"],
    ['x = Dense(10)(x)', 'a layer called on a tensor (the functional API); the app reads Sequential models: model.add(…)'],
    ['model.add(layers.RandomFlip("horizontal"))', 'RandomFlip is augmentation, which the app sets with its Augment checkbox (AUGMENT = True): mirror half the time, shift up to 2 px'],
  ])('%s', (line, detail) => {
    const imported = importKerasSnippet(line);
    expect(imported.blockedBy.map((blocked) => blocked.detail)).toEqual([detail]);
  });

  it.each([
    ["model.compile(loss='mse', optimizer='sgd')", "loss 'mse': the app trains with categorical cross-entropy on one-hot labels"],
    ['model.compile(loss="categorical_crossentropy", optimizer=RMSprop(0.001))', 'optimizer RMSprop(…): the app trains with SGD or Adam'],
    ['model.compile(optimizer=SGD(0.1, nesterov=True))', 'the app trains only with nesterov=False, got True'],
    ['model.fit(X, y, validation_split=0.2, epochs=3)', 'validation_split: the app validates on CIFAR-10 test images, never on part of the training images'],
    ['model.compile(optimizer=SGD(learning_rate=InverseTimeDecay(0.01, decay_steps=100, decay_rate=0.5)))', 'InverseTimeDecay with decay_steps=100: the app decays at every update (decay_steps=1)'],
    ['for epoch in range(3):', 'the importer does not follow this statement (only plain calls and assignments are read)'],
  ])('names a settings line it cannot use without blocking: %s', (line, detail) => {
    const imported = importKerasSnippet(line);
    expect(imported.blockedBy).toEqual([]);
    expect(imported.lines.map((entry) => entry.detail)).toEqual([detail]);
    expect(imported.settings).toEqual({});
  });

  it('reads Keras defaults where arguments are left out, and Adam keeps the momentum field', () => {
    expect(importKerasSnippet("model.compile(loss='categorical_crossentropy', optimizer='adam')").settings).toEqual({ optimizer: 'adam', learningRate: 0.001, decay: 0, learningRateSchedule: 'decay', labelSmoothing: 0 });
    expect(importKerasSnippet('model.fit(X, y)').settings).toEqual({ batchSize: 32, epochs: 1, earlyStopping: { enabled: false } });
    expect(importKerasSnippet('keras.utils.set_random_seed(5)').settings).toEqual({ seed: 5 });
  });

  it('reads a Sequential list, lr= (Keras 2) and a name bound to the optimiser', () => {
    const imported = importKerasSnippet(`opt = keras.optimizers.SGD(lr=0.1,
    momentum=0.9)
model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    keras.layers.Flatten(),
    keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer=opt, loss=keras.losses.CategoricalCrossentropy())`);
    expect(imported.blockedBy).toEqual([]);
    expect(imported.modelSpec).toEqual({ layers: [{ type: 'Flatten' }, { type: 'Dense', units: 10, activation: 'softmax' }] });
    expect(imported.settings).toEqual({ optimizer: 'sgd', learningRate: 0.1, momentum: 0.9, decay: 0, learningRateSchedule: 'decay', labelSmoothing: 0 });
    expect(imported.lines.map((line) => line.line)).toEqual([1, 3, 8]);
  });
});

describe('round trip: the code view and train.py read back into the same lab', () => {
  it.each([...VARIED_LABS, ...REGULARISED_LABS].map((lab, index) => [index, lab] as const))('lab %i', (_, lab) => {
    for (const text of [codeText(kerasLabCode(lab)), kerasScript(lab, { title: 'a test lab', weightsFile: null })]) {
      const imported = importKerasSnippet(text);
      expect(imported.lines.filter((line) => line.outcome === 'unusable')).toEqual([]);
      const back = applyKerasImport(ELSEWHERE, imported);
      expect(normalise(back.modelSpec)).toEqual(normalise(lab.modelSpec));
      const expected = {
        ...lab.settings,
        // Adam has no momentum: the field keeps what it was; with early stopping off, so do its numbers.
        momentum: lab.settings.optimizer === 'adam' ? ELSEWHERE.settings.momentum : lab.settings.momentum,
        // Under one cycle the decay is not written (it is not used): the field keeps what it was.
        decay: lab.settings.learningRateSchedule === 'one-cycle' ? ELSEWHERE.settings.decay : lab.settings.decay,
        earlyStopping: lab.settings.earlyStopping.enabled ? lab.settings.earlyStopping : { ...ELSEWHERE.settings.earlyStopping, enabled: false },
      };
      expect(back.settings).toEqual(expected);
    }
  });

  it('reports the lines of train.py where they are in the file', () => {
    const script = kerasScript(TUTORIAL_LAB, { title: 'the tutorial', weightsFile: null });
    const imported = importKerasSnippet(script);
    const epochsLine = script.split('\n').findIndex((line) => line.startsWith('EPOCHS = ')) + 1;
    expect(imported.lines.find((line) => line.text.startsWith('EPOCHS'))?.line).toBe(epochsLine);
  });
});
