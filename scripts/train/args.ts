/**
 * The command line of `npm run train`, parsed without side effects so it can be tested.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_OPTIMIZER_SETTINGS, validateHyperparameters, type OptimizerName, type TrainingHyperparameters } from '../../src/core/training/hyperparameters';
import type { ModelSpec } from '../../src/core/model/model-spec';
import { analyseModelSpec } from '../../src/core/model/model-spec-validate';
import { recipeById, RECIPES, TUTORIAL_RECIPE, type RecipeId } from '../../src/core/training/recipes';

/** Backends the CLI can train on in Node. */
export type CliBackend = 'cpu' | 'wasm';

/** What the user asked for. */
export interface TrainCliOptions {
  readonly outDir: string;
  readonly backend: CliBackend;
  readonly resume: boolean;
  readonly dataDir: string;
  /** The recipe the run starts from (`tutorial` unless --recipe names another). */
  readonly recipe: RecipeId;
  /** The network: the recipe's, or the one --spec FILE holds. */
  readonly spec: ModelSpec;
  /** The --spec FILE, or null for the recipe's network. */
  readonly specFile: string | null;
  readonly hyperparameters: TrainingHyperparameters;
  /**
   * Data-parallel workers on wasm (issue 19): 'auto' measures 1 … one per core on the run's first
   * batches and keeps the fastest; a number fixes the count.
   */
  readonly workers: 'auto' | number;
}

/** Usage text, printed by --help and after an error. */
export const USAGE = `Usage: npm run train -- --out DIR [options]

Trains a CNN on CIFAR-10 (public/data/cifar10, made by \`npm run data\`) with the app's own engine code —
the tutorial's, or a recipe's — prints a table per epoch and checkpoints DIR after every epoch (a tfjs
layers model: model.json + weights.bin, plus the optimiser and history needed to continue).

  --out DIR              where checkpoints go (required)
  --recipe NAME          start from a recipe of the app: ${RECIPES.map((recipe) => recipe.id).join(', ')} (default tutorial);
                         the options below change it
  --spec FILE            train the network in FILE (a JSON model spec: { "layers": [...] }, as the app's
                         architecture editor holds it) instead of the recipe's
  --epochs N             epochs to train in all (tutorial ${TUTORIAL_RECIPE.hyperparameters.epochs}); with --resume, the new total
  --subset M             train on a class-balanced subset of M training images (tutorial: all 50 000)
  --validation-subset V  validate on V test images after each epoch (tutorial: all 10 000)
  --seed S               seeds weight initialisation, subsets and shuffles (default ${TUTORIAL_RECIPE.hyperparameters.seed})
  --batch-size B         images per step (tutorial ${TUTORIAL_RECIPE.hyperparameters.batchSize})
  --optimizer sgd|adam   (tutorial sgd); choosing one brings its own learning rate and decay:
                         sgd ${DEFAULT_OPTIMIZER_SETTINGS.sgd.learningRate} and ${DEFAULT_OPTIMIZER_SETTINGS.sgd.decay}, adam ${DEFAULT_OPTIMIZER_SETTINGS.adam.learningRate} and ${DEFAULT_OPTIMIZER_SETTINGS.adam.decay}
  --learning-rate R      the optimiser's learning rate (one-cycle: its peak)
  --momentum M           SGD's momentum (tutorial ${DEFAULT_OPTIMIZER_SETTINGS.sgd.momentum})
  --decay D              Keras' legacy decay of the chosen optimiser: lr / (1 + D · step)
  --schedule decay|one-cycle  the learning-rate schedule (tutorial: decay)
  --label-smoothing E    Keras' label smoothing of the training targets, in [0, 1) (tutorial 0)
  --augment              mirror left–right and shift up to 2 px each training image, new at every step
                         (tutorial: off; with --resume the checkpoint's choice stays)
  --no-augment           turn a recipe's augmentation off
  --backend cpu|wasm     tfjs backend (default cpu)
  --workers auto|N       wasm only: train data-parallel on N worker threads, each computing its share of
                         every batch (the same update as one); auto (default) times 1 … one per core on
                         the run's first batches and keeps the fewest that are measurably fastest
  --resume               continue the checkpoint in DIR
  --data DIR             the served data folder (default public/data/cifar10)`;

/** Thrown for a command line that cannot run; the message names the option. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/**
 * Parse `argv` (without node and the script).
 * @returns null for --help.
 * @throws CliUsageError naming the option at fault.
 */
