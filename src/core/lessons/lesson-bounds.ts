/**
 * How far a lesson's numbers may go, so a step-through stays a step-through: a grid a projector shows
 * whole, steps a class can click through, numbers that fit their cells. Every lesson field reads its
 * text with one of these rules (typed-number.ts), and every grid a lesson builds is checked against
 * the size limits before it is drawn — a border of 999 cells once made an 82 429-cell table that
 * froze the tab.
 */
import { formatBound, MAX_CELL_MAGNITUDE, type NumberRule } from './typed-number';

/** Longest side of any grid a lesson draws, padding included (cells). */
export const MAX_LESSON_GRID_SIDE = 16;

/** The rule of each kind of lesson field. */
export const LESSON_RULES = {
  /** A number in a grid cell (input, mask, series). */
  cell: { min: -MAX_CELL_MAGNITUDE, max: MAX_CELL_MAGNITUDE },
  /** A softmax score: e^50 is already 5 × 10²¹ times e^0, and larger scores only round the bars to 0 and 100 %. */
  score: { min: -50, max: 50 },
  /** What a mask's sum is divided by. */
  divisor: { min: -MAX_CELL_MAGNITUDE, max: MAX_CELL_MAGNITUDE, nonZero: true },
  /** Stride of a mask or a pooling window: beyond the lessons' largest input (6 cells) every stride gives one output. */
  stride: { min: 1, max: 6, whole: true },
  /** Explicit padding of one side: 4 cells is more than "same" ever adds for the lessons' masks (at most 5 × 5). */
  padding: { min: 0, max: 4, whole: true },
} as const satisfies Record<string, NumberRule>;

/**
 * Check that a grid of `rows × cols` cells may be drawn.
 * @param what how the message names the grid ("the padded input").
 * @throws RangeError naming the limit, e.g. "the padded input would be 22 × 22 cells; a lesson shows at
 *   most 16 × 16".
 */
export function assertLessonGridFits(what: string, rows: number, cols: number): void {
  if (!Number.isFinite(rows) || !Number.isFinite(cols) || rows > MAX_LESSON_GRID_SIDE || cols > MAX_LESSON_GRID_SIDE) {
    throw new RangeError(`${what} would be ${formatBound(rows)} × ${formatBound(cols)} cells; a lesson shows at most ${MAX_LESSON_GRID_SIDE} × ${MAX_LESSON_GRID_SIDE}`);
  }
}

/** Whether a grid of `rows × cols` may be drawn (for a view's last line of defence). */
export function lessonGridFits(rows: number, cols: number): boolean {
  return rows <= MAX_LESSON_GRID_SIDE && cols <= MAX_LESSON_GRID_SIDE;
}
