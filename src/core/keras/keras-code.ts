/**
 * The lab — the network and the training settings on screen — as Keras 3 code and as TensorFlow.js
 * code, one line at a time, each line knowing which control of the Train area it comes from, so the
 * code view can mark the control of a hovered line and the line of a focused control.
 *
 * The Keras text is the "lab" part of the downloadable `train.py` verbatim (keras-script.ts wraps it
 * with the data loading and the command line), so what the code view shows is exactly what runs, and
 * keras-import.ts reads it back into the same lab.
 */
import type { TrainingHyperparameters } from '../training/hyperparameters';
import { layerCode, pythonClassesFor } from './keras-layers';
import { MODEL_INPUT_SHAPE, type ModelSpec } from '../model/model-spec';
import { jsString, numberLiteral, pythonBool, pythonString } from './python-literal';

/** What the code describes: the architecture and the run's settings. */
export interface KerasLab {
  readonly modelSpec: ModelSpec;
  readonly settings: TrainingHyperparameters;
}

/** The settings a line of code can come from, in the names of `TrainingHyperparameters` and its early-stopping fields. */
export type LabSetting =
  | 'seed'
  | 'trainSubset'
  | 'validationSubset'
  | 'batchSize'
  | 'epochs'
  | 'augment'
  | 'optimizer'
  | 'learningRate'
  | 'momentum'
  | 'decay'
  | 'learningRateSchedule'
  | 'labelSmoothing'
  | 'earlyStopping'
  | 'monitor'
  | 'minDelta'
  | 'patience'
  | 'restoreBestWeights';

/** The control a line comes from: a layer of the architecture, or one setting. */
export type CodeLink = { readonly kind: 'layer'; readonly layerIndex: number } | { readonly kind: 'setting'; readonly setting: LabSetting };

/** One line of generated code and the control it comes from (null for lines no control changes). */
export interface CodeLine {
  readonly text: string;
  readonly link: CodeLink | null;
}

/** A stable string for a link, for the store and for `data-` attributes: `layer:3`, `setting:momentum`. */
export function codeLinkKey(link: CodeLink): string {
  return link.kind === 'layer' ? `layer:${link.layerIndex}` : `setting:${link.setting}`;
}

/** The key of layer `layerIndex`'s control. */
export const layerLinkKey = (layerIndex: number): string => codeLinkKey({ kind: 'layer', layerIndex });
/** The key of a setting's control. */
export const settingLinkKey = (setting: LabSetting): string => codeLinkKey({ kind: 'setting', setting });

/** The first line of the lab part of train.py; the importer reads only what lies between the two markers when they are there. */
export const LAB_START_MARKER = "# ==== The lab: what the app's controls set (the code view shows this part) ====";
/** The line after the lab part of train.py. */
export const LAB_END_MARKER = '# ==== End of the lab ====';

const plain = (text: string): CodeLine => ({ text, link: null });
const setting = (name: LabSetting, text: string): CodeLine => ({ text, link: { kind: 'setting', setting: name } });

/**
 * The lab as Keras 3 code: the run's constants, `build_model()`, `compile_model(model)`, `callbacks()`
 * and `fit(…)`. Keras 2's `decay` (which the tutorial and the app apply before every update) is written
 * as Keras 3 writes it, an `InverseTimeDecay` schedule with `decay_steps=1`: lr / (1 + decay · step).
 */
export function kerasLabCode(lab: KerasLab): CodeLine[] {
  const { modelSpec, settings } = lab;
  return [
    plain(LAB_START_MARKER),
    setting('seed', `SEED = ${numberLiteral(settings.seed)}  # weights, dropout, the subsets, the shuffle and the augmentation all start from it`),
    setting('trainSubset', `TRAIN_IMAGES = ${subset(settings.trainSubset)}  # class-balanced, drawn from the seed as the app draws them; None: all 50 000`),
    setting('validationSubset', `VALIDATION_IMAGES = ${subset(settings.validationSubset)}  # test images to validate on after every epoch; None: all 10 000`),
    setting('batchSize', `BATCH_SIZE = ${numberLiteral(settings.batchSize)}`),
    setting('epochs', `EPOCHS = ${numberLiteral(settings.epochs)}`),
    setting('augment', `AUGMENT = ${pythonBool(settings.augment)}  # mirror half the time and shift up to 2 px, new at every step`),
    plain(''),
    plain(''),
    plain('def build_model():'),
    plain(`    model = keras.Sequential([keras.Input(shape=(${MODEL_INPUT_SHAPE.join(', ')}))])`),
    ...modelSpec.layers.map((layer, layerIndex): CodeLine => ({ text: `    model.add(${layerCode(layer).keras(layer as never)})`, link: { kind: 'layer', layerIndex } })),
    plain('    return model'),
    plain(''),
    plain(''),
    plain('def compile_model(model):'),
    ...learningRateLines(settings),
    ...optimizerLines(settings),
    ...compileLines(settings),
    plain(''),
    plain(''),
    plain('def callbacks():'),
    ...callbackLines(settings),
    plain(''),
    plain(''),
    plain('def fit(model, x_train, y_train, x_test, y_test):'),
    plain('    return model.fit('),
    setting('augment', '        AppBatches(x_train, y_train, batch_size=BATCH_SIZE, seed=SEED, augment=AUGMENT),'),
    setting('validationSubset', '        validation_data=(x_test, y_test),'),
    setting('epochs', '        epochs=EPOCHS,'),
    setting('earlyStopping', '        callbacks=callbacks(),'),
    plain('        shuffle=False,  # AppBatches shuffles every epoch as the app does'),
    plain('    )'),
    plain(LAB_END_MARKER),
  ];
}

