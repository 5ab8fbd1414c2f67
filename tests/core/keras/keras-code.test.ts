import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { codeLinkKey, codeText, kerasLabCode, LAB_END_MARKER, LAB_START_MARKER, tfjsLabCode } from '../../../src/core/keras/keras-code';
import { KERAS_LAYER_CODE, layerTypeForKerasName, pythonClassesFor } from '../../../src/core/keras/keras-layers';
import { kerasScript } from '../../../src/core/keras/keras-script';
import { analyseModelSpec } from '../../../src/core/model/model-spec-validate';
import { REGULARISED_LABS, REGULARISED_MODEL, TUTORIAL_LAB, VARIED_LABS } from './keras-fixtures';

describe('the Keras code view', () => {
  it("writes the tutorial's layers as the tutorial does, and its decay as Keras 3 writes it", () => {
    const text = codeText(kerasLabCode(TUTORIAL_LAB));
    expect(text).toContain('    model.add(layers.Conv2D(32, (3, 3), padding="same", activation="relu"))\n    model.add(layers.Dropout(0.2))\n');
    expect(text).toContain('    model.add(layers.MaxPooling2D(pool_size=(2, 2)))\n');
    expect(text).toContain('        initial_learning_rate=0.01,\n        decay_steps=1,\n        decay_rate=0.0004,\n');
    expect(text).toContain('        momentum=0.5,\n');
    expect(text).toContain('TRAIN_IMAGES = 1000  #');
    expect(text).toContain('    return []  # early stopping is off\n');
    expect(text.startsWith(`${LAB_START_MARKER}\n`)).toBe(true);
    expect(text.endsWith(`${LAB_END_MARKER}\n`)).toBe(true);
  });

  it('links every layer line to its layer and every setting line to its control', () => {
    const lines = kerasLabCode(VARIED_LABS[2] ?? TUTORIAL_LAB);
    const keys = (text: string): string[] => lines.filter((line) => line.text.includes(text)).map((line) => (line.link ? codeLinkKey(line.link) : 'none'));
    expect(keys('model.add(')).toEqual(TUTORIAL_LAB.modelSpec.layers.map((_, index) => `layer:${index}`));
    expect(keys('momentum=')).toEqual(['setting:momentum']);
    expect(keys('patience=')).toEqual(['setting:patience']);
    expect(keys('monitor=')).toEqual(['setting:monitor']);
    expect(keys('EPOCHS = ')).toEqual(['setting:epochs']);
    expect(keys('learning_rate = 0.05')).toEqual(['setting:learningRate']);
    expect(keys('decay_rate')).toEqual([]);
  });

  it('has no momentum line under Adam, and a plain rate without decay', () => {
    const text = codeText(kerasLabCode(VARIED_LABS[1] ?? TUTORIAL_LAB));
    expect(text).not.toContain('momentum');
    expect(text).toContain('    learning_rate = 0.001\n');
    expect(text).toContain('keras.optimizers.Adam(learning_rate=learning_rate, beta_1=0.9, beta_2=0.999, epsilon=1e-7)');
    expect(text).toContain('layers.Conv2D(16, (5, 3), strides=(2, 2), padding="valid", activation="tanh")');
    expect(text).toContain('layers.AveragePooling2D(pool_size=(3, 3), strides=(2, 1), padding="same")');
  });
});

describe('the TensorFlow.js tab', () => {
  it.each(VARIED_LABS.map((lab, index) => [index, lab] as const))("builds lab %i's network with the same parameters when run", (_, lab) => {
    const lines = tfjsLabCode(lab).map((line) => line.text);
    const modelLines = lines.filter((line) => line.startsWith('const model') || line.startsWith('model.add('));
    const model = new Function('tf', `${modelLines.join('\n')}\nreturn model;`)(tf) as tf.Sequential;
    const analysis = analyseModelSpec(lab.modelSpec);
    expect(analysis.ok && analysis.totalParams).toBe(model.countParams());
    model.dispose();
  });

  it('links the layers and the settings', () => {
    const lines = tfjsLabCode(TUTORIAL_LAB);
    expect(lines.filter((line) => line.link?.kind === 'layer')).toHaveLength(TUTORIAL_LAB.modelSpec.layers.length);
    expect(lines.find((line) => line.text.includes('batchSize:'))?.link).toEqual({ kind: 'setting', setting: 'batchSize' });
    expect(lines.find((line) => line.text.includes('tf.train.momentum(0.01, 0.5)'))?.link).toEqual({ kind: 'setting', setting: 'momentum' });
  });
});

