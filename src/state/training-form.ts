/**
 * The Train panel's inputs as typed (strings), and their reading into hyperparameters with inline
 * validation. Pure, so it is tested without React.
 */
import { DEFAULT_HYPERPARAMETERS, validateHyperparameters, type DataSizes, type TrainingHyperparameters } from '../core/training/hyperparameters';

/** What the user typed or chose; `'all'` for a whole split. */
export interface TrainingForm {
  readonly trainSubset: string;
  readonly validationSubset: string;
  readonly epochs: string;
  readonly batchSize: string;
  /** Seeds the weights, dropout, subsets, shuffle and augmentation: the same seed trains the same run. */
  readonly seed: string;
  /** The "Augment training images" checkbox: mirror and shift each training image, new at every step. */
  readonly augment: boolean;
}

/** The form fields that can be wrong (a checkbox cannot). */
export type TrainingFormField = Exclude<keyof TrainingForm, 'augment'>;

/** The tutorial's batch size and number of epochs (512 and 25), as the form writes them. */
export const TUTORIAL_RUN_LENGTH: Readonly<Pick<TrainingForm, 'epochs' | 'batchSize'>> = Object.freeze({
  epochs: String(DEFAULT_HYPERPARAMETERS.epochs),
  batchSize: String(DEFAULT_HYPERPARAMETERS.batchSize),
});

/**
 * To start with: the tutorial's batch size and epochs, without augmentation (the tutorial has none), on
 * a classroom-sized slice of the data (1 000 training images, 500 to validate) so that a first run
 * finishes during a lesson.
 */
export const DEFAULT_TRAINING_FORM: TrainingForm = Object.freeze({
  trainSubset: '1000',
  validationSubset: '500',
  seed: String(DEFAULT_HYPERPARAMETERS.seed),
  augment: DEFAULT_HYPERPARAMETERS.augment,
  ...TUTORIAL_RUN_LENGTH,
});

/** The form showing a run's size and data (a run's or a recipe's; the optimiser is in hyperparameter-form.ts): `null` subsets as 'all'. */
export function trainingFormFrom(settings: Pick<TrainingHyperparameters, 'trainSubset' | 'validationSubset' | 'epochs' | 'batchSize' | 'seed' | 'augment'>): TrainingForm {
  const subset = (value: number | null): string => (value === null ? 'all' : String(value));
  return {
    trainSubset: subset(settings.trainSubset),
    validationSubset: subset(settings.validationSubset),
    epochs: String(settings.epochs),
    batchSize: String(settings.batchSize),
    seed: String(settings.seed),
    augment: settings.augment,
  };
}

/** Training subsets offered (images); 'all' is 50 000. */
export const TRAIN_SUBSET_CHOICES = ['128', '512', '1000', '2000', '5000', '10000', 'all'] as const;
/** Validation subsets offered (test images); 'all' is 10 000. */
export const VALIDATION_SUBSET_CHOICES = ['64', '256', '500', '1000', 'all'] as const;

/** The form read as settings, or a message per field that is wrong. */
export type FormReading =
  | { readonly ok: true; readonly settings: TrainingHyperparameters }
  | { readonly ok: false; readonly errors: Partial<Record<TrainingFormField, string>> };

/**
 * Read the form on top of `base` (the tutorial's optimiser settings unless given). Messages name the
 * field as the user sees it ("Epochs must be ≥ 1, got 0").
 */
export function readTrainingForm(form: TrainingForm, data?: DataSizes, base: TrainingHyperparameters = DEFAULT_HYPERPARAMETERS): FormReading {
  const errors: Partial<Record<TrainingFormField, string>> = {};
  const whole = (field: TrainingFormField, label: string): number => {
    const text = form[field].trim();
    const value = text === '' ? Number.NaN : Number(text);
    if (!Number.isInteger(value)) errors[field] = `${label} must be a whole number, got ${text === '' ? 'nothing' : text}`;
    return value;
  };
  const subset = (field: 'trainSubset' | 'validationSubset', label: string): number | null => (form[field] === 'all' ? null : whole(field, label));
  const settings: TrainingHyperparameters = {
    ...base,
    epochs: whole('epochs', 'Epochs'),
    batchSize: whole('batchSize', 'Batch size'),
    trainSubset: subset('trainSubset', 'Training images'),
    validationSubset: subset('validationSubset', 'Validation images'),
    seed: whole('seed', 'Seed'),
    augment: form.augment,
  };
  for (const issue of validateHyperparameters(settings, data)) {
    const field = issue.field as TrainingFormField;
    if (field in LABELS && errors[field] === undefined) errors[field] = `${LABELS[field]}${issue.message.slice(issue.field.length)}`;
  }
  return Object.keys(errors).length === 0 ? { ok: true, settings } : { ok: false, errors };
}

const LABELS: Readonly<Record<TrainingFormField, string>> = Object.freeze({
  trainSubset: 'Training images',
  validationSubset: 'Validation images',
  epochs: 'Epochs',
  batchSize: 'Batch size',
  seed: 'Seed',
});
