/**
 * The forms of the Train area's two experiments — the overfitting lab and a sweep — as typed, and
 * their reading into the runs to queue (or a message naming what is wrong). Pure.
 */
import { validateHyperparameters, type DataSizes, type TrainingHyperparameters } from '../core/training/hyperparameters';
import { DEFAULT_REGULARISATION, LAB_HYPERPARAMETERS, overfittingLabRuns, PLAIN_LAB_SPEC, type LabRunSetup, type RegularisationChoice } from '../core/training/overfitting-lab';
import { QUICK_DEMO_RECIPE } from '../core/training/recipes';
import { parseSweepValues, sweepDefinition, sweepRuns, type SweepParameter } from '../core/training/sweeps';

/** The lab as typed: the regularisers to add and how long the two runs are. */
export interface LabForm {
  readonly choice: RegularisationChoice;
  /** Training images, as the select holds them ("2000"). */
  readonly trainImages: string;
  readonly validationImages: string;
  readonly epochs: string;
}

/** Where a sweep's runs start from. */
export type SweepBase = 'quick-demo' | 'editor';

/** A sweep as typed. */
export interface SweepForm {
  readonly parameter: SweepParameter;
  /** The values, as typed ("2, 3, 4"). */
  readonly values: string;
  readonly base: SweepBase;
  readonly trainImages: string;
  readonly validationImages: string;
  readonly epochs: string;
}

/** Training-image choices of the two experiments (whole data sets would take too long for a class). */
export const EXPERIMENT_TRAIN_CHOICES = ['128', '512', '1000', '2000', '5000', '10000'] as const;
/** Validation-image choices of the two experiments. */
export const EXPERIMENT_VALIDATION_CHOICES = ['64', '256', '500', '1000'] as const;
/** Most epochs an experiment's run may have. */
export const EXPERIMENT_MAX_EPOCHS = 100;

/** The lab's preset: the measured one-click setting (`LAB_HYPERPARAMETERS`), dropout and weight decay. */
export const LAB_PRESET_FORM: LabForm = Object.freeze({
  choice: DEFAULT_REGULARISATION,
  trainImages: String(LAB_HYPERPARAMETERS.trainSubset),
  validationImages: String(LAB_HYPERPARAMETERS.validationSubset),
  epochs: String(LAB_HYPERPARAMETERS.epochs),
});

/** A new sweep form for `parameter`: its default values, the Quick demo's network, short runs. */
export function sweepFormFor(parameter: SweepParameter, rest: Partial<Omit<SweepForm, 'parameter' | 'values'>> = {}): SweepForm {
  return { parameter, values: sweepDefinition(parameter).defaultValues.join(', '), base: 'quick-demo', trainImages: '2000', validationImages: '500', epochs: '3', ...rest };
}

/** The sweep form before anything is typed: the tutorial's first section, the max-pooling shape. */
export const INITIAL_SWEEP_FORM: SweepForm = sweepFormFor('poolSize');

type Sizes = { readonly trainSubset: number; readonly validationSubset: number; readonly epochs: number };

/** The run sizes typed, checked, or a message. */
function readSizes(form: Pick<LabForm, 'trainImages' | 'validationImages' | 'epochs'>, what: string): { ok: true; sizes: Sizes } | { ok: false; message: string } {
  const trainSubset = Number(form.trainImages);
  const validationSubset = Number(form.validationImages);
  const epochs = Number(form.epochs.trim() === '' ? Number.NaN : form.epochs);
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > EXPERIMENT_MAX_EPOCHS) return { ok: false, message: `${what}: epochs must be a whole number from 1 to ${EXPERIMENT_MAX_EPOCHS}, got “${form.epochs}”.` };
  if (!Number.isInteger(trainSubset) || trainSubset < 1) return { ok: false, message: `${what}: choose how many training images.` };
  if (!Number.isInteger(validationSubset) || validationSubset < 1) return { ok: false, message: `${what}: choose how many validation images.` };
  return { ok: true, sizes: { trainSubset, validationSubset, epochs } };
}

/** The first problem of `settings` against the data, in words, or null. */
function settingsProblem(settings: TrainingHyperparameters, data: DataSizes | undefined, what: string): string | null {
  const issue = validateHyperparameters(settings, data)[0];
  return issue ? `${what}: ${issue.message}.` : null;
}

/** A lab run as it is queued. */
export type NamedRunSetup = LabRunSetup & { readonly name: string };

/**
 * The lab's two runs as typed, numbered `labNumber`: the lab's plain network and settings with the
 * form's sizes, then the same with the chosen regularisers.
 */
export function readLabForm(form: LabForm, labNumber: number, data?: DataSizes): { ok: true; runs: readonly [NamedRunSetup, NamedRunSetup] } | { ok: false; message: string } {
  const sizes = readSizes(form, 'Overfitting lab');
  if (!sizes.ok) return sizes;
  if (!Object.values(form.choice).some(Boolean)) return { ok: false, message: 'Overfitting lab: tick at least one regulariser to compare with the plain network.' };
  const { plain, regularised } = overfittingLabRuns(form.choice, labNumber, { spec: PLAIN_LAB_SPEC, hyperparameters: { ...LAB_HYPERPARAMETERS, ...sizes.sizes } });
  const problem = settingsProblem(regularised.hyperparameters, data, 'Overfitting lab');
  return problem ? { ok: false, message: problem } : { ok: true, runs: [plain, regularised] };
}

/**
 * A sweep's runs as typed, numbered `sweepNumber`, from the Quick demo's network and settings or from
 * `editor` (the editor's network and settings, null while they are invalid), with the form's sizes.
 * Values that make an impossible network are `skipped`, each with the reason.
 */
export function readSweepForm(
  form: SweepForm,
  sweepNumber: number,
  editor: LabRunSetup | null,
  data?: DataSizes,
): { ok: true; runs: readonly NamedRunSetup[]; skipped: readonly { value: number; problem: string }[] } | { ok: false; message: string } {
  const definition = sweepDefinition(form.parameter);
  const values = parseSweepValues(form.values, definition);
  if (!values.ok) return values;
  const sizes = readSizes(form, 'Sweep');
  if (!sizes.ok) return sizes;
  const start = form.base === 'editor' ? editor : { spec: QUICK_DEMO_RECIPE.spec, hyperparameters: QUICK_DEMO_RECIPE.hyperparameters };
  if (!start) return { ok: false, message: 'Sweep: the network or the settings above have a problem (see there), or choose the Quick demo network.' };
  const base: LabRunSetup = { spec: start.spec, hyperparameters: { ...start.hyperparameters, ...sizes.sizes } };
  const all = sweepRuns(form.parameter, values.values, base, sweepNumber);
  const runs = all.filter((run) => run.problem === null).map((run) => ({ spec: run.spec, hyperparameters: run.hyperparameters, name: run.name }));
  const skipped = all.flatMap((run) => (run.problem === null ? [] : [{ value: run.value, problem: run.problem }]));
  if (runs.length === 0) return { ok: false, message: `Sweep: no value makes a network that works (${skipped.map((entry) => `${entry.value}: ${entry.problem}`).join('; ')}).` };
  for (const run of runs) {
    const problem = settingsProblem(run.hyperparameters, data, 'Sweep');
    if (problem) return { ok: false, message: problem };
  }
  return { ok: true, runs, skipped };
}
