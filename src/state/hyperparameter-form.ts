/**
 * The optimiser and early-stopping inputs of the Train view as typed (strings for numbers), and their
 * reading into hyperparameters with a message per field. Pure, so it is tested without React.
 * Batch size, epochs and the data subsets stay in `training-form.ts`, which reads on top of these.
 */
import {
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_OPTIMIZER_SETTINGS,
  validateHyperparameters,
  type EarlyStoppingSettings,
  type LearningRateSchedule,
  type MonitoredMetric,
  type OptimizerName,
  type TrainingHyperparameters,
} from '../core/training/hyperparameters';

/** One optimiser's own numbers, as typed. */
export interface OptimizerDraft {
  readonly learningRate: string;
  readonly momentum: string;
  readonly decay: string;
}

/**
 * What the user typed or chose. `learningRate`, `momentum` and `decay` are the chosen optimiser's;
 * `optimizerDrafts` keeps what each optimiser had when the user last left it, so switching from SGD
 * to Adam shows Adam's own learning rate and decay (Keras' 0.001 and none at first), never SGD's.
 */
export interface HyperparameterForm {
  readonly optimizer: OptimizerName;
  readonly learningRate: string;
  readonly momentum: string;
  readonly decay: string;
  readonly optimizerDrafts: Readonly<Record<OptimizerName, OptimizerDraft>>;
  readonly learningRateSchedule: LearningRateSchedule;
  /** Keras' label smoothing, as typed. */
  readonly labelSmoothing: string;
  readonly earlyStopping: boolean;
  readonly monitor: MonitoredMetric;
  readonly minDelta: string;
  readonly patience: string;
  readonly restoreBestWeights: boolean;
}

/** The fields that can hold a wrong value. */
export type HyperparameterField = 'optimizer' | 'learningRate' | 'momentum' | 'decay' | 'learningRateSchedule' | 'labelSmoothing' | 'monitor' | 'minDelta' | 'patience';

/** The part of the hyperparameters this form sets. */
export type OptimizerSettings = Pick<TrainingHyperparameters, 'optimizer' | 'learningRate' | 'momentum' | 'decay' | 'learningRateSchedule' | 'labelSmoothing' | 'earlyStopping'>;

function draftOf(settings: { readonly learningRate: number; readonly momentum: number; readonly decay: number }): OptimizerDraft {
  return { learningRate: String(settings.learningRate), momentum: String(settings.momentum), decay: String(settings.decay) };
}

/** The form showing `settings` (the tutorial's unless given); the other optimiser starts from its own defaults. */
export function hyperparameterFormFrom(settings: OptimizerSettings = DEFAULT_HYPERPARAMETERS): HyperparameterForm {
  const stopping = settings.earlyStopping;
  const current = draftOf(settings);
  return {
    optimizer: settings.optimizer,
    ...current,
    optimizerDrafts: { sgd: draftOf(DEFAULT_OPTIMIZER_SETTINGS.sgd), adam: draftOf(DEFAULT_OPTIMIZER_SETTINGS.adam), [settings.optimizer]: current },
    learningRateSchedule: settings.learningRateSchedule,
    labelSmoothing: String(settings.labelSmoothing),
    earlyStopping: stopping.enabled,
    monitor: stopping.monitor,
    minDelta: String(stopping.minDelta),
    patience: String(stopping.patience),
    restoreBestWeights: stopping.restoreBestWeights,
  };
}

/** The tutorial's SGD(lr 0.01, momentum 0.5, decay 0.0004), early stopping off. */
export const DEFAULT_HYPERPARAMETER_FORM: HyperparameterForm = hyperparameterFormFrom();

/**
 * The form with `optimizer` chosen: the numbers of the optimiser being left are kept in its draft, and
 * the chosen one's own numbers come back (its defaults the first time) — so no decay or learning rate
 * rides over from one optimiser to the other unseen.
 */
export function chooseOptimizer(form: HyperparameterForm, optimizer: OptimizerName): HyperparameterForm {
  if (optimizer === form.optimizer) return form;
  const leaving: OptimizerDraft = { learningRate: form.learningRate, momentum: form.momentum, decay: form.decay };
  const drafts = { ...form.optimizerDrafts, [form.optimizer]: leaving };
  return { ...form, optimizer, ...drafts[optimizer], optimizerDrafts: drafts };
}

