/**
 * Sweeps over the tutorial's hyperparameter sections — max-pooling shape, filter (kernel) shape,
 * number of filters — and the learning rate: one short run per value, everything else equal, so a
 * class can compare them in one table and one chart. Pure: the runs to queue, and the results table.
 */
import type { TrainingHyperparameters } from './hyperparameters';
import type { LayerSpec, ModelSpec } from '../model/model-spec';
import { analyseModelSpec } from '../model/model-spec-validate';
import type { LabRunSetup } from './overfitting-lab';
import type { EpochSummary } from './training-record';

/** What a sweep varies. */
export type SweepParameter = 'poolSize' | 'kernelSize' | 'filters' | 'learningRate';

/** How each sweep is shown and what it tries by default. */
export interface SweepDefinition {
  readonly parameter: SweepParameter;
  /** The tutorial's section, as the page names it. */
  readonly title: string;
  /** Keras' argument. */
  readonly keras: string;
  /** What changes, in words. */
  readonly applies: string;
  readonly defaultValues: readonly number[];
  /** Smallest and largest value accepted. */
  readonly min: number;
  readonly max: number;
  readonly whole: boolean;
}

/** The four sweeps, in the tutorial's order, then the learning rate. */
export const SWEEPS: readonly SweepDefinition[] = [
  { parameter: 'poolSize', title: 'Max pooling shape', keras: 'pool_size', applies: 'every pooling layer’s window (2 × 2, 3 × 3, 4 × 4 …)', defaultValues: [2, 3, 4], min: 1, max: 8, whole: true },
  { parameter: 'kernelSize', title: 'Filter shape', keras: 'kernel_size', applies: 'every convolution’s mask size', defaultValues: [3, 5, 7], min: 1, max: 11, whole: true },
  { parameter: 'filters', title: 'Number of filters', keras: 'filters', applies: 'every convolution’s number of masks', defaultValues: [8, 16, 32, 64], min: 1, max: 256, whole: true },
  { parameter: 'learningRate', title: 'Learning rate', keras: 'learning_rate', applies: 'the optimiser’s learning rate', defaultValues: [0.0003, 0.001, 0.003, 0.01], min: 1e-6, max: 10, whole: false },
];

/** The definition of `parameter`. */
export function sweepDefinition(parameter: SweepParameter): SweepDefinition {
  const found = SWEEPS.find((sweep) => sweep.parameter === parameter);
  if (!found) throw new RangeError(`no sweep over ${String(parameter)}`);
  return found;
}

/** One run of a sweep: the value it tries and what it trains. */
export interface SweepRunSetup extends LabRunSetup {
  readonly value: number;
  /** "Sweep 2 · pool_size 3": the sweep's number, Keras' name of the parameter and the value. */
  readonly name: string;
}

/** "Sweep 2 · pool_size 3": how a sweep's runs are named, so the saved runs say which sweep they belong to. */
export function sweepRunName(sweepNumber: number, parameter: SweepParameter, value: number): string {
  return `Sweep ${sweepNumber} · ${sweepDefinition(parameter).keras} ${value}`;
}

const SWEEP_NAME = /^Sweep (\d+) · (\w+) (\S+)$/;

/** A saved run as sweeps need it (the runs list's `RunSummary` has these fields). */
export interface SavedRunLike {
  readonly id: string;
  readonly name: string;
  readonly lab: LabRunSetup;
  readonly epochs: readonly EpochSummary[];
}

/** A sweep found among the saved runs: its number, parameter and its runs by value. */
export interface SavedSweep<R extends SavedRunLike> {
  readonly sweepNumber: number;
  readonly parameter: SweepParameter;
  readonly runs: readonly { readonly value: number; readonly run: R }[];
}

/**
 * The sweeps among saved runs, read from their names (`sweepRunName`), newest sweep first and each
 * sweep's runs by value. A run renamed away from the pattern leaves its sweep.
 */
export function savedSweeps<R extends SavedRunLike>(runs: readonly R[]): SavedSweep<R>[] {
  const sweeps = new Map<number, { parameter: SweepParameter; runs: { value: number; run: R }[] }>();
  for (const run of runs) {
    const match = SWEEP_NAME.exec(run.name);
    const definition = SWEEPS.find((sweep) => sweep.keras === match?.[2]);
    const value = Number(match?.[3]);
    if (!match || !definition || !Number.isFinite(value)) continue;
    const sweepNumber = Number(match[1]);
    const entry = sweeps.get(sweepNumber) ?? { parameter: definition.parameter, runs: [] };
    if (entry.parameter !== definition.parameter) continue;
    entry.runs.push({ value, run });
    sweeps.set(sweepNumber, entry);
  }
  return [...sweeps.entries()]
    .sort(([a], [b]) => b - a)
    .map(([sweepNumber, entry]) => ({ sweepNumber, parameter: entry.parameter, runs: [...entry.runs].sort((a, b) => a.value - b.value) }));
}

/** The number the next sweep gets: one more than any saved sweep's. */
export function nextSweepNumber(runs: readonly SavedRunLike[]): number {
  return Math.max(0, ...savedSweeps(runs).map((sweep) => sweep.sweepNumber)) + 1;
}

