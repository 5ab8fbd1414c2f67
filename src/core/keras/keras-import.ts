/**
 * Read a pasted Keras snippet — the tutorial's own lines, the code view's text, or a whole `train.py` —
 * into the app's architecture and settings, and say of every line what became of it: used (it set
 * something), the same as the app (imports, loading and scaling CIFAR-10, printing), or unusable, with
 * why. Nothing is applied here: the caller shows the outcome and changes the lab only when the user
 * accepts, and not at all while a layer line is unusable (dropping a layer silently would give another
 * network than the one pasted).
 *
 * The subset read is what the app can train: Sequential models of the layers in keras-layers.ts,
 * `compile` with SGD or Adam (learning rate, momentum, Keras 2's `decay` or Keras 3's
 * `InverseTimeDecay`), `fit` arguments, `EarlyStopping`, and the code view's own constants.
 */
import type { EarlyStoppingSettings, MonitoredMetric, OptimizerName, TrainingHyperparameters } from '../training/hyperparameters';
import { LAB_END_MARKER, LAB_START_MARKER } from './keras-code';
import { KERAS_LAYER_CODE, layerTypeForKerasName, type KerasLayerCode } from './keras-layers';
import { EDITABLE_LAYER_TYPES } from '../model/model-spec-edit';
import { MODEL_INPUT_SHAPE, type LayerSpec, type ModelSpec } from '../model/model-spec';
import { baseName, describeValue, parsePythonSnippet, type PyStatement, type PyValue } from './python-snippet';

/** What became of one statement. */
export interface ImportLine {
  /** 1-based line of the statement's start in the pasted text. */
  readonly line: number;
  readonly text: string;
  /** `used`: it set something; `same`: the app does this already; `unusable`: see `detail`. */
  readonly outcome: 'used' | 'same' | 'unusable';
  /** What it set, or why it changes nothing. */
  readonly detail: string;
  /** True for an unusable layer line: the import cannot be accepted while it is there. */
  readonly blocks: boolean;
}

/** The settings a snippet set; a field it does not mention is absent. */
export type ImportedSettings = Partial<Omit<TrainingHyperparameters, 'earlyStopping'>> & { readonly earlyStopping?: Partial<EarlyStoppingSettings> };

/** The outcome of reading a snippet. */
export interface KerasImport {
  /** The layers it builds, or null when it builds no model (the architecture then stays). */
  readonly modelSpec: ModelSpec | null;
  readonly settings: ImportedSettings;
  /** Every statement, in order. */
  readonly lines: readonly ImportLine[];
  /** The lines that keep the import from being accepted (unusable layers). */
  readonly blockedBy: readonly ImportLine[];
}

/** Keras' defaults where a snippet leaves an argument out. */
const KERAS_DEFAULTS = { sgdLearningRate: 0.01, adamLearningRate: 0.001, fitBatchSize: 32, fitEpochs: 1 } as const;

/** The code view's constants and the settings they set. */
const LAB_CONSTANTS: Readonly<Record<string, 'seed' | 'trainSubset' | 'validationSubset' | 'batchSize' | 'epochs' | 'augment'>> = {
  SEED: 'seed',
  TRAIN_IMAGES: 'trainSubset',
  VALIDATION_IMAGES: 'validationSubset',
  BATCH_SIZE: 'batchSize',
  EPOCHS: 'epochs',
  AUGMENT: 'augment',
};

/** A statement that cannot be used; thrown inside a handler and turned into an `unusable` line. */
class Unusable extends Error {
  constructor(message: string, readonly blocks = false) {
    super(message);
  }
}

/** Read `source`. Never throws: whatever cannot be read is reported on its line. */
export function importKerasSnippet(source: string): KerasImport {
  return new SnippetReader(source).read();
}

/** The lab an accepted import gives: `lab` with the snippet's architecture and settings put in. */
export function applyKerasImport<T extends { readonly modelSpec: ModelSpec; readonly settings: TrainingHyperparameters }>(lab: T, imported: KerasImport): T {
  const { earlyStopping, ...rest } = imported.settings;
  return { ...lab, modelSpec: imported.modelSpec ?? lab.modelSpec, settings: { ...lab.settings, ...rest, earlyStopping: { ...lab.settings.earlyStopping, ...earlyStopping } } };
}

