/**
 * What a student can change in each Learn lesson, as numbers: the grids, masks and options of the
 * lessons' editable drafts (`src/views/learn/lessons/*.tsx`, which hold them as typed text). A lab
 * carries them so a link can open a lesson with a teacher's own example. Each lesson's settings are
 * checked by the same core functions the lesson computes with (`prepareConv`, `convGeometry`,
 * `poolGeometry`, `conv1dSteps`, …), so a lab never holds an example the lesson cannot draw.
 */
import * as v from 'valibot';
import { softmaxWorking } from '../lessons/activations';
import { prepareConv } from '../lessons/conv2d';
import { conv1dSteps, pool1dSteps } from '../lessons/conv1d';
import { convGeometry } from '../lessons/conv-geometry';
import { maskedArraySteps } from '../lessons/masked-array';
import { poolGeometry } from '../lessons/pool2d';
import { matrixFromRows } from '../lessons/volume';
import { assertLessonGridFits, LESSON_RULES as FIELD_RULES } from '../lessons/lesson-bounds';
import { assertNumberRule } from '../lessons/typed-number';
import { isRecord, joinPath, problemsFromIssues, quoteValue, type LabProblem, type PartRead } from './lab-notes';

/** Largest magnitude of a lesson's number (as the lessons' inputs accept: `MAX_CELL_MAGNITUDE`). */
export const LESSON_CELL_LIMIT = 999;
/** Most rows or columns of a lesson grid or values of a series: the lessons' examples are a few cells wide. */
export const LESSON_GRID_LIMIT = 16;

const CELL_MESSAGE = `must be a number from −${LESSON_CELL_LIMIT} to ${LESSON_CELL_LIMIT}`;
const CELL = v.pipe(v.number(CELL_MESSAGE), v.finite(CELL_MESSAGE), v.minValue(-LESSON_CELL_LIMIT, CELL_MESSAGE), v.maxValue(LESSON_CELL_LIMIT, CELL_MESSAGE));
const SERIES_MESSAGE = `must be a list of 1 to ${LESSON_GRID_LIMIT} numbers`;
/** 1 to 16 numbers. */
const SERIES = v.pipe(v.array(CELL, SERIES_MESSAGE), v.minLength(1, SERIES_MESSAGE), v.maxLength(LESSON_GRID_LIMIT, SERIES_MESSAGE));
const GRID_MESSAGE = `must be a list of 1 to ${LESSON_GRID_LIMIT} rows`;
/** A grid of numbers, 1 to 16 rows of 1 to 16 numbers (rows of equal length: checked by `matrixFromRows`). */
const GRID = v.pipe(v.array(SERIES, GRID_MESSAGE), v.minLength(1, GRID_MESSAGE), v.maxLength(LESSON_GRID_LIMIT, GRID_MESSAGE));
const WHOLE = v.pipe(v.number('must be a whole number'), v.integer('must be a whole number'));
const NUMBER = CELL;
const VALID_OR_SAME = v.picklist(['valid', 'same'], "must be 'valid' or 'same'");
const MASK_SIZE = v.picklist([1, 2, 3, 4, 5], 'must be 1, 2, 3, 4 or 5');
const POOL_SIZE = v.picklist([2, 3], 'must be 2 or 3');

const SCHEMAS = {
  mask: v.object({ size: MASK_SIZE, weights: GRID, values: SERIES, hidden: v.array(v.boolean(), 'must be a list of true or false') }),
  flipping: v.object({ input: GRID, mask: GRID }),
  convolution: v.object({ input: GRID, mask: GRID, divisor: NUMBER }),
  stride: v.object({ input: GRID, mask: GRID, stride: WHOLE, padding: VALID_OR_SAME }),
  padding: v.object({
    input: GRID,
    mask: GRID,
    maskSize: MASK_SIZE,
    mode: v.picklist(['valid', 'same', 'explicit'], "must be 'valid', 'same' or 'explicit'"),
    sides: v.object({ top: WHOLE, bottom: WHOLE, left: WHOLE, right: WHOLE }, 'must be an object of top, bottom, left and right'),
    stride: WHOLE,
  }),
  pooling: v.object({ input: GRID, mode: v.picklist(['max', 'avg'], "must be 'max' or 'avg'"), poolSize: POOL_SIZE, stride: WHOLE, padding: VALID_OR_SAME }),
  'conv-1d': v.object({ series: SERIES, mask: SERIES, divisor: NUMBER, padding: VALID_OR_SAME, poolSize: POOL_SIZE }),
  network: v.object({ scores: SERIES }),
  'real-network': v.object({ filter: WHOLE, row: WHOLE, column: WHOLE }),
} as const;

