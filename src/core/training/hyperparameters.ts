/**
 * The knobs of a training run, in Keras' words, and their validation. Pure, so the Train view checks
 * what the user types before anything is sent to the engine.
 */

/** What the optimiser does with a gradient. */
export type OptimizerName = 'sgd' | 'adam';
/**
 * How the learning rate changes during a run: `decay`, Keras' legacy per-step decay lr / (1 + decay · t)
 * (the tutorial's); `one-cycle`, up from lr / 25 to lr over the first 30 % of the steps and down to
 * almost 0 by the last (Smith's one-cycle policy, PyTorch's `OneCycleLR` defaults; see lr-schedule.ts).
 */
export type LearningRateSchedule = 'decay' | 'one-cycle';
/** The validation metric early stopping watches. */
export type MonitoredMetric = 'val_loss' | 'val_accuracy';

/** Keras' `EarlyStopping` callback, in its own argument names (camel-cased). */
export interface EarlyStoppingSettings {
  readonly enabled: boolean;
  readonly monitor: MonitoredMetric;
  /** Smallest change of the monitored value that counts as an improvement, ≥ 0. */
  readonly minDelta: number;
  /** Epochs without improvement before training stops, ≥ 0 (Keras' default is 0; ours is 3). */
  readonly patience: number;
  /** On stopping, put back the weights of the best epoch. */
  readonly restoreBestWeights: boolean;
}

/** Everything a run needs besides the model spec and the data. */
export interface TrainingHyperparameters {
  readonly optimizer: OptimizerName;
  /** Initial learning rate, > 0. */
  readonly learningRate: number;
  /** SGD momentum in [0, 1); ignored by Adam. */
  readonly momentum: number;
  /**
   * Keras' legacy per-iteration decay of the optimiser named in `optimizer`, ≥ 0: lr_t = lr / (1 + decay · t).
   * Used with the `decay` schedule only. Each optimiser has its own default (the tutorial's SGD 0.0004,
   * Adam 0: `DEFAULT_OPTIMIZER_SETTINGS`); the form keeps one value per optimiser, so switching never
   * carries SGD's decay over to Adam.
   */
  readonly decay: number;
  /** How the learning rate moves over the run (`decay` in the tutorial). */
  readonly learningRateSchedule: LearningRateSchedule;
  /**
   * Keras' label smoothing ε in [0, 1): the training targets become y · (1 − ε) + ε / 10 (0 in the
   * tutorial). Validation loss is always measured against the true one-hot labels.
   */
  readonly labelSmoothing: number;
  /** Images per step, ≥ 1. */
  readonly batchSize: number;
  /** Passes over the training images, ≥ 1. */
  readonly epochs: number;
  /** Train on the first N training images; null means all of them. */
  readonly trainSubset: number | null;
  /** Validate on the first N test images after every epoch; null means all of them. */
  readonly validationSubset: number | null;
  /** Seeds the weight initialisation and the per-epoch shuffle, so a run can be repeated. */
  readonly seed: number;
  /**
   * Show each training image mirrored left–right (half the time) and shifted by up to 2 px, drawn anew at
   * every step from the seed and the iteration (see `TRAINING_AUGMENTATION` in image-augment.ts). Never
   * applied to validation images. Off in the tutorial.
   */
  readonly augment: boolean;
  readonly earlyStopping: EarlyStoppingSettings;
}

/**
 * Settings as a checkpoint stores them: checkpoints saved before augmentation, schedules and label
 * smoothing existed lack those fields (read as the tutorial's by `hyperparametersFromSaved`).
 */
export type SavedHyperparameters = Omit<TrainingHyperparameters, 'augment' | 'learningRateSchedule' | 'labelSmoothing'> & {
  readonly augment?: boolean;
  readonly learningRateSchedule?: LearningRateSchedule;
  readonly labelSmoothing?: number;
};

/** The settings of a saved run, with what older checkpoints lack filled in as it was then (no augmentation, Keras decay, no smoothing). */
export function hyperparametersFromSaved(saved: SavedHyperparameters): TrainingHyperparameters {
  return { ...saved, augment: saved.augment ?? false, learningRateSchedule: saved.learningRateSchedule ?? 'decay', labelSmoothing: saved.labelSmoothing ?? 0 };
}

/** The tutorial's settings: SGD(lr 0.01, momentum 0.5, decay 0.0004), batch 512, 25 epochs, whole data set, no augmentation. */
export const DEFAULT_HYPERPARAMETERS: TrainingHyperparameters = {
  optimizer: 'sgd',
  learningRate: 0.01,
  momentum: 0.5,
  decay: 0.0004,
  batchSize: 512,
  epochs: 25,
  trainSubset: null,
  validationSubset: null,
  seed: 1,
  augment: false,
  learningRateSchedule: 'decay',
  labelSmoothing: 0,
  earlyStopping: { enabled: false, monitor: 'val_loss', minDelta: 0, patience: 3, restoreBestWeights: true },
};

/** What each optimiser starts with when chosen: its own learning rate and decay, never the other's. */
export interface OptimizerDefaults {
  readonly learningRate: number;
  readonly momentum: number;
  readonly decay: number;
}

