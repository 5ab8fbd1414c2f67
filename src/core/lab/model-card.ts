/**
 * `model-card.json`, written beside a shipped model by `scripts/export-pretrained.ts`: how well the
 * model does, how long it trained, its history, and the lab it was trained with (network and
 * settings, in the lab schema's own form), so the app can name it and a person can train it again.
 *
 * Version 1 cards (no `format`) held the settings at the top level and no network: the CLI then
 * trained only the tutorial's network, so that is the network they are read with.
 */
import * as v from 'valibot';
import { DEFAULT_MODEL_SPEC } from '../model/model-spec';
import { checkEnvelope, DEFAULT_LAB, parseCheckpointSettings, parseLab, writeLab, type LabDocument, type TrainingLab } from './lab';
import { isRecord, problemsFromIssues, type LabNote } from './lab-notes';

/** The `format` of a model card. */
export const MODEL_CARD_FORMAT = 'cnn-playground-model-card';
/** The version written; version 1 is read too. */
export const MODEL_CARD_VERSION = 2;

const SHARE = v.pipe(v.number('must be a number from 0 to 1'), v.minValue(0, 'must be a number from 0 to 1'), v.maxValue(1, 'must be a number from 0 to 1'));
const COUNT = v.pipe(v.number('must be a whole number ≥ 0'), v.integer('must be a whole number ≥ 0'), v.minValue(0, 'must be a whole number ≥ 0'));
const POSITIVE_COUNT = v.pipe(v.number('must be a whole number ≥ 1'), v.integer('must be a whole number ≥ 1'), v.minValue(1, 'must be a whole number ≥ 1'));
const SECONDS = v.pipe(v.number('must be a number of seconds ≥ 0'), v.minValue(0, 'must be a number of seconds ≥ 0'));

const CARD_EPOCH_SCHEMA = v.object({ epoch: COUNT, loss: v.number('must be a number'), accuracy: SHARE, valLoss: v.number('must be a number'), valAccuracy: SHARE, seconds: SECONDS }, 'must be an epoch');

/** The card's own fields (its lab is read by the lab schema). */
const CARD_FIELDS_SCHEMA = v.object({
  name: v.string('must be text'),
  testAccuracy: SHARE,
  testImages: POSITIVE_COUNT,
  epochs: COUNT,
  trainingSeconds: SECONDS,
  backend: v.string('must be the name of a backend'),
  trainedAt: v.string('must be a time (ISO 8601 text)'),
  history: v.array(CARD_EPOCH_SCHEMA, 'must be a list of epochs'),
});

/** One epoch of the run that made the model. */
export type CardEpoch = v.InferOutput<typeof CARD_EPOCH_SCHEMA>;

/** A model card, read. */
export interface ModelCard {
  readonly name: string;
  /** Accuracy on `testImages` CIFAR-10 test images, 0…1. */
  readonly testAccuracy: number;
  readonly testImages: number;
  /** Epochs the model was trained for (also `lab.hyperparameters.epochs`). */
  readonly epochs: number;
  readonly trainingSeconds: number;
  readonly backend: string;
  /** ISO 8601 time of the checkpoint it was exported from. */
  readonly trainedAt: string;
  readonly lab: TrainingLab;
  readonly history: readonly CardEpoch[];
}

/** A model card as written. */
export type ModelCardDocument = Omit<ModelCard, 'lab'> & { readonly format: typeof MODEL_CARD_FORMAT; readonly version: typeof MODEL_CARD_VERSION; readonly lab: LabDocument };

/** What reading a model card gives. */
export type ModelCardParse = { readonly ok: true; readonly card: ModelCard } | { readonly ok: false; readonly problems: readonly LabNote[] };

/** Write `card` in the current version. */
export function writeModelCard(card: ModelCard): ModelCardDocument {
  const { lab, ...fields } = card;
  return { format: MODEL_CARD_FORMAT, version: MODEL_CARD_VERSION, ...fields, lab: writeLab({ ...DEFAULT_LAB, ...lab }) };
}

/** Read a model card of version 1 or 2, strictly: each problem names its field. */
export function parseModelCard(value: unknown): ModelCardParse {
  const refused = checkEnvelope(value, MODEL_CARD_FORMAT, MODEL_CARD_VERSION, 'model card');
  if (refused || !isRecord(value)) return { ok: false, problems: refused ?? [] };
  const fields = v.safeParse(CARD_FIELDS_SCHEMA, value);
  const lab = (value.version ?? 1) === 1 ? readVersion1Lab(value) : readLab(value.lab);
  const problems = [...(fields.success ? [] : problemsFromIssues('', fields.issues, '')), ...(lab.ok ? [] : lab.problems)];
  if (!fields.success || !lab.ok) return { ok: false, problems: problems.map(({ path, message }) => ({ path, message })) };
  return { ok: true, card: { ...fields.output, lab: lab.lab } };
}

type LabRead = { readonly ok: true; readonly lab: TrainingLab } | { readonly ok: false; readonly problems: readonly LabNote[] };

function readLab(value: unknown): LabRead {
  const read = parseLab(value, { strict: true });
  if (!read.ok) return { ok: false, problems: read.problems.map((problem) => ({ path: `lab.${problem.path}`, message: `lab: ${problem.message}` })) };
  return { ok: true, lab: { architecture: read.lab.architecture, hyperparameters: read.lab.hyperparameters } };
}

function readVersion1Lab(value: Readonly<Record<string, unknown>>): LabRead {
  const read = parseCheckpointSettings({ spec: DEFAULT_MODEL_SPEC, hyperparameters: value.hyperparameters });
  return read.ok ? { ok: true, lab: { architecture: read.architecture, hyperparameters: read.hyperparameters } } : read;
}