/** A lesson's id, as in `#/learn/<id>`. */
export type LessonId = keyof typeof SCHEMAS;

/** What a student can change in every lesson. */
export type LessonSettings = { readonly [Id in LessonId]: v.InferOutput<(typeof SCHEMAS)[Id]> };

/** Every lesson's settings schema, by the lesson's id (its route, `#/learn/<id>`). */
export const LESSON_SCHEMAS: { readonly [Id in LessonId]: v.GenericSchema<unknown, LessonSettings[Id]> } = SCHEMAS;
/** The lessons' ids, in the order they are taught. */
export const LESSON_SETTINGS_IDS = Object.keys(SCHEMAS) as readonly LessonId[];

const EDGES = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
const ONES_3 = [
  [1, 1, 1],
  [1, 1, 1],
  [1, 1, 1],
];

/** Each lesson's own example, as its `INITIAL` draft holds it (keep the two in step). */
export const DEFAULT_LESSON_SETTINGS: LessonSettings = {
  mask: {
    size: 3,
    weights: [
      [1, 2, 1],
      [2, 4, 2],
      [1, 2, 1],
    ],
    values: [1, 2, 3, -1, 5],
    hidden: [false, false, false, true, false],
  },
  flipping: {
    input: [
      [1, 2, 3, 4, 5],
      [2, 3, 4, 5, 6],
      [9, 8, 7, 6, 5],
      [1, 1, 1, 1, 1],
      [4, 2, 0, 2, 4],
    ],
    mask: EDGES,
  },
  convolution: {
    input: [
      [5, 4, 1, 0, 2, 6],
      [2, 6, 3, 1, 8, 7],
      [0, 3, 9, 5, 4, 2],
      [1, 2, 4, 8, 6, 3],
      [7, 1, 0, 3, 9, 5],
      [4, 6, 2, 1, 5, 8],
    ],
    mask: EDGES,
    divisor: 1,
  },
  stride: {
    input: [
      [3, 1, 4, 1, 5],
      [9, 2, 6, 5, 3],
      [5, 8, 9, 7, 9],
      [3, 2, 3, 8, 4],
      [6, 2, 6, 4, 3],
    ],
    mask: [
      [1, 0, 1],
      [0, 1, 0],
      [1, 0, 1],
    ],
    stride: 1,
    padding: 'valid',
  },
  padding: {
    input: [
      [2, 7, 1, 8],
      [2, 8, 1, 8],
      [2, 8, 4, 5],
      [9, 0, 4, 5],
    ],
    mask: ONES_3,
    maskSize: 3,
    mode: 'same',
    sides: { top: 1, bottom: 1, left: 1, right: 1 },
    stride: 1,
  },
  pooling: {
    input: [
      [1, 3, 2, 9, 0, 4],
      [5, 6, 1, 2, 7, 3],
      [3, 2, 8, 4, 1, 0],
      [0, 1, 5, 6, 2, 8],
      [4, 7, 0, 3, 9, 1],
      [2, 5, 6, 1, 3, 2],
    ],
    mode: 'max',
    poolSize: 2,
    stride: 2,
    padding: 'valid',
  },
  'conv-1d': { series: [12, 14, 13, 15, 17, 16, 18, 19, 31, 18, 20, 19, 21, 22], mask: [1, 1, 1], divisor: 3, padding: 'same', poolSize: 2 },
  network: { scores: [1.2, 0.3, 2.5, 4.1, 1, 3, 0.5, 0.2, 0.8, 0.1] },
  'real-network': { filter: 1, row: 16, column: 16 },
};

/**
 * The rules each lesson's settings must meet beyond their types, by the lesson's own math.
 * @throws RangeError naming the failed constraint ("mask 5×5 is larger than the input 4×4").
 */