/**
 * The value list typed in a box ("2, 3, 4"), checked: numbers within the sweep's bounds (whole where
 * it must be), no repeats, 2 to 8 of them.
 * @returns the values, or a message saying what is wrong.
 */
export function parseSweepValues(text: string, definition: SweepDefinition): { ok: true; values: number[] } | { ok: false; message: string } {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== '');
  const values = parts.map(Number);
  const bad = parts.find((part, index) => {
    const value = values[index] ?? Number.NaN;
    return !Number.isFinite(value) || value < definition.min || value > definition.max || (definition.whole && !Number.isInteger(value));
  });
  if (bad !== undefined) return { ok: false, message: `${definition.title}: ${bad} is not ${definition.whole ? 'a whole number' : 'a number'} from ${definition.min} to ${definition.max}` };
  if (values.length < 2 || values.length > 8) return { ok: false, message: `${definition.title}: give 2 to 8 values, got ${values.length}` };
  if (new Set(values).size !== values.length) return { ok: false, message: `${definition.title}: each value once` };
  return { ok: true, values };
}

function withParameter(layer: LayerSpec, parameter: SweepParameter, value: number): LayerSpec {
  if (parameter === 'poolSize' && (layer.type === 'MaxPooling2D' || layer.type === 'AveragePooling2D')) return { ...layer, poolSize: value, strides: null };
  if (parameter === 'poolSize' && layer.type === 'StochasticPooling2D') return { ...layer, poolSize: value };
  if (parameter === 'kernelSize' && layer.type === 'Conv2D') return { ...layer, kernelSize: value };
  if (parameter === 'filters' && layer.type === 'Conv2D') return { ...layer, filters: value };
  return layer;
}

/**
 * One run per value: `base` with every pooling layer, every convolution or the learning rate set to
 * the value (pools get strides equal to their size, as Keras' default). A value that makes the network
 * impossible (a 4 × 4 pool on a 3 × 3 map) is kept, with the model check's message, so the table can
 * say why it did not run.
 */
export function sweepRuns(parameter: SweepParameter, values: readonly number[], base: LabRunSetup, sweepNumber = 1): (SweepRunSetup & { readonly problem: string | null })[] {
  return values.map((value) => {
    const spec: ModelSpec = parameter === 'learningRate' ? base.spec : { ...base.spec, layers: base.spec.layers.map((layer) => withParameter(layer, parameter, value)) };
    const hyperparameters: TrainingHyperparameters = parameter === 'learningRate' ? { ...base.hyperparameters, learningRate: value } : base.hyperparameters;
    const analysis = analyseModelSpec(spec);
    return { value, spec, hyperparameters, name: sweepRunName(sweepNumber, parameter, value), problem: analysis.ok ? null : analysis.issues.map((issue) => issue.message).join('; ') };
  });
}

/** A finished (or partly trained) sweep run, as the runs list holds it. */
export interface SweepRunResult {
  readonly value: number;
  readonly spec: ModelSpec;
  readonly epochs: readonly EpochSummary[];
}

/** One row of the results table. */
export interface SweepRow {
  readonly value: number;
  readonly params: number | null;
  readonly bestValAccuracy: number | null;
  /** Epoch (1-based) of the best validation accuracy. */
  readonly bestEpoch: number | null;
  readonly seconds: number;
  /** Training images per second over the whole run (time-weighted). */
  readonly imagesPerSecond: number | null;
}

/** The results table: per value its parameters, best val_accuracy (and when), time and images/s. */
export function sweepRows(results: readonly SweepRunResult[]): SweepRow[] {
  return results.map((result) => {
    const analysis = analyseModelSpec(result.spec);
    let best: EpochSummary | null = null;
    for (const epoch of result.epochs) if (best === null || epoch.valAccuracy > best.valAccuracy) best = epoch;
    const seconds = result.epochs.reduce((sum, epoch) => sum + epoch.seconds, 0);
    // Every epoch trains on the same number of images, so the run's speed is the harmonic mean of the epochs'.
    const trainSeconds = result.epochs.reduce((sum, epoch) => sum + (epoch.imagesPerSecond > 0 ? 1 / epoch.imagesPerSecond : 0), 0);
    return {
      value: result.value,
      params: analysis.ok ? analysis.totalParams : null,
      bestValAccuracy: best?.valAccuracy ?? null,
      bestEpoch: best === null ? null : best.epoch + 1,
      seconds,
      imagesPerSecond: result.epochs.length > 0 && trainSeconds > 0 ? result.epochs.length / trainSeconds : null,
    };
  });
}

/** The CSV header of the results table. */
export function sweepCsvHeader(parameter: SweepParameter): string[] {
  return [sweepDefinition(parameter).keras, 'params', 'best_val_accuracy', 'best_epoch', 'seconds', 'images_per_second'];
}

/** The results table's rows as CSV cells, in `sweepCsvHeader`'s order (accuracy as a fraction, as Keras' history). */
export function sweepCsvRows(rows: readonly SweepRow[]): (number | null)[][] {
  return rows.map((row) => [row.value, row.params, row.bestValAccuracy, row.bestEpoch, row.seconds, row.imagesPerSecond]);
}