/** Plain-word labels, the start of every message about a field. */
export const HYPERPARAMETER_LABELS: Readonly<Record<HyperparameterField, string>> = Object.freeze({
  optimizer: 'Optimizer',
  learningRate: 'Learning rate',
  momentum: 'Momentum',
  decay: 'Decay',
  learningRateSchedule: 'Schedule',
  labelSmoothing: 'Label smoothing',
  monitor: 'Watch',
  minDelta: 'Smallest improvement',
  patience: 'Patience',
});

/** The form read as settings, or a message per wrong field. */
export type HyperparameterReading =
  | { readonly ok: true; readonly settings: OptimizerSettings }
  | { readonly ok: false; readonly errors: Partial<Record<HyperparameterField, string>> };

/** Where each field's value sits in `TrainingHyperparameters` (validation names it so). */
const SETTING_PATHS: Readonly<Record<HyperparameterField, string>> = Object.freeze({
  optimizer: 'optimizer',
  learningRate: 'learningRate',
  momentum: 'momentum',
  decay: 'decay',
  learningRateSchedule: 'learningRateSchedule',
  labelSmoothing: 'labelSmoothing',
  monitor: 'earlyStopping.monitor',
  minDelta: 'earlyStopping.minDelta',
  patience: 'earlyStopping.patience',
});

/**
 * Read the form. Messages name the field as the user sees it ("Learning rate must be > 0, got 0").
 * A field the run does not use — momentum under Adam, decay under one-cycle, the early-stopping numbers
 * while early stopping is off — is shown disabled, so it is not checked (a mistake there could not be fixed without
 * switching it on): the run gets the tutorial's value for it unless a valid one was typed.
 */
export function readHyperparameterForm(form: HyperparameterForm): HyperparameterReading {
  const errors: Partial<Record<HyperparameterField, string>> = {};
  const unused = new Set<HyperparameterField>([
    ...(form.optimizer === 'adam' ? (['momentum'] as const) : []),
    ...(form.learningRateSchedule === 'one-cycle' ? (['decay'] as const) : []),
    ...(form.earlyStopping ? [] : (['monitor', 'minDelta', 'patience'] as const)),
  ]);
  const number = (field: HyperparameterField, text: string): number => {
    const trimmed = text.trim();
    const value = trimmed === '' ? Number.NaN : Number(trimmed);
    if (!Number.isFinite(value)) errors[field] = `${HYPERPARAMETER_LABELS[field]} must be a number, got ${trimmed === '' ? 'nothing' : trimmed}`;
    return value;
  };
  const earlyStopping: EarlyStoppingSettings = {
    enabled: form.earlyStopping,
    monitor: form.monitor,
    minDelta: number('minDelta', form.minDelta),
    patience: number('patience', form.patience),
    restoreBestWeights: form.restoreBestWeights,
  };
  const settings: OptimizerSettings = {
    optimizer: form.optimizer,
    learningRate: number('learningRate', form.learningRate),
    momentum: number('momentum', form.momentum),
    decay: number('decay', form.decay),
    learningRateSchedule: form.learningRateSchedule,
    labelSmoothing: number('labelSmoothing', form.labelSmoothing),
    earlyStopping,
  };
  for (const issue of validateHyperparameters({ ...DEFAULT_HYPERPARAMETERS, ...settings })) {
    const field = (Object.keys(SETTING_PATHS) as HyperparameterField[]).find((key) => SETTING_PATHS[key] === issue.field);
    if (field !== undefined && errors[field] === undefined) errors[field] = `${HYPERPARAMETER_LABELS[field]}${issue.message.slice(issue.field.length)}`;
  }
  const defaults = DEFAULT_HYPERPARAMETERS;
  const wrongButUnused = (field: HyperparameterField): boolean => unused.has(field) && errors[field] !== undefined;
  const usable: OptimizerSettings = {
    ...settings,
    momentum: wrongButUnused('momentum') ? defaults.momentum : settings.momentum,
    decay: wrongButUnused('decay') ? DEFAULT_OPTIMIZER_SETTINGS[form.optimizer].decay : settings.decay,
    earlyStopping: {
      ...earlyStopping,
      minDelta: wrongButUnused('minDelta') ? defaults.earlyStopping.minDelta : earlyStopping.minDelta,
      patience: wrongButUnused('patience') ? defaults.earlyStopping.patience : earlyStopping.patience,
    },
  };
  const shown = Object.fromEntries(Object.entries(errors).filter(([field]) => !unused.has(field as HyperparameterField)));
  return Object.keys(shown).length === 0 ? { ok: true, settings: usable } : { ok: false, errors: shown };
}
