/**
 * A training checkpoint as plain data, without its weight arrays: what `training-state.json` of
 * `npm run train` holds next to its `.bin` files, and what a saved run keeps besides its weights. Its
 * settings are read by the lab schema (`parseCheckpointSettings`); the rest — where the run stands,
 * its history, early stopping's memory — by the schemas here.
 */
import * as v from 'valibot';
import type { EarlyStoppingState } from '../training/early-stopping';
import type { BatchPoint, EpochSummary } from '../training/training-record';
import { parseCheckpointSettings, type TrainingLab } from './lab';
import { isRecord, problemsFromIssues, quoteValue, type LabNote } from './lab-notes';
import type { Assignable, Expect } from './type-checks';

/** The `format` of a training checkpoint. */
export const CHECKPOINT_FORMAT = 'cnn-playground-training-checkpoint';
/** The checkpoint version written and read. */
export const CHECKPOINT_VERSION = 1;

const WHOLE = v.pipe(v.number('must be a whole number ≥ 0'), v.integer('must be a whole number ≥ 0'), v.minValue(0, 'must be a whole number ≥ 0'));
/** A measured value: a diverged step records NaN, and early stopping starts from ±Infinity. */
const MEASURE = v.union([v.number(), v.nan()], 'must be a number');

const BATCH_POINT_SCHEMA = v.object({ iteration: WHOLE, epoch: WHOLE, batch: WHOLE, loss: MEASURE, accuracy: MEASURE, learningRate: MEASURE }, 'must be a batch point');
const EPOCH_SUMMARY_SCHEMA = v.object(
  { epoch: WHOLE, loss: MEASURE, accuracy: MEASURE, valLoss: MEASURE, valAccuracy: MEASURE, seconds: MEASURE, imagesPerSecond: MEASURE },
  'must be an epoch summary',
);

/** What the rest of a checkpoint must be (`spec` and `hyperparameters` are read by the lab schema). */
const CHECKPOINT_REST_SCHEMA = v.object({
  savedAt: v.string('must be a time (ISO 8601 text)'),
  backend: v.string('must be the name of a backend'),
  epochsDone: WHOLE,
  iteration: WHOLE,
  history: v.object({ batches: v.array(BATCH_POINT_SCHEMA, 'must be a list'), epochs: v.array(EPOCH_SUMMARY_SCHEMA, 'must be a list') }, 'must be an object with batches and epochs'),
  earlyStopping: v.object(
    {
      best: MEASURE,
      bestEpoch: v.nullable(WHOLE),
      wait: WHOLE,
      holdsBestWeights: v.boolean('must be true or false'),
      stoppedEpoch: v.nullable(WHOLE),
    },
    'must be early stopping state',
  ),
});

type Rest = v.InferOutput<typeof CHECKPOINT_REST_SCHEMA>;
export type SchemaAgreesWithCheckpoint = [
  Expect<Assignable<Rest['history']['batches'][number], BatchPoint>>,
  Expect<Assignable<Rest['history']['epochs'][number], EpochSummary>>,
  Expect<Assignable<Rest['earlyStopping'], EarlyStoppingState>>,
];

/** A checkpoint without its weights. */
export interface CheckpointState {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly version: typeof CHECKPOINT_VERSION;
  readonly savedAt: string;
  readonly backend: string;
  readonly spec: TrainingLab['architecture'];
  /** Complete: a checkpoint saved before `augment` existed reads as trained without augmentation. */
  readonly hyperparameters: TrainingLab['hyperparameters'];
  readonly epochsDone: number;
  readonly iteration: number;
  readonly history: { readonly batches: readonly BatchPoint[]; readonly epochs: readonly EpochSummary[] };
  readonly earlyStopping: EarlyStoppingState;
}

/** What reading a checkpoint gives. */
export type CheckpointStateParse = { readonly ok: true; readonly state: CheckpointState } | { readonly ok: false; readonly problems: readonly LabNote[] };

/**
 * Read a checkpoint's plain data (a parsed `training-state.json`, or a saved run's record) strictly:
 * any problem refuses it, each problem naming its field. Extra fields (the CLI's `files`) are ignored.
 */
export function parseCheckpointState(value: unknown): CheckpointStateParse {
  if (!isRecord(value)) return { ok: false, problems: [{ path: '', message: `a checkpoint must be an object, got ${quoteValue(value)}` }] };
  if (value.format !== CHECKPOINT_FORMAT) return { ok: false, problems: [{ path: 'format', message: `format must be '${CHECKPOINT_FORMAT}', got ${quoteValue(value.format)}` }] };
  if (value.version !== CHECKPOINT_VERSION) return { ok: false, problems: [{ path: 'version', message: `version must be ${CHECKPOINT_VERSION} (the only checkpoint version this app reads), got ${quoteValue(value.version)}` }] };
  const settings = parseCheckpointSettings(value);
  const rest = v.safeParse(CHECKPOINT_REST_SCHEMA, value);
  const problems = [...(settings.ok ? [] : settings.problems), ...(rest.success ? [] : problemsFromIssues('', rest.issues, ''))];
  if (!settings.ok || !rest.success) return { ok: false, problems: problems.map(({ path, message }) => ({ path, message })) };
  return { ok: true, state: { format: CHECKPOINT_FORMAT, version: CHECKPOINT_VERSION, spec: settings.architecture, hyperparameters: settings.hyperparameters, ...rest.output } };
}