describe('the layer table (where custom layers go)', () => {
  it('knows every layer type by its Keras names, and needs no Python class for the built-in ones', () => {
    for (const [type, code] of Object.entries(KERAS_LAYER_CODE)) for (const name of code.kerasNames) expect(layerTypeForKerasName(`keras.layers.${name}`)).toBe(type);
    expect(layerTypeForKerasName('LayerNormalization')).toBeNull();
    expect(pythonClassesFor(TUTORIAL_LAB.modelSpec.layers)).toEqual([]);
  });

  it('puts the lab part of the code view into train.py verbatim', () => {
    for (const lab of VARIED_LABS) expect(kerasScript(lab, { title: 'x', weightsFile: null })).toContain(codeText(kerasLabCode(lab)));
  });
});

describe('a saved model read back into a spec (Download for Keras)', () => {
  it("reads the shipped pretrained model.json as the tutorial's network", async () => {
    const { readFileSync } = await import('node:fs');
    const { modelSpecFromTopology } = await import('../../../src/core/keras/keras-topology');
    const json = JSON.parse(readFileSync('public/models/cifar10-tutorial/model.json', 'utf8')) as { modelTopology: Record<string, unknown> };
    const reading = modelSpecFromTopology(json.modelTopology);
    expect(reading.ok && analyseModelSpec(reading.spec)).toMatchObject({ ok: true, totalParams: 3_702_186 });
    expect(reading.ok && reading.spec.layers.map((layer) => layer.type)).toEqual(TUTORIAL_LAB.modelSpec.layers.map((layer) => layer.type));
  });

  it('names what it cannot write: a functional model, an unknown layer, a regulariser', async () => {
    const { modelSpecFromTopology } = await import('../../../src/core/keras/keras-topology');
    expect(modelSpecFromTopology({ class_name: 'Functional', config: {} })).toMatchObject({ ok: false, reason: expect.stringContaining('Functional model') });
    const sequential = (layer: Record<string, unknown>) => ({ class_name: 'Sequential', config: { layers: [layer] } });
    expect(modelSpecFromTopology(sequential({ class_name: 'LayerNormalization', config: {} }))).toEqual({ ok: false, reason: 'layer 1 (LayerNormalization) is not a layer the app knows as Keras code' });
    expect(modelSpecFromTopology(sequential({ class_name: 'Dense', config: { units: 10, activation: 'softmax', kernel_regularizer: { class_name: 'L1L2', config: { l1: 0.1, l2: 0 } } } }))).toMatchObject({ ok: false, reason: expect.stringContaining('kernel_regularizer') });
  });
});

