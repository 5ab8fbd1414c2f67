/**
 * Everything the next run is made of — the edited network, the optimiser form and the run-size form —
 * read together into what `train-start` carries, or into the reasons it cannot start yet. Pure.
 */
import { DEFAULT_HYPERPARAMETERS, type DataSizes, type TrainingHyperparameters } from '../core/training/hyperparameters';
import type { ModelSpec } from '../core/model/model-spec';
import { analyseModelSpec, type SpecAnalysis } from '../core/model/model-spec-validate';
import { hyperparameterFormFrom, readHyperparameterForm, type HyperparameterForm, type HyperparameterReading } from './hyperparameter-form';
import { readTrainingForm, trainingFormFrom, type FormReading, type TrainingForm } from './training-form';
import type { RunLab } from '../core/training/run-record';

/** The three inputs of a run. */
export interface RunSetupInput {
  readonly modelSpec: ModelSpec;
  readonly hyperparameterForm: HyperparameterForm;
  readonly trainingForm: TrainingForm;
}

/** Each part's reading, and the run they make when all are usable. */
export interface RunSetupReading {
  readonly model: SpecAnalysis;
  readonly hyperparameters: HyperparameterReading;
  readonly form: FormReading;
  /** The spec and settings `train-start` sends; null while any part is wrong. */
  readonly run: { readonly spec: ModelSpec; readonly settings: TrainingHyperparameters } | null;
  /** One sentence per problem, network first, in the order the page shows them. */
  readonly problems: readonly string[];
}

/**
 * Read a run's setup. `data` (the loaded splits' sizes) lets subsets larger than the data be refused.
 */
export function readRunSetup(input: RunSetupInput, data?: DataSizes): RunSetupReading {
  const model = analyseModelSpec(input.modelSpec);
  const hyperparameters = readHyperparameterForm(input.hyperparameterForm);
  const base: TrainingHyperparameters = hyperparameters.ok ? { ...DEFAULT_HYPERPARAMETERS, ...hyperparameters.settings } : DEFAULT_HYPERPARAMETERS;
  const form = readTrainingForm(input.trainingForm, data, base);
  const problems = [
    ...(model.ok ? [] : model.issues.map((issue) => `The network: ${issue.message}`)),
    ...(form.ok ? [] : Object.values(form.errors)),
    ...(hyperparameters.ok ? [] : Object.values(hyperparameters.errors)),
  ];
  const run = model.ok && hyperparameters.ok && form.ok ? { spec: input.modelSpec, settings: form.settings } : null;
  return { model, hyperparameters, form, run, problems };
}

/**
 * The editor and forms showing a run's lab: what "Resume", "Open" and "Run again with changes" put on
 * screen, so the page shows the network and settings that train.
 */
export function setupFromLab(lab: RunLab): RunSetupInput {
  return { modelSpec: lab.spec, hyperparameterForm: hyperparameterFormFrom(lab.hyperparameters), trainingForm: trainingFormFrom(lab.hyperparameters) };
}
