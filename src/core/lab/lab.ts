/**
 * One lab schema: what makes a lab — the network (`ModelSpec`), the training settings
 * (`TrainingHyperparameters`: optimiser, learning rate, batch size, epochs, data subsets, seed,
 * augmentation, early stopping) and every Learn lesson's example — and how it is written and read.
 * Saved runs, `npm run train` checkpoints, `model-card.json` and links all go through here, so a
 * document that is bad or old is refused or repaired the same way everywhere, with a message that
 * names the field.
 */
import { DEFAULT_HYPERPARAMETERS, type TrainingHyperparameters } from '../training/hyperparameters';
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../model/model-spec';
import { readArchitecture } from './architecture-schema';
import { readHyperparameters } from './hyperparameters-schema';
import { asProblemNote, asReplacedNote, isRecord, quoteValue, type LabNote, type LabProblem } from './lab-notes';
import { DEFAULT_LESSON_SETTINGS, LESSON_SETTINGS_IDS, readLessons, type LessonId, type LessonSettings } from './lesson-settings';
import { readOwnClasses, readTransfer, type OwnClassesSource, type TransferSettings } from './own-classes-lab';

/** The `format` of a written lab. */
export const LAB_FORMAT = 'cnn-playground-lab';
/** The version this code writes and the newest it reads. */
export const LAB_VERSION = 1;

/** What a training run needs: the network and its settings. */
export interface TrainingLab {
  readonly architecture: ModelSpec;
  readonly hyperparameters: TrainingHyperparameters;
}

/** A whole lab: a training run's network and settings, and every lesson's example. */
export interface Lab extends TrainingLab {
  readonly lessons: LessonSettings;
}

/** The tutorial's network and settings, and each lesson's own example. */
export const DEFAULT_LAB: Lab = { architecture: DEFAULT_MODEL_SPEC, hyperparameters: DEFAULT_HYPERPARAMETERS, lessons: DEFAULT_LESSON_SETTINGS };

/** A lab as written: plain JSON data, with only the lessons whose settings differ from their own example. */
export interface LabDocument {
  readonly format: typeof LAB_FORMAT;
  readonly version: typeof LAB_VERSION;
  readonly architecture: ModelSpec;
  readonly hyperparameters: TrainingHyperparameters;
  readonly lessons?: Partial<LessonSettings>;
}

/** What reading a lab gives: the lab and what was repaired, or why there is no lab at all. */
export type LabParse = { readonly ok: true; readonly lab: Lab; readonly notes: readonly LabNote[] } | { readonly ok: false; readonly problems: readonly LabNote[] };

/** How strictly to read. */
export interface ParseLabOptions {
  /**
   * false (the default, for links and files a person hands over): open what can be read and put the
   * tutorial's value in place of each part that cannot, with a note naming it. true (for saved runs
   * and checkpoints, whose weights fit only their own network and settings): any problem refuses the
   * whole document. Either way a field that older versions did not write (`augment`) is filled in as
   * those versions trained (off), without a note.
   */
  readonly strict?: boolean;
}

/**
 * Write `lab` as a `LabDocument`. Lessons left at their own example are not written; the network and
 * settings always are, whole, so a saved run never depends on what the defaults are today.
 */
export function writeLab(lab: Lab): LabDocument {
  const lessons: { -readonly [Id in LessonId]?: LessonSettings[Id] } = {};
  const keepIfChanged = <Id extends LessonId>(id: Id): void => {
    if (!sameData(lab.lessons[id], DEFAULT_LESSON_SETTINGS[id])) lessons[id] = lab.lessons[id];
  };
  LESSON_SETTINGS_IDS.forEach(keepIfChanged);
  const written = Object.keys(lessons).length > 0 ? { lessons } : {};
  return { format: LAB_FORMAT, version: LAB_VERSION, architecture: lab.architecture, hyperparameters: lab.hyperparameters, ...written };
}

/**
 * Read a lab from anything (a run record, parsed JSON, a decoded link). Refused outright when it is
 * not an object, names another format, or is of a newer version; otherwise see `ParseLabOptions`.
 */