describe("i17's regularisers, schedule and label smoothing in the code", () => {
  const [oneCycleLab = TUTORIAL_LAB, adamLab = TUTORIAL_LAB] = REGULARISED_LABS;

  it('writes weight decay and max-norm as Keras arguments, and the custom layers by their classes', () => {
    const text = codeText(kerasLabCode(oneCycleLab));
    expect(text).toContain(
      '    model.add(layers.Conv2D(8, (3, 3), padding="same", activation="relu", kernel_regularizer=keras.regularizers.L2(0.0005), kernel_constraint=keras.constraints.MaxNorm(max_value=3, axis=[0, 1, 2])))\n',
    );
    expect(text).toContain('    model.add(StochasticPooling2D(pool_size=(2, 2)))\n    model.add(StochasticPooling2D(pool_size=(3, 2), padding="same"))\n    model.add(layers.BatchNormalization())\n');
    expect(text).toContain('    model.add(DropConnectDense(32, rate=0.25, activation="relu", kernel_constraint=keras.constraints.MaxNorm(max_value=2.5, axis=0)))\n');
    expect(text).toContain('    model.add(layers.Dense(10, activation="softmax", kernel_regularizer=keras.regularizers.L2(0.001)))\n');
    expect(pythonClassesFor(REGULARISED_MODEL.layers).map((pythonClass) => pythonClass.name)).toEqual(['StochasticPooling2D', 'DropConnectDense']);
  });

  it('writes the one-cycle schedule and label smoothing, linked to their controls', () => {
    const lines = kerasLabCode(oneCycleLab);
    const text = codeText(lines);
    expect(text).toContain('    learning_rate = OneCycle(\n        peak_learning_rate=0.05,\n        total_steps=EPOCHS * updates_per_epoch(),\n    )\n');
    expect(text).not.toContain('InverseTimeDecay');
    expect(text).toContain('    loss = keras.losses.CategoricalCrossentropy(label_smoothing=0.1)');
    expect(text).toContain('    model.compile(loss=loss, optimizer=optimizer, metrics=["accuracy"])\n');
    expect(lines.find((line) => line.text.includes('label_smoothing='))?.link).toEqual({ kind: 'setting', setting: 'labelSmoothing' });
    expect(lines.find((line) => line.text.includes('OneCycle('))?.link).toEqual({ kind: 'setting', setting: 'learningRateSchedule' });
  });

  it("gives Adam its own decay as InverseTimeDecay", () => {
    const text = codeText(kerasLabCode(adamLab));
    expect(text).toContain('        initial_learning_rate=0.002,\n        decay_steps=1,\n        decay_rate=0.0001,\n');
    expect(text).toContain('keras.optimizers.Adam(learning_rate=learning_rate,');
    expect(text).toContain('label_smoothing=0.05');
  });

  it('defines the classes train.py needs before the lab, and OneCycle only when the schedule is used', () => {
    const script = kerasScript(oneCycleLab, { title: 'x', weightsFile: null });
    const lab = script.indexOf(LAB_START_MARKER);
    for (const name of ['class StochasticPooling2D(keras.layers.Layer):', 'class DropConnectDense(keras.layers.Layer):', 'class OneCycle(keras.optimizers.schedules.LearningRateSchedule):']) {
      expect(script.indexOf(name)).toBeGreaterThan(0);
      expect(script.indexOf(name)).toBeLessThan(lab);
    }
    expect(script).toContain(codeText(kerasLabCode(oneCycleLab)));
    expect(kerasScript(adamLab, { title: 'x', weightsFile: null })).not.toContain('class OneCycle');
  });

  it("builds the tfjs tab's network, custom layers included, with the app's parameter count", async () => {
    const { DropConnectDense } = await import('../../../src/engine/layers/drop-connect-dense');
    const { StochasticPooling2D } = await import('../../../src/engine/layers/stochastic-pooling-2d');
    const lines = tfjsLabCode(oneCycleLab).map((line) => line.text);
    expect(lines.join('\n')).toContain('tf.metrics.categoricalCrossentropy(yTrue.mul(0.9).add(0.01), yPred)');
    const modelLines = lines.filter((line) => line.startsWith('const model') || line.startsWith('model.add('));
    const build = new Function('tf', 'DropConnectDense', 'StochasticPooling2D', `${modelLines.join('\n')}\nreturn model;`) as (...args: unknown[]) => tf.Sequential;
    const model = build(tf, DropConnectDense, StochasticPooling2D);
    const analysis = analyseModelSpec(REGULARISED_MODEL);
    expect(analysis.ok && analysis.totalParams).toBe(model.countParams());
    model.dispose();
  });

  it('reads a saved model with these layers back into the same spec (Download for Keras)', async () => {
    const { modelSpecFromTopology } = await import('../../../src/core/keras/keras-topology');
    const { buildModel } = await import('../../../src/engine/training/build-model');
    const model = buildModel(REGULARISED_MODEL, 1);
    const topology = model.toJSON(undefined, false) as unknown as Record<string, unknown>;
    model.dispose();
    const reading = modelSpecFromTopology(topology);
    expect(reading).toEqual({ ok: true, spec: REGULARISED_MODEL });
  });
});