class SnippetReader {
  private readonly env = new Map<string, PyValue>();
  private readonly settings: { -readonly [K in keyof ImportedSettings]: ImportedSettings[K] } = {};
  private readonly lines: ImportLine[] = [];
  private layers: LayerSpec[] | null = null;
  private readonly statements: PyStatement[];
  private readonly lineOffset: number;
  /** The EarlyStopping call seen, and whether a fit passed it in its callbacks. */
  private earlyStopping: EarlyStoppingSettings | null = null;
  private fitSeen = false;
  private fitUsesEarlyStopping = false;

  constructor(source: string) {
    const start = source.indexOf(LAB_START_MARKER);
    const end = source.indexOf(LAB_END_MARKER);
    // A whole train.py: only its lab part is the lab; the rest is the app's own data pipeline.
    const lab = start >= 0 && end > start ? source.slice(start, end) : source;
    this.lineOffset = start >= 0 && end > start ? source.slice(0, start).split('\n').length - 1 : 0;
    this.statements = parsePythonSnippet(lab);
  }

  read(): KerasImport {
    for (const statement of this.statements) {
      const line = statement.line + this.lineOffset;
      try {
        const { outcome, detail } = this.readStatement(statement);
        this.lines.push({ line, text: statement.text, outcome, detail, blocks: false });
      } catch (error) {
        if (!(error instanceof Unusable)) throw error;
        this.lines.push({ line, text: statement.text, outcome: 'unusable', detail: error.message, blocks: error.blocks });
      }
    }
    if (this.earlyStopping !== null) {
      // Passed to fit, it is on; created but left out of a fit that is there, it is off, as in Keras.
      this.settings.earlyStopping = { ...this.earlyStopping, enabled: this.fitSeen ? this.fitUsesEarlyStopping : true };
    } else if (this.fitSeen) {
      // A fit without EarlyStopping trains every epoch; the other early-stopping fields stay as they are.
      this.settings.earlyStopping = { enabled: false };
    }
    const modelSpec = this.layers === null ? null : { layers: this.layers };
    return { modelSpec, settings: { ...this.settings }, lines: this.lines, blockedBy: this.lines.filter((line) => line.blocks) };
  }

  private readStatement(statement: PyStatement): { outcome: ImportLine['outcome']; detail: string } {
    switch (statement.kind) {
      case 'import':
        return same('an import');
      case 'other':
        if (/^def\b/.test(statement.text)) return same('structure only');
        throw new Unusable('the importer does not follow this statement (only plain calls and assignments are read)');
      case 'assign':
        return this.readAssignment(statement.targets, statement.value);
      case 'expression':
        return this.readExpression(statement.value);
      case 'return':
        // The code view's fit() returns model.fit(…); other returns only hand a value back.
        return statement.value?.kind === 'call' && baseName(statement.value.callee) === 'fit' ? this.readFit(statement.value) : same('structure only');
    }
  }