export function parseLab(value: unknown, options: ParseLabOptions = {}): LabParse {
  const refused = checkEnvelope(value, LAB_FORMAT, LAB_VERSION, 'lab');
  if (refused || !isRecord(value)) return { ok: false, problems: refused ?? [] };
  const architecture = readArchitecture(value.architecture, 'architecture');
  const hyperparameters = readHyperparameters(value.hyperparameters, 'hyperparameters');
  const lessons = readLessons(value.lessons, 'lessons');
  const problems = [...architecture.problems, ...hyperparameters.problems, ...lessons.problems];
  return settle(problems, options, () => ({ architecture: architecture.value, hyperparameters: hyperparameters.value, lessons: lessons.value }));
}

/** A run's own classes and transfer source, when it has them (a saved run's lab). */
export interface OwnClassesLab {
  /** Absent: CIFAR-10. */
  readonly classes?: OwnClassesSource;
  /** Absent: trained from the seed's random weights. */
  readonly transfer?: TransferSettings;
}

/** What reading a checkpoint's settings gives. */
export type CheckpointSettingsParse = ({ readonly ok: true; readonly notes: readonly LabNote[] } & TrainingLab & OwnClassesLab) | { readonly ok: false; readonly problems: readonly LabNote[] };

/**
 * Read the settings part of a saved training checkpoint (`spec` and `hyperparameters`, as
 * `TrainingCheckpoint` and `training-state.json` hold them; `classes` and `transfer` for a saved run on
 * your own classes, whose network ends in one unit per class), strictly: the checkpoint's weights fit
 * only its own network. Checkpoints saved before augmentation existed read as trained without it.
 */
export function parseCheckpointSettings(value: unknown, options: ParseLabOptions = { strict: true }): CheckpointSettingsParse {
  if (!isRecord(value)) return { ok: false, problems: [{ path: '', message: `a checkpoint must be an object with spec and hyperparameters, got ${quoteValue(value)}` }] };
  const classes = readOwnClasses(value.classes, 'classes');
  const transfer = readTransfer(value.transfer, 'transfer');
  const architecture = readArchitecture(value.spec, 'spec', classes.value?.classNames.length);
  const hyperparameters = readHyperparameters(value.hyperparameters, 'hyperparameters');
  const problems: LabProblem[] = [...classes.problems, ...transfer.problems, ...architecture.problems, ...hyperparameters.problems];
  // Transfer learning trains a head for your own classes: a transfer without a class set is not a run this app makes.
  if (transfer.value && value.classes === undefined) problems.push({ path: 'transfer', message: 'transfer learning needs the class set it trains on (classes is missing)', instead: 'it is trained from scratch instead' });
  const read = settle(problems, options, () => ({
    architecture: architecture.value,
    hyperparameters: hyperparameters.value,
    ...(classes.value ? { classes: classes.value } : {}),
    ...(transfer.value && classes.value ? { transfer: transfer.value } : {}),
  }));
  return read.ok ? { ok: true, notes: read.notes, ...read.lab } : read;
}

/** The strict or lenient outcome of a read that found `problems`. */
export function settle<T>(problems: readonly LabProblem[], options: ParseLabOptions, value: () => T): { ok: true; lab: T; notes: readonly LabNote[] } | { ok: false; problems: readonly LabNote[] } {
  if (options.strict && problems.length > 0) return { ok: false, problems: problems.map(asProblemNote) };
  return { ok: true, lab: value(), notes: problems.map(asReplacedNote) };
}

/**
 * Why a document is not one of ours at all: not an object, another `format`, a `version` newer than
 * `newest` (or not a whole number). A document without `format` and `version` is read as the first version.
 */
export function checkEnvelope(value: unknown, format: string, newest: number, what: string): LabNote[] | null {
  if (!isRecord(value)) return [{ path: '', message: `a ${what} must be an object, got ${quoteValue(value)}` }];
  if (value.format !== undefined && value.format !== format) return [{ path: 'format', message: `format must be '${format}', got ${quoteValue(value.format)}` }];
  const version = value.version;
  if (version === undefined) return null;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return [{ path: 'version', message: `version must be a whole number ≥ 1, got ${quoteValue(version)}` }];
  if (version > newest) return [{ path: 'version', message: `version ${version} is newer than this app reads (up to ${newest}): open it with a newer CNN Playground` }];
  return null;
}

/** Deep equality of plain JSON data (numbers, strings, booleans, null, arrays, objects). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameData(item, b[index]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  const otherKeys = Object.keys(b).filter((key) => b[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => sameData(a[key], b[key]));
}
