/**
 * The hyperparameters part of a lab: the valibot schema of `TrainingHyperparameters` (which fields,
 * of which types), then `validateHyperparameters`'s rules. Read field by field, so one bad value
 * costs that value only: a lenient read puts the tutorial's value in its place and says so.
 */
import * as v from 'valibot';
import { DEFAULT_HYPERPARAMETERS, HYPERPARAMETER_LIMITS, validateHyperparameters, type DataSizes, type TrainingHyperparameters } from '../training/hyperparameters';
import { isRecord, joinPath, problemsFromIssues, quoteValue, type LabProblem, type PartRead } from './lab-notes';
import type { Assignable, Expect } from './type-checks';

const WHOLE_FROM_1 = 'must be a whole number ≥ 1';
const SUBSET = 'must be a whole number ≥ 1, or null for all the images';

const EARLY_STOPPING_SCHEMA = v.object(
  {
    enabled: v.boolean('must be true or false'),
    monitor: v.picklist(['val_loss', 'val_accuracy'], "must be 'val_loss' or 'val_accuracy'"),
    minDelta: v.number('must be a number from 0 to 1'),
    patience: v.number(`must be a whole number from 0 to ${HYPERPARAMETER_LIMITS.maxPatience}`),
    restoreBestWeights: v.boolean('must be true or false'),
  },
  'must be an object (enabled, monitor, minDelta, patience, restoreBestWeights)',
);

/**
 * `TrainingHyperparameters`. `augment`, `learningRateSchedule` and `labelSmoothing` may be missing:
 * checkpoints saved before they existed trained without augmentation, with Keras' decay, unsmoothed.
 */
export const HYPERPARAMETERS_SCHEMA = v.object(
  {
    optimizer: v.picklist(['sgd', 'adam'], "must be 'sgd' or 'adam'"),
    learningRate: v.number(`must be a number > 0 and ≤ ${HYPERPARAMETER_LIMITS.maxLearningRate}`),
    momentum: v.number('must be a number in [0, 1)'),
    decay: v.number(`must be a number from 0 to ${HYPERPARAMETER_LIMITS.maxDecay}`),
    batchSize: v.number(WHOLE_FROM_1),
    epochs: v.number(WHOLE_FROM_1),
    trainSubset: v.nullable(v.number(SUBSET)),
    validationSubset: v.nullable(v.number(SUBSET)),
    seed: v.number('must be a whole number ≥ 0'),
    augment: v.optional(v.boolean('must be true or false'), false),
    learningRateSchedule: v.optional(v.picklist(['decay', 'one-cycle'], "must be 'decay' or 'one-cycle'"), 'decay'),
    labelSmoothing: v.optional(v.number('must be a number in [0, 1)'), 0),
    earlyStopping: EARLY_STOPPING_SCHEMA,
  },
  'must be an object of training settings',
);

type ParsedHyperparameters = v.InferOutput<typeof HYPERPARAMETERS_SCHEMA>;
export type SchemaAgreesWithHyperparameters = [
  Expect<Assignable<ParsedHyperparameters, TrainingHyperparameters>>,
  Expect<Assignable<TrainingHyperparameters, v.InferInput<typeof HYPERPARAMETERS_SCHEMA>>>,
];

/** CIFAR-10's splits: a lab's subsets cannot ask for more images than these. */
export const CIFAR10_SIZES: DataSizes = { trainCount: 50_000, testCount: 10_000 };

type Entries = Readonly<Record<string, v.GenericSchema>>;

/**
 * Read hyperparameters found at `path`, field by field: each field that is missing, of the wrong type
 * or against the rules becomes its tutorial value, and a problem names it.
 */
export function readHyperparameters(value: unknown, path: string): PartRead<TrainingHyperparameters> {
  if (!isRecord(value)) {
    return { value: DEFAULT_HYPERPARAMETERS, problems: problemsFromIssues(path, [{ message: HYPERPARAMETERS_SCHEMA.message ?? '', input: value }], "the tutorial's settings are used instead") };
  }
  const problems: LabProblem[] = [];
  const fields = readFields(HYPERPARAMETERS_SCHEMA.entries, value, DEFAULT_HYPERPARAMETERS, path, problems, { earlyStopping: EARLY_STOPPING_SCHEMA.entries });
  const typed = v.parse(HYPERPARAMETERS_SCHEMA, fields);
  const ruled = validateHyperparameters(typed, CIFAR10_SIZES);
  if (ruled.length === 0) return { value: typed, problems };
  let repaired: Readonly<Record<string, unknown>> = typed;
  for (const issue of ruled) {
    const keys = issue.field.split('.');
    const fallback = keys.reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), DEFAULT_HYPERPARAMETERS);
    repaired = withValueAt(repaired, keys, fallback);
    problems.push({ path: joinPath(path, keys), message: `${path}.${issue.message}`, instead: `the default ${quoteValue(fallback)} is used` });
  }
  return { value: v.parse(HYPERPARAMETERS_SCHEMA, repaired), problems };
}

/**
 * Each field of `entries` from `input`, or from `defaults` (with a problem) where it does not parse;
 * the objects named in `nested` are read field by field in turn.
 */
function readFields(entries: Entries, input: Readonly<Record<string, unknown>>, defaults: object, path: string, problems: LabProblem[], nested: Readonly<Record<string, Entries>> = {}): Record<string, unknown> {
  const fallbacks: Readonly<Record<string, unknown>> = { ...defaults };
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(entries)) {
    const raw = input[key];
    const fallback = fallbacks[key];
    const inner = nested[key];
    if (inner && isRecord(raw) && isRecord(fallback)) {
      out[key] = readFields(inner, raw, fallback, joinPath(path, [key]), problems);
      continue;
    }
    const parsed = v.safeParse(schema, raw);
    if (parsed.success) {
      out[key] = parsed.output;
    } else {
      out[key] = fallback;
      problems.push(...problemsFromIssues(joinPath(path, [key]), parsed.issues, `the default ${quoteValue(fallback)} is used`));
    }
  }
  return out;
}

function withValueAt(record: Readonly<Record<string, unknown>>, keys: readonly string[], value: unknown): Readonly<Record<string, unknown>> {
  const [key, ...rest] = keys;
  if (key === undefined) return record;
  const inner = record[key];
  return { ...record, [key]: rest.length === 0 ? value : withValueAt(isRecord(inner) ? inner : {}, rest, value) };
}
