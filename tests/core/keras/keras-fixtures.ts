/**
 * Labs and snippets the Keras code tests share: the tutorial's program as a reader copies it from the
 * page (one statement a line, in the tutorial's order), and labs that exercise every branch of the
 * generated code.
 */
import { DEFAULT_HYPERPARAMETERS, type TrainingHyperparameters } from '../../../src/core/training/hyperparameters';
import type { KerasLab } from '../../../src/core/keras/keras-code';
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../../../src/core/model/model-spec';

/** The tutorial's Keras program, its lines as printed there (including its `u.` typo and its print format). */
export const TUTORIAL_SNIPPET = `import numpy as np
import pandas as pd
from keras.optimizers import SGD
from keras.datasets import cifar10
from keras.models import Sequential
from keras.utils import np_utils as utils
from keras.layers import Dropout, Dense, Flatten
from keras.layers.convolutional import Conv2D, MaxPooling2D

(X, y), (X_test, y_test) = cifar10.load_data()
X_test
X, X_test = X.astype('float32')/255.0, X_test.astype('float32')/255.0
y, y_test = utils.to_categorical(y, 10), u.to_categorical(y_test, 10)
model = Sequential()
model.add(Conv2D(32, (3, 3), input_shape=(32, 32, 3), padding='same', activation='relu'))
model.add(Dropout(0.2))
model.add(Conv2D(32, (3, 3), activation='relu', padding='valid'))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(512, activation='relu'))
model.add(Dropout(0.3))
model.add(Dense(10, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer=SGD(momentum=0.5, decay=0.0004), metrics=['accuracy'])
model.fit(X, y, validation_data=(X_test, y_test), epochs=25, batch_size=512)
print("Accuracy: &2.f%%" %(model.evaluate(X_test, y_test)[1]*100))
`;

/** The tutorial's early-stopping lines. */
export const TUTORIAL_EARLY_STOPPING = `from keras.callbacks import EarlyStopping
earlystop = EarlyStopping(monitor = 'val_loss', min_delta = 0, patience = 3, verbose = 1, restore_best_weights = True)
`;

/** The tutorial's lab with the app's classroom subsets. */
export const TUTORIAL_LAB: KerasLab = { modelSpec: DEFAULT_MODEL_SPEC, settings: { ...DEFAULT_HYPERPARAMETERS, trainSubset: 1000, validationSubset: 500 } };

const OTHER_MODEL: ModelSpec = {
  layers: [
    { type: 'Conv2D', filters: 16, kernelSize: [5, 3], strides: 2, padding: 'valid', activation: 'tanh' },
    { type: 'AveragePooling2D', poolSize: 3, strides: [2, 1], padding: 'same' },
    { type: 'MaxPooling2D', poolSize: [2, 2], strides: null, padding: 'valid' },
    { type: 'Dropout', rate: 0.125 },
    { type: 'Flatten' },
    { type: 'Dense', units: 64, activation: 'sigmoid' },
    { type: 'Dense', units: 10, activation: 'softmax' },
  ],
};

const settings = (patch: Partial<TrainingHyperparameters>): TrainingHyperparameters => ({ ...DEFAULT_HYPERPARAMETERS, ...patch });

/** Labs covering each branch: Adam without decay, early stopping on accuracy, augmentation, all data, unusual layers. */
export const VARIED_LABS: readonly KerasLab[] = [
  TUTORIAL_LAB,
  { modelSpec: OTHER_MODEL, settings: settings({ optimizer: 'adam', learningRate: 0.001, decay: 0, batchSize: 64, epochs: 3, trainSubset: 2048, validationSubset: 256, seed: 7, augment: true }) },
  {
    modelSpec: DEFAULT_MODEL_SPEC,
    settings: settings({ momentum: 0, decay: 0, learningRate: 0.05, earlyStopping: { enabled: true, monitor: 'val_accuracy', minDelta: 0.001, patience: 2, restoreBestWeights: false } }),
  },
  { modelSpec: OTHER_MODEL, settings: settings({ optimizer: 'adam', learningRate: 3e-4, decay: 1e-5, trainSubset: null, validationSubset: null, earlyStopping: { enabled: true, monitor: 'val_loss', minDelta: 0, patience: 0, restoreBestWeights: true } }) },
];

/** i17's regularisers in one network: batch norm, weight decay and max-norm on conv and dense kernels, stochastic pooling, DropConnect. */
export const REGULARISED_MODEL: ModelSpec = {
  layers: [
    { type: 'Conv2D', filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu', kernelRegularizer: { l2: 0.0005 }, kernelConstraint: { maxNorm: 3 } },
    { type: 'StochasticPooling2D', poolSize: 2, padding: 'valid' },
    { type: 'StochasticPooling2D', poolSize: [3, 2], padding: 'same' },
    { type: 'BatchNormalization' },
    { type: 'Flatten' },
    { type: 'DropConnectDense', units: 32, rate: 0.25, activation: 'relu', kernelConstraint: { maxNorm: 2.5 } },
    { type: 'Dense', units: 10, activation: 'softmax', kernelRegularizer: { l2: 0.001 } },
  ],
};

/** Labs with the one-cycle schedule, label smoothing and Adam's own decay, on the regularised network. */
export const REGULARISED_LABS: readonly KerasLab[] = [
  { modelSpec: REGULARISED_MODEL, settings: settings({ learningRateSchedule: 'one-cycle', learningRate: 0.05, labelSmoothing: 0.1, trainSubset: 2000, validationSubset: 500, epochs: 4, batchSize: 128 }) },
  { modelSpec: REGULARISED_MODEL, settings: settings({ optimizer: 'adam', learningRate: 0.002, decay: 0.0001, labelSmoothing: 0.05 }) },
];
