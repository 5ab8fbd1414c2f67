/**
 * The lab on screen, read from the store: the network in the editor, the settings as typed, every
 * lesson's example. What a lab link carries. Pure.
 */
import type { Lab } from '../core/lab/lab';
import type { LessonSettings } from '../core/lab/lesson-settings';
import { readHyperparameters } from '../core/lab/hyperparameters-schema';
import type { ModelSpec } from '../core/model/model-spec';
import type { HyperparameterForm } from './hyperparameter-form';
import type { TrainingForm } from './training-form';
import { readRunSetup } from './run-setup';

/** The parts of the store a lab is read from. */
export interface LabSource {
  readonly modelSpec: ModelSpec;
  readonly hyperparameterForm: HyperparameterForm;
  readonly trainingForm: TrainingForm;
  readonly lessonSettings: LessonSettings;
}

/** A typed number as the lab holds it: the number, or the text itself when it is none (the schema then names it). */
function typed(text: string): number | string {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  return Number.isFinite(value) ? value : text;
}

/**
 * The lab the page shows. A setting typed wrong (half-typed, out of range) is carried as the
 * tutorial's value — the lab schema's own repair, field by field — so a link is always a lab; the
 * network is carried as edited, even when a layer does not fit (opening the link says so).
 */
export function labOfState(source: LabSource): Lab {
  const setup = readRunSetup(source);
  // Every field reads: the settings exactly as Start would send them.
  if (setup.form.ok && setup.hyperparameters.ok) return { architecture: source.modelSpec, hyperparameters: setup.form.settings, lessons: source.lessonSettings };
  const form = source.hyperparameterForm;
  const run = source.trainingForm;
  const raw = {
    optimizer: form.optimizer,
    learningRate: typed(form.learningRate),
    momentum: typed(form.momentum),
    decay: typed(form.decay),
    learningRateSchedule: form.learningRateSchedule,
    labelSmoothing: typed(form.labelSmoothing),
    batchSize: typed(run.batchSize),
    epochs: typed(run.epochs),
    trainSubset: run.trainSubset === 'all' ? null : typed(run.trainSubset),
    validationSubset: run.validationSubset === 'all' ? null : typed(run.validationSubset),
    seed: typed(run.seed),
    augment: run.augment,
    earlyStopping: {
      enabled: form.earlyStopping,
      monitor: form.monitor,
      minDelta: typed(form.minDelta),
      patience: typed(form.patience),
      restoreBestWeights: form.restoreBestWeights,
    },
  };
  return { architecture: source.modelSpec, hyperparameters: readHyperparameters(raw, 'hyperparameters').value, lessons: source.lessonSettings };
}
