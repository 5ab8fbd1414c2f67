/**
 * Each lesson's editable example as typed (texts for numbers, so a half-typed "−" or "1." stays on
 * screen) and its conversion to and from the lab's `LessonSettings` (numbers), which the store keeps:
 * the lab's `DEFAULT_LESSON_SETTINGS` is every lesson's first example, and a lab link carries the
 * edited ones. Pure, so the round trip is unit-tested.
 */
import type { PoolMode } from '../../core/lessons/pool2d';
import type { LessonId, LessonSettings } from '../../core/lab/lesson-settings';
import { gridTexts, parseGrid, parseNumber } from './format-number';

/** Lesson 1: a mask of `size` with weights, and numpy's masked array. */
export interface MaskDraft {
  readonly size: number;
  readonly weights: string[][];
  /** One row. */
  readonly values: string[][];
  readonly hidden: readonly boolean[];
}
/** Lesson 2. */
export interface FlipDraft {
  readonly input: string[][];
  readonly mask: string[][];
}
/** Lesson 3. */
export interface ConvolutionDraft {
  readonly input: string[][];
  readonly mask: string[][];
  readonly divisor: string;
}
/** Lesson 4. */
export interface StrideDraft {
  readonly input: string[][];
  readonly mask: string[][];
  readonly stride: string;
  readonly padding: 'valid' | 'same';
}
/** The padding lesson's modes. */
export type PaddingMode = 'valid' | 'same' | 'explicit';
/** Sides of an explicit border. */
export const SIDES = ['top', 'bottom', 'left', 'right'] as const;
/** One side. */
export type Side = (typeof SIDES)[number];
/** Lesson 5. */
export interface PaddingDraft {
  readonly input: string[][];
  readonly mask: string[][];
  readonly maskSize: number;
  readonly mode: PaddingMode;
  readonly sides: Readonly<Record<Side, string>>;
  readonly stride: string;
}
/** Lesson 6. */
export interface PoolingDraft {
  readonly input: string[][];
  readonly mode: PoolMode;
  readonly poolSize: number;
  readonly stride: string;
  readonly padding: 'valid' | 'same';
}
/** Lesson 7: the series and the mask are one-row grids. */
export interface Conv1dDraft {
  readonly series: string[][];
  readonly mask: string[][];
  readonly divisor: string;
  readonly padding: 'valid' | 'same';
  readonly poolSize: number;
}
/** Lesson 8: the ten scores softmax turns into probabilities, one row. */
export interface ScoresDraft {
  readonly scores: string[][];
}
/** Lesson 9: the filter and cell replayed, 1-based, as typed. */
export interface PositionDraft {
  readonly filter: string;
  readonly row: string;
  readonly column: string;
}

/** Every lesson's draft type, by lesson id. */
export interface LessonDrafts {
  readonly mask: MaskDraft;
  readonly flipping: FlipDraft;
  readonly convolution: ConvolutionDraft;
  readonly stride: StrideDraft;
  readonly padding: PaddingDraft;
  readonly pooling: PoolingDraft;
  readonly 'conv-1d': Conv1dDraft;
  readonly network: ScoresDraft;
  readonly 'real-network': PositionDraft;
}

/** How one lesson's draft and its settings convert. */
export interface DraftConversion<Id extends LessonId> {
  toDraft(settings: LessonSettings[Id]): LessonDrafts[Id];
  /**
   * The numbers of a draft that its lesson built without error.
   * @throws RangeError naming the field when a text is not a number (the lesson's build says so first).
   */
  fromDraft(draft: LessonDrafts[Id]): LessonSettings[Id];
}

/** A number typed in a field. @throws RangeError "divisor: “x” is not a number: …". */
function numberOf(name: string, text: string): number {
  const parsed = parseNumber(text);
  if ('error' in parsed) throw new RangeError(`${name}: ${parsed.error}`);
  return parsed.value;
}

const row = (values: readonly number[]): string[][] => gridTexts([values]);
const firstRow = (name: string, texts: ReadonlyArray<ReadonlyArray<string>>): number[] => parseGrid(name, texts)[0] ?? [];

