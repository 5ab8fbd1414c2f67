/**
 * An imported Keras snippet as changes to what the Train area shows: the architecture, the optimiser
 * and early-stopping form, and the run-size form — and the list of those changes in plain words, for
 * the preview the user accepts or not. Pure.
 */
import type { RunSetupInput } from './run-setup';
import type { KerasImport } from '../core/keras/keras-import';
import type { ModelSpec } from '../core/model/model-spec';
import { analyseModelSpec } from '../core/model/model-spec-validate';
import { chooseOptimizer, type HyperparameterForm } from './hyperparameter-form';
import type { TrainingForm } from './training-form';

/** The editor and forms an import changes: the same three inputs a run is read from. */
export type ImportableSetup = RunSetupInput;

/** One change, as the preview lists it: "Learning rate: 0.01 → 0.001". */
export interface SetupChange {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** `setup` with the import put in (what Accept sets). */
export function setupWithImport(setup: ImportableSetup, imported: KerasImport): ImportableSetup {
  const settings = imported.settings;
  const stopping = settings.earlyStopping ?? {};
  const text = (value: number | undefined, current: string): string => (value === undefined ? current : String(value));
  const subset = (value: number | null | undefined, current: string): string => (value === undefined ? current : value === null ? 'all' : String(value));
  // An imported optimiser is switched to first, so the other one's numbers stay in its draft.
  const form = settings.optimizer === undefined ? setup.hyperparameterForm : chooseOptimizer(setup.hyperparameterForm, settings.optimizer);
  const run = setup.trainingForm;
  return {
    modelSpec: imported.modelSpec ?? setup.modelSpec,
    hyperparameterForm: {
      ...form,
      learningRate: text(settings.learningRate, form.learningRate),
      momentum: text(settings.momentum, form.momentum),
      decay: text(settings.decay, form.decay),
      learningRateSchedule: settings.learningRateSchedule ?? form.learningRateSchedule,
      labelSmoothing: text(settings.labelSmoothing, form.labelSmoothing),
      earlyStopping: stopping.enabled ?? form.earlyStopping,
      monitor: stopping.monitor ?? form.monitor,
      minDelta: text(stopping.minDelta, form.minDelta),
      patience: text(stopping.patience, form.patience),
      restoreBestWeights: stopping.restoreBestWeights ?? form.restoreBestWeights,
    },
    trainingForm: {
      trainSubset: subset(settings.trainSubset, run.trainSubset),
      validationSubset: subset(settings.validationSubset, run.validationSubset),
      epochs: text(settings.epochs, run.epochs),
      batchSize: text(settings.batchSize, run.batchSize),
      seed: text(settings.seed, run.seed),
      augment: settings.augment ?? run.augment,
    },
  };
}

/** The fields the preview compares (the other optimiser's draft is not shown). */
const HYPERPARAMETER_LABELS: Readonly<Record<Exclude<keyof HyperparameterForm, 'optimizerDrafts'>, string>> = Object.freeze({
  optimizer: 'Optimizer',
  learningRate: 'Learning rate',
  momentum: 'Momentum',
  decay: 'Decay',
  learningRateSchedule: 'Schedule',
  labelSmoothing: 'Label smoothing',
  earlyStopping: 'Early stopping',
  monitor: 'Early stopping watches',
  minDelta: 'Smallest improvement',
  patience: 'Patience',
  restoreBestWeights: 'Go back to the best epoch',
});

const TRAINING_LABELS: Readonly<Record<keyof TrainingForm, string>> = Object.freeze({
  trainSubset: 'Training images',
  validationSubset: 'Validation images',
  epochs: 'Epochs',
  batchSize: 'Batch size',
  seed: 'Seed',
  augment: 'Augment the training pictures',
});

/** What accepting would change, field by field; the network as one line ("8 layers, 3 702 186 parameters"). */
export function describeSetupChanges(before: ImportableSetup, after: ImportableSetup): SetupChange[] {
  const changes: SetupChange[] = [];
  if (JSON.stringify(before.modelSpec) !== JSON.stringify(after.modelSpec)) {
    changes.push({ label: 'Network', from: describeNetwork(before.modelSpec), to: describeNetwork(after.modelSpec) });
  }
  const compare = <T extends object>(from: T, to: T, labels: Readonly<Partial<Record<keyof T, string>>>): void => {
    for (const key of Object.keys(labels) as (keyof T)[]) {
      if (from[key] !== to[key]) changes.push({ label: labels[key] ?? String(key), from: show(from[key]), to: show(to[key]) });
    }
  };
  compare(before.hyperparameterForm, after.hyperparameterForm, HYPERPARAMETER_LABELS);
  compare(before.trainingForm, after.trainingForm, TRAINING_LABELS);
  return changes;
}

/** "8 layers (Conv2D, Dropout, …), 3 702 186 parameters", or the first problem of a network that cannot be built. */
export function describeNetwork(spec: ModelSpec): string {
  const analysis = analyseModelSpec(spec);
  const types = spec.layers.map((layer) => layer.type).join(', ');
  const size = analysis.ok ? `${analysis.totalParams.toLocaleString('en-US').replace(/,/g, ' ')} parameters` : `cannot be built yet: ${analysis.issues[0]?.message ?? ''}`;
  return `${spec.layers.length} layers (${types}), ${size}`;
}

function show(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}
