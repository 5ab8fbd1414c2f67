import { describe, expect, it } from 'vitest';
import { importKerasSnippet } from '../../src/core/keras/keras-import';
import { DEFAULT_MODEL_SPEC } from '../../src/core/model/model-spec';
import { DEFAULT_HYPERPARAMETER_FORM } from '../../src/state/hyperparameter-form';
import { describeSetupChanges, setupWithImport, type ImportableSetup } from '../../src/state/keras-import-form';
import { DEFAULT_TRAINING_FORM } from '../../src/state/training-form';

const current: ImportableSetup = {
  modelSpec: { layers: [{ type: 'Flatten' }, { type: 'Dense', units: 10, activation: 'softmax' }] },
  hyperparameterForm: { ...DEFAULT_HYPERPARAMETER_FORM, learningRate: '0.3' },
  trainingForm: DEFAULT_TRAINING_FORM,
};

describe('an import as changes to the Train forms', () => {
  it('puts the snippet into the forms as the user would type it, and lists each change', () => {
    const imported = importKerasSnippet(`model = keras.Sequential([keras.Input(shape=(32, 32, 3))])
model.add(layers.Conv2D(32, (3, 3), padding="same", activation="relu"))
model.add(layers.Dropout(0.2))
model.add(layers.Conv2D(32, (3, 3), padding="valid", activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(512, activation="relu"))
model.add(layers.Dropout(0.3))
model.add(layers.Dense(10, activation="softmax"))
TRAIN_IMAGES = 300
VALIDATION_IMAGES = None
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.5))
model.fit(x, y, epochs=2, batch_size=64)`);
    const next = setupWithImport(current, imported);
    expect(next.modelSpec).toEqual(DEFAULT_MODEL_SPEC);
    expect(next.hyperparameterForm).toEqual({ ...DEFAULT_HYPERPARAMETER_FORM, decay: '0' });
    expect(next.trainingForm).toEqual({ ...DEFAULT_TRAINING_FORM, trainSubset: '300', validationSubset: 'all', epochs: '2', batchSize: '64' });
    expect(describeSetupChanges(current, next)).toEqual([
      { label: 'Network', from: '2 layers (Flatten, Dense), 30 730 parameters', to: '8 layers (Conv2D, Dropout, Conv2D, MaxPooling2D, Flatten, Dense, Dropout, Dense), 3 702 186 parameters' },
      { label: 'Learning rate', from: '0.3', to: '0.01' },
      { label: 'Decay', from: '0.0004', to: '0' },
      { label: 'Training images', from: '1000', to: '300' },
      { label: 'Validation images', from: '500', to: 'all' },
      { label: 'Epochs', from: '25', to: '2' },
      { label: 'Batch size', from: '512', to: '64' },
    ]);
  });

  it('changes nothing for a snippet that sets nothing', () => {
    const next = setupWithImport(current, importKerasSnippet('import keras'));
    expect(next).toEqual(current);
    expect(describeSetupChanges(current, next)).toEqual([]);
  });
});