function subset(value: number | null): string {
  return value === null ? 'None' : numberLiteral(value);
}

function learningRateLines(settings: TrainingHyperparameters): CodeLine[] {
  if (settings.learningRateSchedule === 'one-cycle') {
    // OneCycle is defined at the top of train.py (keras-custom-layers.ts); updates_per_epoch() reads TRAIN_IMAGES and BATCH_SIZE, which main() has set by then.
    return [
      setting('learningRateSchedule', '    # one cycle: up to the peak over the first 30 % of the updates, then down to almost 0'),
      setting('learningRateSchedule', '    learning_rate = OneCycle('),
      setting('learningRate', `        peak_learning_rate=${numberLiteral(settings.learningRate)},`),
      setting('learningRateSchedule', '        total_steps=EPOCHS * updates_per_epoch(),'),
      setting('learningRateSchedule', '    )'),
    ];
  }
  if (settings.decay === 0) return [setting('learningRate', `    learning_rate = ${numberLiteral(settings.learningRate)}`)];
  return [
    setting('decay', `    # Keras 2's decay=${numberLiteral(settings.decay)}: lr / (1 + ${numberLiteral(settings.decay)} × updates so far), before every update`),
    setting('decay', '    learning_rate = keras.optimizers.schedules.InverseTimeDecay('),
    setting('learningRate', `        initial_learning_rate=${numberLiteral(settings.learningRate)},`),
    setting('decay', '        decay_steps=1,'),
    setting('decay', `        decay_rate=${numberLiteral(settings.decay)},`),
    setting('decay', '    )'),
  ];
}

function optimizerLines(settings: TrainingHyperparameters): CodeLine[] {
  if (settings.optimizer === 'adam') {
    return [setting('optimizer', '    optimizer = keras.optimizers.Adam(learning_rate=learning_rate, beta_1=0.9, beta_2=0.999, epsilon=1e-7)')];
  }
  return [
    setting('optimizer', '    optimizer = keras.optimizers.SGD('),
    setting('learningRate', '        learning_rate=learning_rate,'),
    setting('momentum', `        momentum=${numberLiteral(settings.momentum)},`),
    setting('optimizer', '    )'),
  ];
}

/** `model.compile(…)`: the tutorial's loss by name, or Keras' loss object when the labels are smoothed. */
function compileLines(settings: TrainingHyperparameters): CodeLine[] {
  if (settings.labelSmoothing === 0) return [plain('    model.compile(loss="categorical_crossentropy", optimizer=optimizer, metrics=["accuracy"])')];
  return [
    setting('labelSmoothing', `    loss = keras.losses.CategoricalCrossentropy(label_smoothing=${numberLiteral(settings.labelSmoothing)})  # targets y · (1 − ε) + ε / 10`),
    plain('    model.compile(loss=loss, optimizer=optimizer, metrics=["accuracy"])'),
  ];
}

function callbackLines(settings: TrainingHyperparameters): CodeLine[] {
  const stopping = settings.earlyStopping;
  if (!stopping.enabled) return [setting('earlyStopping', '    return []  # early stopping is off')];
  return [
    setting('earlyStopping', '    early_stopping = keras.callbacks.EarlyStopping('),
    setting('monitor', `        monitor=${pythonString(stopping.monitor)},`),
    setting('minDelta', `        min_delta=${numberLiteral(stopping.minDelta)},`),
    setting('patience', `        patience=${numberLiteral(stopping.patience)},`),
    setting('restoreBestWeights', `        restore_best_weights=${pythonBool(stopping.restoreBestWeights)},`),
    setting('earlyStopping', '    )'),
    setting('earlyStopping', '    return [early_stopping]'),
  ];
}

/**
 * The same lab as TensorFlow.js code, as a reader would write it with `model.fit`. The app itself
 * trains with its own loop (uint8 batches, micro-batches, GPU dropout), which computes the same
 * thing; the comments say where tfjs needs help (the decay, restoring the best weights).
 */