  private readAssignment(targets: readonly string[], value: PyValue): { outcome: ImportLine['outcome']; detail: string } {
    const [target] = targets;
    if (targets.length === 1 && target !== undefined && LAB_CONSTANTS[target] !== undefined) {
      this.env.set(target, value);
      return this.setConstant(target, value);
    }
    if (targets.length === 1 && target !== undefined) this.env.set(target, value);
    if (value.kind === 'call') {
      const name = baseName(value.callee);
      if (name === 'Sequential') return this.startModel(value);
      if (name === 'load_data' || name === 'load_cifar10') return same('loads CIFAR-10: the app has it loaded (how many images to use stays as chosen)');
      if (name === 'to_categorical') return same('one-hot labels: the app makes them');
      if (name === 'app_subset') return this.readSubset(targets, value);
      if (name === 'EarlyStopping') return this.readEarlyStopping(value);
      if (['SGD', 'Adam', 'InverseTimeDecay', 'OneCycle', 'CategoricalCrossentropy'].includes(name)) return used('read where compile uses it');
      if (layerTypeForKerasName(name) !== null) throw new Unusable('a layer called on a tensor (the functional API); the app reads Sequential models: model.add(…)', true);
    }
    const calledFirst = value.kind === 'other' ? /^([\w.]+)\(/.exec(value.text)?.[1] : undefined;
    if (calledFirst !== undefined && (layerTypeForKerasName(calledFirst) !== null || baseName(calledFirst) === 'Input')) {
      throw new Unusable('a layer called on a tensor (the functional API); the app reads Sequential models: model.add(…)', true);
    }
    if (/astype|\/\s*255/.test(describeValue(value))) return same('scales pixels to [0, 1]: the app does it');
    if (value.kind === 'tuple' && value.items.some((item) => item.kind === 'call' && baseName(item.callee) === 'to_categorical')) return same('one-hot labels: the app makes them');
    if (value.kind === 'number' || value.kind === 'string' || value.kind === 'bool' || value.kind === 'none') return same(`a value, read where it is used`);
    throw new Unusable(`nothing in the app is set by ${targets.join(', ')} = ${describeValue(value)}`);
  }

  private readExpression(value: PyValue): { outcome: ImportLine['outcome']; detail: string } {
    if (value.kind === 'name') return same('shows a value');
    if (value.kind !== 'call') throw new Unusable(`${describeValue(value)} sets nothing the app has`);
    const name = baseName(value.callee);
    if (name === 'add') return this.addLayer(value.args[0]);
    if (name === 'compile') return this.readCompile(value);
    if (name === 'fit') return this.readFit(value);
    if (name === 'set_random_seed' || (name === 'seed' && value.callee.includes('random')) || name === 'set_seed') return this.setSeed(value.args[0]);
    if (['print', 'summary', 'evaluate', 'save', 'plot_model'].includes(name)) return same('output only');
    if (name === 'Sequential') return this.startModel(value);
    throw new Unusable(`${value.callee}(…) is not something the app has a control for`);
  }

  // ---- the model ----

  private startModel(call: Extract<PyValue, { kind: 'call' }>): { outcome: 'used'; detail: string } {
    this.layers = [];
    const [first] = call.args;
    const items = first?.kind === 'list' || first?.kind === 'tuple' ? first.items : [];
    const added = items.map((item) => this.readLayer(item));
    for (const layer of added) if (layer !== null) this.layers.push(layer);
    return used(added.length > 0 ? `a Sequential model with ${describeCount(added.filter((layer) => layer !== null).length, 'layer')}` : 'a new Sequential model');
  }

  private addLayer(argument: PyValue | undefined): { outcome: 'used'; detail: string } {
    if (this.layers === null) this.layers = [];
    const layer = this.readLayer(argument);
    if (layer === null) return used('the input: 32 × 32 × 3');
    this.layers.push(layer);
    return used(`layer ${this.layers.length}: ${layer.type}`);
  }

  /** A layer call as a spec; null for an Input of the right shape. */
  private readLayer(argument: PyValue | undefined): LayerSpec | null {
    const value = argument === undefined ? undefined : this.resolve(argument);
    if (value?.kind !== 'call') throw new Unusable(`model.add needs a layer, got ${argument === undefined ? 'nothing' : describeValue(argument)}`, true);
    const name = baseName(value.callee);
    if (name === 'Input' || name === 'InputLayer') {
      checkInputShape(value.kwargs.shape ?? value.kwargs.input_shape ?? value.args[0]);
      return null;
    }
    if (value.kwargs.input_shape !== undefined) checkInputShape(value.kwargs.input_shape);
    if (name === 'RandomFlip' || name === 'RandomTranslation') {
      throw new Unusable(`${name} is augmentation, which the app sets with its Augment checkbox (AUGMENT = True): mirror half the time, shift up to 2 px`, true);
    }
    if (name === 'Activation') throw new Unusable("Activation as a layer: give the layer before it activation='…' instead", true);
    const type = layerTypeForKerasName(name);
    if (type === null) {
      throw new Unusable(`${name} is not a layer the app can train; it trains ${EDITABLE_LAYER_TYPES.join(', ')}`, true);
    }
    const code = KERAS_LAYER_CODE[type] as KerasLayerCode;
    const reading = code.read({ args: value.args.map((item) => this.resolve(item)), kwargs: mapValues(value.kwargs, (item) => this.resolve(item)) }, name);
    if (!reading.ok) throw new Unusable(`${name}: ${reading.reason}`, true);
    return reading.layer;
  }

  // ---- compile, fit, early stopping ----

  private readCompile(call: Extract<PyValue, { kind: 'call' }>): { outcome: 'used'; detail: string } {
    const loss = call.kwargs.loss === undefined ? undefined : this.resolve(call.kwargs.loss);
    const lossName = loss?.kind === 'string' ? loss.value : loss?.kind === 'call' ? baseName(loss.callee) : loss?.kind === 'name' ? baseName(loss.path) : null;
    if (loss !== undefined && !['categorical_crossentropy', 'CategoricalCrossentropy'].includes(lossName ?? '')) {
      throw new Unusable(`loss ${describeValue(loss)}: the app trains with categorical cross-entropy on one-hot labels`);
    }
    // Keras' CategoricalCrossentropy(label_smoothing=ε); by name, the loss smooths nothing.
    const smoothing = loss?.kind === 'call' ? (loss.kwargs.label_smoothing ?? loss.args[1]) : undefined;
    const labelSmoothing = smoothing === undefined ? 0 : readNumber(this.resolve(smoothing), 'label_smoothing', (n) => n >= 0 && n < 1, 'in [0, 1)');
    const optimizer = call.kwargs.optimizer ?? call.args[0];
    if (optimizer === undefined) throw new Unusable('compile without an optimizer: Keras would use RMSprop, which the app does not have');
    const read = this.readOptimizer(this.resolve(optimizer));
    Object.assign(this.settings, read, { labelSmoothing });
    const schedule = read.learningRateSchedule === 'one-cycle' ? ', one-cycle schedule' : `, decay ${read.decay}`;
    return used(`${read.optimizer === 'adam' ? 'Adam' : 'SGD'}, learning rate ${read.learningRate}${read.optimizer === 'sgd' ? `, momentum ${read.momentum}` : ''}${schedule}${labelSmoothing > 0 ? `, label smoothing ${labelSmoothing}` : ''}`);
  }

  /** SGD's momentum is read (0 when left out, as in Keras); Adam leaves the momentum field as it is (it has none). */
  private readOptimizer(value: PyValue): Pick<TrainingHyperparameters, 'optimizer' | 'learningRate' | 'learningRateSchedule'> & { momentum?: number; decay?: number } {
    if (value.kind === 'string') {
      if (value.value === 'sgd') return { optimizer: 'sgd', learningRate: KERAS_DEFAULTS.sgdLearningRate, momentum: 0, decay: 0, learningRateSchedule: 'decay' };
      if (value.value === 'adam') return { optimizer: 'adam', learningRate: KERAS_DEFAULTS.adamLearningRate, decay: 0, learningRateSchedule: 'decay' };
    }
    if (value.kind !== 'call' || !['SGD', 'Adam'].includes(baseName(value.callee))) {
      throw new Unusable(`optimizer ${describeValue(value)}: the app trains with SGD or Adam`);
    }
    const optimizer: OptimizerName = baseName(value.callee) === 'Adam' ? 'adam' : 'sgd';
    const known = optimizer === 'sgd' ? ['learning_rate', 'lr', 'momentum', 'decay', 'nesterov', 'name'] : ['learning_rate', 'lr', 'decay', 'beta_1', 'beta_2', 'epsilon', 'amsgrad', 'name'];
    for (const key of Object.keys(value.kwargs)) if (!known.includes(key)) throw new Unusable(`${value.callee}: the app cannot set ${key}=`);
    const argument = (key: string): PyValue | undefined => {
      const found = value.kwargs[key];
      return found === undefined ? undefined : this.resolve(found);
    };
    requireDefault(argument('nesterov'), 'nesterov', { kind: 'bool', value: false });
    requireDefault(argument('amsgrad'), 'amsgrad', { kind: 'bool', value: false });
    requireDefault(argument('beta_1'), 'beta_1', { kind: 'number', value: 0.9 });
    requireDefault(argument('beta_2'), 'beta_2', { kind: 'number', value: 0.999 });
    requireDefault(argument('epsilon'), 'epsilon', { kind: 'number', value: 1e-7 });
    const rateValue = argument('learning_rate') ?? argument('lr') ?? (value.args[0] === undefined ? undefined : this.resolve(value.args[0]));
    const rate = this.readLearningRate(rateValue, optimizer === 'adam' ? KERAS_DEFAULTS.adamLearningRate : KERAS_DEFAULTS.sgdLearningRate);
    const legacyDecay = argument('decay');
    if (legacyDecay !== undefined && (legacyDecay.kind !== 'number' || legacyDecay.value < 0)) throw new Unusable(`decay must be a number ≥ 0, got ${describeValue(legacyDecay)}`);
    if (legacyDecay?.kind === 'number' && legacyDecay.value > 0 && rate.decay > 0) throw new Unusable('both decay= and a learning-rate schedule: the app has one decay');
    if (legacyDecay?.kind === 'number' && legacyDecay.value > 0 && rate.oneCycle) throw new Unusable('both decay= and the one-cycle schedule: the app uses one or the other');
    // Under one cycle the decay is not used, so the form keeps the one it has.
    const decay = rate.oneCycle ? {} : { decay: legacyDecay?.kind === 'number' ? legacyDecay.value : rate.decay };
    const schedule = { learningRateSchedule: rate.oneCycle ? ('one-cycle' as const) : ('decay' as const), ...decay };
    if (optimizer === 'adam') return { optimizer, learningRate: rate.learningRate, ...schedule };
    const momentumValue = argument('momentum') ?? value.args[1];
    const momentum = momentumValue === undefined ? 0 : readNumber(this.resolve(momentumValue), 'momentum', (n) => n >= 0 && n < 1, 'in [0, 1)');
    return { optimizer, learningRate: rate.learningRate, momentum, ...schedule };
  }

  /**
   * A number, `InverseTimeDecay(lr, decay_steps=1, decay_rate=d)` (Keras 2's decay as Keras 3 writes it),
   * or train.py's `OneCycle(peak_learning_rate=lr, total_steps=…)` (the steps follow from the run's size).
   */
  private readLearningRate(value: PyValue | undefined, fallback: number): { learningRate: number; decay: number; oneCycle?: true } {
    if (value === undefined) return { learningRate: fallback, decay: 0 };
    if (value.kind === 'number') return { learningRate: readNumber(value, 'learning_rate', (n) => n > 0, '> 0'), decay: 0 };
    if (value.kind === 'call' && baseName(value.callee) === 'OneCycle') {
      const peak = value.kwargs.peak_learning_rate ?? value.args[0];
      return { learningRate: readNumber(peak === undefined ? undefined : this.resolve(peak), 'peak_learning_rate', (n) => n > 0, '> 0'), decay: 0, oneCycle: true };
    }
    if (value.kind === 'call' && baseName(value.callee) === 'InverseTimeDecay') {
      const get = (key: string, index: number): PyValue | undefined => {
        const found = value.kwargs[key] ?? value.args[index];
        return found === undefined ? undefined : this.resolve(found);
      };
      const steps = get('decay_steps', 1);
      if (steps?.kind !== 'number' || steps.value !== 1) throw new Unusable(`InverseTimeDecay with decay_steps=${steps === undefined ? 'nothing' : describeValue(steps)}: the app decays at every update (decay_steps=1)`);
      requireDefault(get('staircase', 3), 'staircase', { kind: 'bool', value: false });
      const initial = get('initial_learning_rate', 0);
      const rate = get('decay_rate', 2);
      return { learningRate: readNumber(initial, 'initial_learning_rate', (n) => n > 0, '> 0'), decay: rate === undefined ? 0 : readNumber(rate, 'decay_rate', (n) => n >= 0, '≥ 0') };
    }
    throw new Unusable(`learning rate ${describeValue(value)}: the app takes a number, InverseTimeDecay(…, decay_steps=1, …) or OneCycle(…)`);
  }

  private readFit(call: Extract<PyValue, { kind: 'call' }>): { outcome: 'used'; detail: string } {
    const ignored = new Set(['x', 'y', 'validation_data', 'shuffle', 'verbose', 'validation_batch_size', 'initial_epoch', 'validation_freq']);
    for (const key of Object.keys(call.kwargs)) {
      if (key === 'validation_split') throw new Unusable('validation_split: the app validates on CIFAR-10 test images, never on part of the training images');
      if (!ignored.has(key) && !['epochs', 'batch_size', 'callbacks'].includes(key)) throw new Unusable(`fit: the app cannot set ${key}=`);
    }
    this.fitSeen = true;
    const input = call.args[0] ?? call.kwargs.x;
    const batches = input === undefined ? undefined : this.resolve(input);
    const fromBatches = batches?.kind === 'call' && baseName(batches.callee) === 'AppBatches' ? batches : null;
    const batchSizeValue = call.kwargs.batch_size ?? fromBatches?.kwargs.batch_size ?? fromBatches?.args[2];
    const epochsValue = call.kwargs.epochs;
    this.settings.batchSize = batchSizeValue === undefined ? KERAS_DEFAULTS.fitBatchSize : wholeNumber(this.resolve(batchSizeValue), 'batch_size');
    this.settings.epochs = epochsValue === undefined ? KERAS_DEFAULTS.fitEpochs : wholeNumber(this.resolve(epochsValue), 'epochs');
    const augmentValue = fromBatches?.kwargs.augment ?? fromBatches?.args[4];
    if (augmentValue !== undefined) {
      const augment = this.resolve(augmentValue);
      if (augment.kind !== 'bool') throw new Unusable(`augment must be True or False, got ${describeValue(augment)}`);
      this.settings.augment = augment.value;
    }
    const callbacks = call.kwargs.callbacks === undefined ? null : this.resolve(call.kwargs.callbacks);
    this.fitUsesEarlyStopping = callbacks !== null && this.containsEarlyStopping(callbacks);
    return used(`batch size ${this.settings.batchSize}, ${describeCount(this.settings.epochs, 'epoch')}${this.fitUsesEarlyStopping ? ', early stopping' : ''}`);
  }

  private containsEarlyStopping(value: PyValue, depth = 0): boolean {
    if (depth > 8) return false;
    const resolved = this.resolve(value);
    if (resolved.kind === 'list' || resolved.kind === 'tuple') return resolved.items.some((item) => this.containsEarlyStopping(item, depth + 1));
    if (resolved.kind !== 'call') return false;
    const name = baseName(resolved.callee);
    if (name === 'EarlyStopping') {
      if (this.earlyStopping === null) this.readEarlyStopping(resolved);
      return true;
    }
    // `callbacks()` of the code view: a function whose body returned the early stopping (or nothing).
    return name === 'callbacks' && this.earlyStopping !== null && this.earlyStoppingReturned;
  }

  /** Whether the code view's `callbacks()` returned `[early_stopping]` (rather than `[]`). */
  private get earlyStoppingReturned(): boolean {
    return this.statements.some((statement) => statement.kind === 'return' && /^return\s*\[\s*early_stopping\s*\]/.test(statement.text));
  }

  private readEarlyStopping(call: Extract<PyValue, { kind: 'call' }>): { outcome: 'used'; detail: string } {
    const known = ['monitor', 'min_delta', 'patience', 'restore_best_weights', 'verbose', 'mode'];
    for (const key of Object.keys(call.kwargs)) if (!known.includes(key)) throw new Unusable(`EarlyStopping: the app cannot set ${key}=`);
    const get = (key: string): PyValue | undefined => (call.kwargs[key] === undefined ? undefined : this.resolve(call.kwargs[key]));
    const monitorValue = get('monitor');
    const monitorText = monitorValue === undefined ? 'val_loss' : monitorValue.kind === 'string' ? monitorValue.value : '';
    const monitor: MonitoredMetric | null = monitorText === 'val_loss' ? 'val_loss' : ['val_accuracy', 'val_acc'].includes(monitorText) ? 'val_accuracy' : null;
    if (monitor === null) throw new Unusable(`EarlyStopping monitor ${describeValue(monitorValue ?? { kind: 'none' })}: the app watches val_loss or val_accuracy`);
    const mode = get('mode');
    if (mode !== undefined && !(mode.kind === 'string' && (mode.value === 'auto' || mode.value === (monitor === 'val_loss' ? 'min' : 'max')))) {
      throw new Unusable(`EarlyStopping mode ${describeValue(mode)}: the app lowers val_loss and raises val_accuracy`);
    }
    const restore = get('restore_best_weights');
    if (restore !== undefined && restore.kind !== 'bool') throw new Unusable(`restore_best_weights must be True or False, got ${describeValue(restore)}`);
    const minDelta = get('min_delta');
    const patience = get('patience');
    this.earlyStopping = {
      enabled: true,
      monitor,
      minDelta: minDelta === undefined ? 0 : Math.abs(readNumber(minDelta, 'min_delta', Number.isFinite, 'finite')),
      patience: patience === undefined ? 0 : wholeNumber(patience, 'patience', 0),
      restoreBestWeights: restore?.kind === 'bool' ? restore.value : false,
    };
    return used(`early stopping on ${monitor}, patience ${this.earlyStopping.patience}`);
  }

  // ---- the code view's constants and helpers ----

  private setConstant(name: string, value: PyValue): { outcome: 'used'; detail: string } {
    const field = LAB_CONSTANTS[name];
    const resolved = this.resolve(value);
    switch (field) {
      case 'seed':
        this.settings.seed = wholeNumber(resolved, name, 0);
        return used(`seed ${this.settings.seed}`);
      case 'trainSubset':
      case 'validationSubset':
        this.settings[field] = resolved.kind === 'none' ? null : wholeNumber(resolved, name);
        return used(`${field === 'trainSubset' ? 'training' : 'validation'} images: ${this.settings[field] ?? 'all'}`);
      case 'batchSize':
      case 'epochs':
        this.settings[field] = wholeNumber(resolved, name);
        return used(`${field === 'batchSize' ? 'batch size' : 'epochs'} ${this.settings[field]}`);
      case 'augment':
        if (resolved.kind !== 'bool') throw new Unusable(`AUGMENT must be True or False, got ${describeValue(resolved)}`);
        this.settings.augment = resolved.value;
        return used(`augmentation ${resolved.value ? 'on' : 'off'}`);
      default:
        return used('');
    }
  }

  private readSubset(targets: readonly string[], call: Extract<PyValue, { kind: 'call' }>): { outcome: 'used'; detail: string } {
    const size = call.args[2] === undefined ? undefined : this.resolve(call.args[2]);
    const first = call.args[0];
    const split = /test|val/i.test(first?.kind === 'name' ? first.path : targets.join(' ')) ? 'validationSubset' : 'trainSubset';
    if (size === undefined) throw new Unusable('app_subset needs a size');
    this.settings[split] = size.kind === 'none' ? null : wholeNumber(size, 'the subset size');
    return used(`${split === 'trainSubset' ? 'training' : 'validation'} images: ${this.settings[split] ?? 'all'}`);
  }

  private setSeed(argument: PyValue | undefined): { outcome: 'used'; detail: string } {
    if (argument === undefined) throw new Unusable('a seed call without a seed');
    this.settings.seed = wholeNumber(this.resolve(argument), 'seed', 0);
    return used(`seed ${this.settings.seed}`);
  }

  /** Follow names to what they were assigned (a few steps at most, so a cycle cannot hang). */
  private resolve(value: PyValue, depth = 0): PyValue {
    if (value.kind !== 'name' || depth > 8) return value;
    const assigned = this.env.get(value.path);
    return assigned === undefined ? value : this.resolve(assigned, depth + 1);
  }
}

function used(detail: string): { outcome: 'used'; detail: string } {
  return { outcome: 'used', detail };
}

function same(detail: string): { outcome: 'same'; detail: string } {
  return { outcome: 'same', detail };
}

function describeCount(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function mapValues(record: Readonly<Record<string, PyValue>>, map: (value: PyValue) => PyValue): Record<string, PyValue> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

function checkInputShape(value: PyValue | undefined): void {
  const ok = (value?.kind === 'tuple' || value?.kind === 'list') && value.items.length === 3 && value.items.every((item, index) => item.kind === 'number' && item.value === MODEL_INPUT_SHAPE[index]);
  if (!ok) throw new Unusable(`input shape ${value === undefined ? 'missing' : describeValue(value)}: the app's network takes CIFAR-10's 32 × 32 × 3 pictures`, true);
}

function wholeNumber(value: PyValue | undefined, name: string, min = 1): number {
  if (value?.kind !== 'number' || !Number.isInteger(value.value) || value.value < min) {
    throw new Unusable(`${name} must be a whole number ≥ ${min}, got ${value === undefined ? 'nothing' : describeValue(value)}`);
  }
  return value.value;
}

function readNumber(value: PyValue | undefined, name: string, accept: (value: number) => boolean, constraint: string): number {
  if (value?.kind !== 'number' || !accept(value.value)) throw new Unusable(`${name} must be a number ${constraint}, got ${value === undefined ? 'nothing' : describeValue(value)}`);
  return value.value;
}

function requireDefault(value: PyValue | undefined, name: string, expected: PyValue): void {
  if (value === undefined) return;
  if (describeValue(value) !== describeValue(expected)) throw new Unusable(`the app trains only with ${name}=${describeValue(expected)}, got ${describeValue(value)}`);
}