const LESSON_RULES: { readonly [Id in LessonId]: (settings: LessonSettings[Id]) => void } = {
  mask: ({ size, weights, values, hidden }) => {
    sameSize('weights', weights, size);
    if (hidden.length !== values.length) throw new RangeError(`hidden has ${hidden.length} flags for ${values.length} values`);
    maskedArraySteps(values, hidden);
  },
  flipping: ({ input, mask }) => {
    convGeometry(matrixFromRows(input), matrixFromRows(mask), 1, 'valid');
  },
  convolution: ({ input, mask, divisor }) => {
    prepareConv(matrixFromRows(input), matrixFromRows(mask), { divisor });
  },
  stride: ({ input, mask, stride, padding }) => {
    assertNumberRule('stride', stride, FIELD_RULES.stride);
    convGeometry(matrixFromRows(input), matrixFromRows(mask), stride, padding);
  },
  padding: ({ input, mask, maskSize, mode, sides, stride }) => {
    sameSize('mask', mask, maskSize);
    // The lesson's own bounds (issue 16): a border of 999 cells once froze the tab.
    assertNumberRule('stride', stride, FIELD_RULES.stride);
    for (const [side, cells] of Object.entries(sides)) assertNumberRule(`sides.${side}`, cells, FIELD_RULES.padding);
    const geometry = convGeometry(matrixFromRows(input), matrixFromRows(mask), stride, mode === 'explicit' ? sides : mode);
    assertLessonGridFits('the padded input', geometry.rows.paddedSize, geometry.cols.paddedSize);
  },
  pooling: ({ input, poolSize, stride, padding }) => {
    assertNumberRule('stride', stride, FIELD_RULES.stride);
    poolGeometry(matrixFromRows(input), { poolSize, strides: stride, padding });
  },
  'conv-1d': ({ series, mask, divisor, padding, poolSize }) => {
    const convOutput = [...conv1dSteps(series, mask, { padding, divisor })].map((step) => step.output);
    pool1dSteps(convOutput, { poolSize, mode: 'max' }).next();
  },
  network: ({ scores }) => {
    scores.forEach((score, index) => assertNumberRule(`scores[${index}]`, score, FIELD_RULES.score));
    softmaxWorking(scores);
  },
  'real-network': ({ filter, row, column }) => {
    if (filter < 1) throw new RangeError(`filter must be ≥ 1, got ${filter}`);
    if (row < 1 || column < 1) throw new RangeError(`row and column must be ≥ 1, got ${row} and ${column}`);
  },
};

function sameSize(what: string, grid: readonly (readonly number[])[], size: number): void {
  const volume = matrixFromRows(grid);
  if (volume.height !== size || volume.width !== size) throw new RangeError(`${what} is ${volume.height}×${volume.width}, but the size is ${size}×${size}`);
}

const INSTEAD = "the lesson's own example is used instead";

/**
 * Read one lesson's settings found at `path`: its schema, then its rules. A lesson is read whole: a
 * grid with one cell changed is another example, and a mask without its size is none.
 */
export function readLessonSettings<Id extends LessonId>(id: Id, value: unknown, path: string): PartRead<LessonSettings[Id]> {
  const schema: v.GenericSchema<unknown, LessonSettings[Id]> = LESSON_SCHEMAS[id];
  const fallback = DEFAULT_LESSON_SETTINGS[id];
  const parsed = v.safeParse(schema, value);
  if (!parsed.success) return { value: fallback, problems: problemsFromIssues(path, parsed.issues, INSTEAD) };
  try {
    LESSON_RULES[id](parsed.output);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { value: fallback, problems: [{ path, message: `${path}: ${error.message}`, instead: INSTEAD }] };
  }
  return { value: parsed.output, problems: [] };
}

/**
 * Read the lessons part of a lab: an object of lesson settings by lesson id. A lesson that is not
 * there keeps its own example (a lab written by `writeLab` names only the lessons it changed);
 * a lesson that cannot be read keeps it too, with a problem; unknown lesson ids are problems.
 */
export function readLessons(value: unknown, path: string): PartRead<LessonSettings> {
  if (value === undefined) return { value: DEFAULT_LESSON_SETTINGS, problems: [] };
  if (!isRecord(value)) return { value: DEFAULT_LESSON_SETTINGS, problems: [{ path, message: `${path} must be an object of lesson settings by lesson id, got ${quoteValue(value)}`, instead: "every lesson's own example is used instead" }] };
  const problems: LabProblem[] = [];
  const read = <Id extends LessonId>(id: Id): LessonSettings[Id] => {
    if (value[id] === undefined) return DEFAULT_LESSON_SETTINGS[id];
    const part = readLessonSettings(id, value[id], joinPath(path, [id]));
    problems.push(...part.problems);
    return part.value;
  };
  const settings: LessonSettings = {
    mask: read('mask'),
    flipping: read('flipping'),
    convolution: read('convolution'),
    stride: read('stride'),
    padding: read('padding'),
    pooling: read('pooling'),
    'conv-1d': read('conv-1d'),
    network: read('network'),
    'real-network': read('real-network'),
  };
  for (const key of Object.keys(value)) {
    if (!(key in LESSON_SCHEMAS)) problems.push({ path: joinPath(path, [key]), message: `${joinPath(path, [key])} is not a lesson; the lessons are ${LESSON_SETTINGS_IDS.join(', ')}`, instead: 'it is left out' });
  }
  return { value: settings, problems };
}
