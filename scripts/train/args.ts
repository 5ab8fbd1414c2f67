/**
 * The command line of `npm run train`, parsed without side effects so it can be tested.
 */
import { DEFAULT_HYPERPARAMETERS, validateHyperparameters, type OptimizerName, type TrainingHyperparameters } from '../../src/core/hyperparameters';

/** Backends the CLI can train on in Node. */
export type CliBackend = 'cpu' | 'wasm';

/** What the user asked for. */
export interface TrainCliOptions {
  readonly outDir: string;
  readonly backend: CliBackend;
  readonly resume: boolean;
  readonly dataDir: string;
  readonly hyperparameters: TrainingHyperparameters;
  /**
   * Data-parallel workers on wasm (issue 19): 'auto' measures 1 … one per core on the run's first
   * batches and keeps the fastest; a number fixes the count.
   */
  readonly workers: 'auto' | number;
}

/** Usage text, printed by --help and after an error. */
export const USAGE = `Usage: npm run train -- --out DIR [options]

Trains the tutorial's CNN on CIFAR-10 (public/data/cifar10, made by \`npm run data\`) with the app's own
engine code, prints a table per epoch and checkpoints DIR after every epoch (a tfjs layers model:
model.json + weights.bin, plus the optimiser and history needed to continue).

  --out DIR              where checkpoints go (required)
  --epochs N             epochs to train in all (default ${DEFAULT_HYPERPARAMETERS.epochs}); with --resume, the new total
  --subset M             train on a class-balanced subset of M training images (default: all 50 000)
  --validation-subset V  validate on V test images after each epoch (default: all 10 000)
  --seed S               seeds weight initialisation, subsets and shuffles (default ${DEFAULT_HYPERPARAMETERS.seed})
  --batch-size B         images per step (default ${DEFAULT_HYPERPARAMETERS.batchSize})
  --optimizer sgd|adam   (default sgd, momentum ${DEFAULT_HYPERPARAMETERS.momentum}, decay ${DEFAULT_HYPERPARAMETERS.decay})
  --learning-rate R      (default ${DEFAULT_HYPERPARAMETERS.learningRate})
  --augment              mirror left–right and shift up to 2 px each training image, new at every step
                         (default off, as in the tutorial; with --resume the checkpoint's choice stays)
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
    if (arg === '--resume' || arg === '--augment') {
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
  const optimizer = values.get('--optimizer') ?? DEFAULT_HYPERPARAMETERS.optimizer;
  if (optimizer !== 'sgd' && optimizer !== 'adam') throw new CliUsageError(`--optimizer must be sgd or adam, got ${optimizer}`);
  const number = (option: string, fallback: number): number => {
    const text = values.get(option);
    if (text === undefined) return fallback;
    const parsed = Number(text);
    if (text.trim() === '' || !Number.isFinite(parsed)) throw new CliUsageError(`${option} must be a number, got ${text}`);
    return parsed;
  };
  const optional = (option: string): number | null => (values.has(option) ? number(option, 0) : null);
  const hyperparameters: TrainingHyperparameters = {
    ...DEFAULT_HYPERPARAMETERS,
    optimizer: optimizer as OptimizerName,
    learningRate: number('--learning-rate', optimizer === 'adam' ? 0.001 : DEFAULT_HYPERPARAMETERS.learningRate),
    batchSize: number('--batch-size', DEFAULT_HYPERPARAMETERS.batchSize),
    epochs: number('--epochs', DEFAULT_HYPERPARAMETERS.epochs),
    seed: number('--seed', DEFAULT_HYPERPARAMETERS.seed),
    trainSubset: optional('--subset'),
    validationSubset: optional('--validation-subset'),
    augment: flags.has('--augment'),
  };
  const issues = validateHyperparameters(hyperparameters);
  if (issues.length > 0) throw new CliUsageError(issues.map((issue) => `--${toKebab(issue.field)}: ${issue.message}`).join('\n'));
  const workersText = values.get('--workers') ?? 'auto';
  const workers = workersText === 'auto' ? 'auto' : Number(workersText);
  if (workers !== 'auto' && !(Number.isInteger(workers) && workers >= 1)) throw new CliUsageError(`--workers must be auto or a whole number ≥ 1, got ${workersText}`);
  if (values.has('--workers') && backend !== 'wasm') throw new CliUsageError('--workers needs --backend wasm (the workers run our wasm kernels)');
  return { outDir, backend, resume: flags.has('--resume'), dataDir: values.get('--data') ?? 'public/data/cifar10', hyperparameters, workers };
}

const VALUE_OPTIONS = ['--out', '--epochs', '--subset', '--validation-subset', '--seed', '--batch-size', '--optimizer', '--learning-rate', '--backend', '--data', '--workers'];

/** `trainSubset` → `subset`, `batchSize` → `batch-size`: the option a field comes from. */
function toKebab(field: string): string {
  if (field === 'trainSubset') return 'subset';
  return field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