export function tfjsLabCode(lab: KerasLab): CodeLine[] {
  const { modelSpec, settings } = lab;
  const stopping = settings.earlyStopping;
  const custom = pythonClassesFor(modelSpec.layers).map((pythonClass) => pythonClass.name);
  const oneCycle = settings.learningRateSchedule === 'one-cycle';
  return [
    plain("import * as tf from '@tensorflow/tfjs';"),
    ...(custom.length > 0 ? [plain(`// ${custom.join(', ')}: the app's own tfjs layers (src/engine/layers), not in tfjs itself`)] : []),
    plain(''),
    plain('const model = tf.sequential();'),
    ...modelSpec.layers.map((layer, layerIndex): CodeLine => {
      const code = layerCode(layer).tfjs(layer as never);
      const withShape = layerIndex === 0 ? code.replace(/\(\{ /, `({ inputShape: [${MODEL_INPUT_SHAPE.join(', ')}], `) : code;
      return { text: `model.add(${withShape});`, link: { kind: 'layer', layerIndex } };
    }),
    plain(''),
    ...(settings.optimizer === 'adam'
      ? [setting('optimizer', `const optimizer = tf.train.adam(${numberLiteral(settings.learningRate)}, 0.9, 0.999, 1e-7);`)]
      : settings.momentum > 0
        ? [setting('momentum', `const optimizer = tf.train.momentum(${numberLiteral(settings.learningRate)}, ${numberLiteral(settings.momentum)});`)]
        : [setting('optimizer', `const optimizer = tf.train.sgd(${numberLiteral(settings.learningRate)});`)]),
    setting('learningRate', `const learningRate = ${numberLiteral(settings.learningRate)};`),
    ...(oneCycle
      ? [setting('learningRateSchedule', `const totalUpdates = ${numberLiteral(settings.epochs)} * Math.ceil(xTrain.shape[0] / ${numberLiteral(settings.batchSize)});  // one cycle: tfjs has no schedules; oneCycleLearningRate is src/core/training/lr-schedule.ts's`)]
      : [setting('decay', `const decay = ${numberLiteral(settings.decay)};  // tfjs has no decay argument: set the rate before every update`)]),
    ...(settings.labelSmoothing === 0
      ? [plain("model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });")]
      : [
          setting('labelSmoothing', `const loss = (yTrue, yPred) => tf.metrics.categoricalCrossentropy(yTrue.mul(${numberLiteral(1 - settings.labelSmoothing)}).add(${numberLiteral(settings.labelSmoothing / 10)}), yPred).mean();  // label smoothing ${numberLiteral(settings.labelSmoothing)}`),
          plain("model.compile({ optimizer, loss, metrics: ['accuracy'] });"),
        ]),
    plain(''),
    plain('let updates = 0;'),
    plain('await model.fit(xTrain, yTrain, {'),
    setting('batchSize', `  batchSize: ${numberLiteral(settings.batchSize)},`),
    setting('epochs', `  epochs: ${numberLiteral(settings.epochs)},`),
    setting('validationSubset', '  validationData: [xTest, yTest],'),
    plain('  shuffle: true,'),
    plain('  callbacks: ['),
    oneCycle
      ? setting('learningRateSchedule', '    { onBatchBegin: () => optimizer.setLearningRate(oneCycleLearningRate(learningRate, updates++, totalUpdates)) },')
      : setting('decay', '    { onBatchBegin: () => optimizer.setLearningRate(learningRate / (1 + decay * updates++)) },'),
    ...(stopping.enabled
      ? [
          setting('earlyStopping', `    tf.callbacks.earlyStopping({ monitor: ${jsString(stopping.monitor === 'val_accuracy' ? 'val_acc' : 'val_loss')}, minDelta: ${numberLiteral(stopping.minDelta)}, patience: ${numberLiteral(stopping.patience)} }),`),
          setting('restoreBestWeights', `    // restore_best_weights=${pythonBool(stopping.restoreBestWeights)}: tfjs's callback cannot; the app keeps the best weights itself`),
        ]
      : [setting('earlyStopping', '    // early stopping is off')]),
    plain('  ],'),
    plain('});'),
    setting('augment', `// augment: ${settings.augment ? 'each batch mirrored half the time and shifted up to 2 px before the step (the app does it on the uint8 pictures)' : 'off'}`),
    setting('trainSubset', `// xTrain: ${settings.trainSubset === null ? 'all 50 000 training images' : `${settings.trainSubset} training images, class-balanced, drawn with seed ${settings.seed}`}; pixels / 255, labels one-hot`),
  ];
}

/** Lines as one text, a newline after each. */
export function codeText(lines: readonly CodeLine[]): string {
  return lines.map((line) => `${line.text}\n`).join('');
}