/** Every lesson's conversion. */
export const LESSON_DRAFTS: { readonly [Id in LessonId]: DraftConversion<Id> } = {
  mask: {
    toDraft: (s) => ({ size: s.size, weights: gridTexts(s.weights), values: row(s.values), hidden: [...s.hidden] }),
    fromDraft: (d) => ({ size: maskSizeOf(d.size), weights: parseGrid('mask', d.weights), values: firstRow('array', d.values), hidden: [...d.hidden] }),
  },
  flipping: {
    toDraft: (s) => ({ input: gridTexts(s.input), mask: gridTexts(s.mask) }),
    fromDraft: (d) => ({ input: parseGrid('input', d.input), mask: parseGrid('mask', d.mask) }),
  },
  convolution: {
    toDraft: (s) => ({ input: gridTexts(s.input), mask: gridTexts(s.mask), divisor: String(s.divisor) }),
    fromDraft: (d) => ({ input: parseGrid('input', d.input), mask: parseGrid('mask', d.mask), divisor: numberOf('divisor', d.divisor) }),
  },
  stride: {
    toDraft: (s) => ({ input: gridTexts(s.input), mask: gridTexts(s.mask), stride: String(s.stride), padding: s.padding }),
    fromDraft: (d) => ({ input: parseGrid('input', d.input), mask: parseGrid('mask', d.mask), stride: numberOf('stride', d.stride), padding: d.padding }),
  },
  padding: {
    toDraft: (s) => ({
      input: gridTexts(s.input),
      mask: gridTexts(s.mask),
      maskSize: s.maskSize,
      mode: s.mode,
      sides: { top: String(s.sides.top), bottom: String(s.sides.bottom), left: String(s.sides.left), right: String(s.sides.right) },
      stride: String(s.stride),
    }),
    fromDraft: (d) => ({
      input: parseGrid('input', d.input),
      mask: parseGrid('mask', d.mask),
      maskSize: maskSizeOf(d.maskSize),
      mode: d.mode,
      // Sides typed while another mode is chosen are kept only when they are numbers (they are not used).
      sides: {
        top: sideOf(d.sides.top),
        bottom: sideOf(d.sides.bottom),
        left: sideOf(d.sides.left),
        right: sideOf(d.sides.right),
      },
      stride: numberOf('stride', d.stride),
    }),
  },
  pooling: {
    toDraft: (s) => ({ input: gridTexts(s.input), mode: s.mode, poolSize: s.poolSize, stride: String(s.stride), padding: s.padding }),
    fromDraft: (d) => ({ input: parseGrid('input', d.input), mode: d.mode, poolSize: poolSizeOf(d.poolSize), stride: numberOf('stride', d.stride), padding: d.padding }),
  },
  'conv-1d': {
    toDraft: (s) => ({ series: row(s.series), mask: row(s.mask), divisor: String(s.divisor), padding: s.padding, poolSize: s.poolSize }),
    fromDraft: (d) => ({ series: firstRow('series', d.series), mask: firstRow('mask', d.mask), divisor: numberOf('divisor', d.divisor), padding: d.padding, poolSize: poolSizeOf(d.poolSize) }),
  },
  network: {
    toDraft: (s) => ({ scores: row(s.scores) }),
    fromDraft: (d) => ({ scores: firstRow('score', d.scores) }),
  },
  'real-network': {
    toDraft: (s) => ({ filter: String(s.filter), row: String(s.row), column: String(s.column) }),
    fromDraft: (d) => ({ filter: numberOf('filter', d.filter), row: numberOf('row', d.row), column: numberOf('column', d.column) }),
  },
};

/** An unused side of the padding lesson: its number, or 1 (the lesson's own) while it is not one. */
function sideOf(text: string): number {
  const parsed = parseNumber(text);
  return 'error' in parsed || !Number.isInteger(parsed.value) || parsed.value < 0 ? 1 : parsed.value;
}

/** The pooling window the lessons offer (2 or 3). @throws RangeError otherwise. */
function poolSizeOf(size: number): 2 | 3 {
  if (size === 2 || size === 3) return size;
  throw new RangeError(`window must be 2 or 3, got ${size}`);
}

/** A mask size the lessons offer (1 to 5). @throws RangeError otherwise. */
function maskSizeOf(size: number): 1 | 2 | 3 | 4 | 5 {
  if (size === 1 || size === 2 || size === 3 || size === 4 || size === 5) return size;
  throw new RangeError(`mask size must be 1 to 5, got ${size}`);
}