export function parseTrainArgs(argv: readonly string[]): TrainCliOptions | null {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--help' || arg === '-h') return null;
    if (arg === '--resume' || arg === '--augment' || arg === '--no-augment') {
      flags.add(arg);
      continue;
    }
    if (!VALUE_OPTIONS.includes(arg)) throw new CliUsageError(`unknown option ${arg}`);
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) throw new CliUsageError(`${arg} needs a value`);
    values.set(arg, value);
    index++;
  }
  const outDir = values.get('--out');
  if (!outDir) throw new CliUsageError('--out DIR is required');
  const backend = values.get('--backend') ?? 'cpu';
  if (backend !== 'cpu' && backend !== 'wasm') throw new CliUsageError(`--backend must be cpu or wasm, got ${backend}`);
  let recipe;
  try {
    recipe = recipeById(values.get('--recipe') ?? 'tutorial');
  } catch (error) {
    throw new CliUsageError(`--recipe: ${error instanceof Error ? error.message : String(error)}`);
  }
  const base = recipe.hyperparameters;
  const optimizer = values.get('--optimizer') ?? base.optimizer;
  if (optimizer !== 'sgd' && optimizer !== 'adam') throw new CliUsageError(`--optimizer must be sgd or adam, got ${optimizer}`);
  // Another optimiser than the recipe's brings its own defaults: SGD's decay never rides along to Adam.
  const optimizerBase = optimizer === base.optimizer ? base : { ...base, ...DEFAULT_OPTIMIZER_SETTINGS[optimizer] };
  const schedule = values.get('--schedule') ?? base.learningRateSchedule;
  if (schedule !== 'decay' && schedule !== 'one-cycle') throw new CliUsageError(`--schedule must be decay or one-cycle, got ${schedule}`);
  if (flags.has('--augment') && flags.has('--no-augment')) throw new CliUsageError('--augment and --no-augment contradict each other');
  const number = (option: string, fallback: number): number => {
    const text = values.get(option);
    if (text === undefined) return fallback;
    const parsed = Number(text);
    if (text.trim() === '' || !Number.isFinite(parsed)) throw new CliUsageError(`${option} must be a number, got ${text}`);
    return parsed;
  };
  const subset = (option: string, fallback: number | null): number | null => (values.has(option) ? number(option, 0) : fallback);
  const hyperparameters: TrainingHyperparameters = {
    ...optimizerBase,
    optimizer: optimizer as OptimizerName,
    learningRate: number('--learning-rate', optimizerBase.learningRate),
    momentum: number('--momentum', optimizerBase.momentum),
    decay: number('--decay', optimizerBase.decay),
    learningRateSchedule: schedule,
    labelSmoothing: number('--label-smoothing', base.labelSmoothing),
    batchSize: number('--batch-size', base.batchSize),
    epochs: number('--epochs', base.epochs),
    seed: number('--seed', base.seed),
    trainSubset: subset('--subset', base.trainSubset),
    validationSubset: subset('--validation-subset', base.validationSubset),
    augment: flags.has('--augment') || (base.augment && !flags.has('--no-augment')),
  };
  const issues = validateHyperparameters(hyperparameters);
  if (issues.length > 0) throw new CliUsageError(issues.map((issue) => `--${toKebab(issue.field)}: ${issue.message}`).join('\n'));
  const workersText = values.get('--workers') ?? 'auto';
  const workers = workersText === 'auto' ? 'auto' : Number(workersText);
  if (workers !== 'auto' && !(Number.isInteger(workers) && workers >= 1)) throw new CliUsageError(`--workers must be auto or a whole number ≥ 1, got ${workersText}`);
  if (values.has('--workers') && backend !== 'wasm') throw new CliUsageError('--workers needs --backend wasm (the workers run our wasm kernels)');
  const specFile = values.get('--spec');
  const spec = specFile === undefined ? recipe.spec : readSpecFile(specFile);
  return { outDir, backend, resume: flags.has('--resume'), dataDir: values.get('--data') ?? 'public/data/cifar10', recipe: recipe.id, spec, specFile: specFile ?? null, hyperparameters, workers };
}

/**
 * The model spec in `path` (JSON `{ "layers": [...] }`).
 * @throws CliUsageError when the file cannot be read, is not JSON, or holds a network that cannot work
 *   (the message lists every problem, naming the layer).
 */
function readSpecFile(path: string): ModelSpec {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliUsageError(`--spec: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { layers?: unknown }).layers)) {
    throw new CliUsageError(`--spec: ${path} must hold a JSON object with a "layers" list`);
  }
  const spec = value as ModelSpec;
  const analysis = analyseModelSpec(spec);
  if (!analysis.ok) throw new CliUsageError(`--spec: ${path}: ${analysis.issues.map((issue) => issue.message).join('; ')}`);
  return spec;
}

const VALUE_OPTIONS = [
  '--out', '--recipe', '--spec', '--epochs', '--subset', '--validation-subset', '--seed', '--batch-size', '--optimizer', '--learning-rate',
  '--momentum', '--decay', '--schedule', '--label-smoothing', '--backend', '--data', '--workers',
];

/** `trainSubset` → `subset`, `batchSize` → `batch-size`: the option a field comes from. */
function toKebab(field: string): string {
  if (field === 'trainSubset') return 'subset';
  if (field === 'learningRateSchedule') return 'schedule';
  return field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