/**
 * Each optimiser's defaults: SGD the tutorial's (lr 0.01, momentum 0.5, decay 0.0004); Adam Keras'
 * (lr 0.001, no decay — Keras' Adam has none unless asked; momentum is not Adam's and is kept at SGD's
 * value only so that switching back finds it).
 */
export const DEFAULT_OPTIMIZER_SETTINGS: Readonly<Record<OptimizerName, OptimizerDefaults>> = {
  sgd: { learningRate: DEFAULT_HYPERPARAMETERS.learningRate, momentum: DEFAULT_HYPERPARAMETERS.momentum, decay: DEFAULT_HYPERPARAMETERS.decay },
  adam: { learningRate: 0.001, momentum: DEFAULT_HYPERPARAMETERS.momentum, decay: 0 },
};

/** Bounds beyond which a value is a typo rather than a choice. */
export const HYPERPARAMETER_LIMITS = {
  maxLearningRate: 10,
  maxDecay: 1,
  maxBatchSize: 4096,
  maxEpochs: 1000,
  maxPatience: 1000,
} as const;

/** One field that failed validation. */
export interface HyperparameterIssue {
  /** Dotted field name, e.g. `batchSize` or `earlyStopping.patience`. */
  readonly field: string;
  /** A sentence naming the field and the constraint. */
  readonly message: string;
}

/** Sizes of the loaded data, when known, so subsets can be checked against them. */
export interface DataSizes {
  readonly trainCount: number;
  readonly testCount: number;
}

/**
 * Check every field; returns all problems found (empty when the settings are usable).
 * With `data`, subsets larger than the loaded splits are rejected too.
 */
export function validateHyperparameters(settings: TrainingHyperparameters, data?: DataSizes): HyperparameterIssue[] {
  const issues: HyperparameterIssue[] = [];
  const fail = (field: string, message: string): void => {
    issues.push({ field, message: `${field} ${message}` });
  };
  if (settings.optimizer !== 'sgd' && settings.optimizer !== 'adam') fail('optimizer', `must be 'sgd' or 'adam', got ${String(settings.optimizer)}`);
  checkRange(settings.learningRate, 'learningRate', { above: 0, atMost: HYPERPARAMETER_LIMITS.maxLearningRate }, fail);
  checkRange(settings.momentum, 'momentum', { atLeast: 0, below: 1 }, fail);
  checkRange(settings.decay, 'decay', { atLeast: 0, atMost: HYPERPARAMETER_LIMITS.maxDecay }, fail);
  checkWhole(settings.batchSize, 'batchSize', 1, HYPERPARAMETER_LIMITS.maxBatchSize, fail);
  checkWhole(settings.epochs, 'epochs', 1, HYPERPARAMETER_LIMITS.maxEpochs, fail);
  if (settings.trainSubset !== null) checkWhole(settings.trainSubset, 'trainSubset', 1, data?.trainCount ?? Number.MAX_SAFE_INTEGER, fail);
  if (settings.validationSubset !== null) checkWhole(settings.validationSubset, 'validationSubset', 1, data?.testCount ?? Number.MAX_SAFE_INTEGER, fail);
  checkWhole(settings.seed, 'seed', 0, 2 ** 32 - 1, fail);
  if (typeof settings.augment !== 'boolean') fail('augment', `must be true or false, got ${String(settings.augment)}`);
  if (settings.learningRateSchedule !== 'decay' && settings.learningRateSchedule !== 'one-cycle') {
    fail('learningRateSchedule', `must be 'decay' or 'one-cycle', got ${String(settings.learningRateSchedule)}`);
  }
  checkRange(settings.labelSmoothing, 'labelSmoothing', { atLeast: 0, below: 1 }, fail);
  const stopping = settings.earlyStopping;
  if (stopping.monitor !== 'val_loss' && stopping.monitor !== 'val_accuracy') {
    fail('earlyStopping.monitor', `must be 'val_loss' or 'val_accuracy', got ${String(stopping.monitor)}`);
  }
  checkRange(stopping.minDelta, 'earlyStopping.minDelta', { atLeast: 0, atMost: 1 }, fail);
  checkWhole(stopping.patience, 'earlyStopping.patience', 0, HYPERPARAMETER_LIMITS.maxPatience, fail);
  return issues;
}

interface Range {
  readonly above?: number;
  readonly atLeast?: number;
  readonly below?: number;
  readonly atMost?: number;
}

function checkRange(value: number, field: string, range: Range, fail: (field: string, message: string) => void): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(field, `must be a finite number, got ${String(value)}`);
    return;
  }
  if (range.above !== undefined && !(value > range.above)) fail(field, `must be > ${range.above}, got ${value}`);
  if (range.atLeast !== undefined && !(value >= range.atLeast)) fail(field, `must be ≥ ${range.atLeast}, got ${value}`);
  if (range.below !== undefined && !(value < range.below)) fail(field, `must be < ${range.below}, got ${value}`);
  if (range.atMost !== undefined && !(value <= range.atMost)) fail(field, `must be ≤ ${range.atMost}, got ${value}`);
}

function checkWhole(value: number, field: string, min: number, max: number, fail: (field: string, message: string) => void): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(field, `must be a whole number, got ${String(value)}`);
  else if (value < min) fail(field, `must be ≥ ${min}, got ${value}`);
  else if (value > max) fail(field, `must be ≤ ${max.toLocaleString('en-US')}, got ${value.toLocaleString('en-US')}`);
}
