import { convGeometry, type ConvGeometry, type Padding, type Strides } from './conv-geometry';
import { indexOf, zerosVolume, type Volume } from './volume';

/** Max pooling keeps the largest value of each window; average pooling keeps the mean. */
export type PoolMode = 'max' | 'avg';

/** Options of {@link maxPool2d} and {@link avgPool2d}, in tfjs's names. */
export interface PoolOptions {
  /** Window size: one number for a square window, or `[rows, cols]`. */
  readonly poolSize: number | readonly [number, number];
  /** Default: the pool size (windows side by side, as Keras's MaxPooling2D). */
  readonly strides?: Strides;
  /** Default 'valid'. Padding cells never win and are not counted in an average (TensorFlow's rule). */
  readonly padding?: Padding;
}

/** A cell position. */
export interface Cell {
  readonly row: number;
  readonly col: number;
}

/** One input cell under a pooling window. */
export interface PoolCell extends Cell {
  /** True for a padding cell: it is shown, but ignored. */
  readonly isPadding: boolean;
  /** The input value; NaN for padding (it takes no part). */
  readonly value: number;
}

/** What produced one output cell of a pooling. */
export interface PoolStep {
  /** 0-based position in the sequence (row-major over the output, for the chosen channel). */
  readonly index: number;
  readonly outputRow: number;
  readonly outputCol: number;
  readonly channel: number;
  readonly mode: PoolMode;
  /** Every cell under the window, row by row, padding included. */
  readonly cells: readonly PoolCell[];
  /** Max: the first cell (row by row) holding the largest value. Avg: null. */
  readonly winner: Cell | null;
  /** Sum of the real (non-padding) cells. */
  readonly sum: number;
  /** How many real cells the window covers. */
  readonly count: number;
  /** The output value: the winner's value, or sum ÷ count. */
  readonly value: number;
}

/** Max pooling's result: the values and, for each output cell, the input cell that won. */
export interface MaxPoolResult {
  /** `outHeight × outWidth × channels`. */
  readonly values: Volume;
  /** One per output value, in the same HWC order. */
  readonly winners: readonly Cell[];
}

/** Average pooling's result: the values and how many real cells each average is over. */
export interface AvgPoolResult {
  readonly values: Volume;
  /** One per output value, in HWC order; fewer than the window area where padding was ignored. */
  readonly counts: readonly number[];
}

/**
 * The geometry of a pooling window on `input`.
 * @throws RangeError naming the failed constraint (pool size and stride ≥ 1, window no larger than the
 *   padded input, padding ≥ 0).
 */
export function poolGeometry(input: Volume, options: PoolOptions): ConvGeometry {
  const [height, width] = typeof options.poolSize === 'number' ? [options.poolSize, options.poolSize] : options.poolSize;
  for (const size of [height, width]) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a whole number ≥ 1, got ${size}`);
  }
  const padding = options.padding ?? 'valid';
  if (typeof padding !== 'string') {
    // A window made of padding only would have no value to keep; TensorFlow's "same" never makes one.
    for (const [side, size] of [[padding.top, height], [padding.bottom, height], [padding.left, width], [padding.right, width]] as const) {
      if (side >= size) throw new RangeError(`pooling padding must be smaller than the pool size ${size}, got ${side}`);
    }
  }
  return convGeometry(input, { height, width }, options.strides ?? [height, width], padding);
}

function poolOne(input: Volume, geometry: ConvGeometry, mode: PoolMode, index: number, outputRow: number, outputCol: number, channel: number): PoolStep {
  const { rows, cols } = geometry;
  const cells: PoolCell[] = [];
  let winner: Cell | null = null;
  let best = -Infinity;
  let sum = 0;
  let count = 0;
  for (let kernelRow = 0; kernelRow < rows.kernelSize; kernelRow += 1) {
    const row = outputRow * rows.stride - rows.padBefore + kernelRow;
    for (let kernelCol = 0; kernelCol < cols.kernelSize; kernelCol += 1) {
      const col = outputCol * cols.stride - cols.padBefore + kernelCol;
      const isPadding = row < 0 || row >= input.height || col < 0 || col >= input.width;
      const value = isPadding ? Number.NaN : (input.data[indexOf(input, row, col, channel)] ?? 0);
      cells.push({ row, col, isPadding, value });
      if (isPadding) continue;
      sum += value;
      count += 1;
      if (value > best) {
        best = value;
        winner = { row, col };
      }
    }
  }
  // poolGeometry rules out windows of padding only, so count ≥ 1.
  const value = mode === 'max' ? best : sum / count;
  return { index, outputRow, outputCol, channel, mode, cells, winner: mode === 'max' ? winner : null, sum, count, value };
}

/**
 * One record per output cell of a pooling, for one channel, row by row: the window's cells, the
 * winner (max) or sum and count (average), and the value.
 * @throws RangeError (on the first `next()`) naming the failed constraint, or for a bad channel.
 */
export function* poolSteps(input: Volume, options: PoolOptions & { readonly mode: PoolMode }, channel = 0): Generator<PoolStep, void, undefined> {
  const geometry = poolGeometry(input, options);
  if (!Number.isInteger(channel) || channel < 0 || channel >= input.channels) {
    throw new RangeError(`channel must be 0…${input.channels - 1}, got ${channel}`);
  }
  const { rows, cols } = geometry;
  for (let outputRow = 0; outputRow < rows.outputSize; outputRow += 1) {
    for (let outputCol = 0; outputCol < cols.outputSize; outputCol += 1) {
      yield poolOne(input, geometry, options.mode, outputRow * cols.outputSize + outputCol, outputRow, outputCol, channel);
    }
  }
}

function poolAll(input: Volume, options: PoolOptions, mode: PoolMode): { values: Volume; steps: PoolStep[] } {
  const geometry = poolGeometry(input, options);
  const values = zerosVolume(geometry.rows.outputSize, geometry.cols.outputSize, input.channels);
  const steps: PoolStep[] = [];
  for (let outputRow = 0; outputRow < values.height; outputRow += 1) {
    for (let outputCol = 0; outputCol < values.width; outputCol += 1) {
      for (let channel = 0; channel < input.channels; channel += 1) {
        const step = poolOne(input, geometry, mode, steps.length, outputRow, outputCol, channel);
        values.data[indexOf(values, outputRow, outputCol, channel)] = step.value;
        steps.push(step);
      }
    }
  }
  return { values, steps };
}

/**
 * Max pooling (`tf.maxPool`, Keras MaxPooling2D), every channel separately.
 * @param input `height × width × channels` (HWC).
 * @returns values `outHeight × outWidth × channels` and each output's winning input cell.
 * @throws RangeError naming the failed constraint.
 */
export function maxPool2d(input: Volume, options: PoolOptions): MaxPoolResult {
  const { values, steps } = poolAll(input, options, 'max');
  return { values, winners: steps.map((step) => step.winner ?? { row: -1, col: -1 }) };
}

/**
 * Average pooling (`tf.avgPool`, Keras AveragePooling2D), every channel separately; padding cells are
 * not counted, as in TensorFlow.
 * @throws RangeError naming the failed constraint.
 */
export function avgPool2d(input: Volume, options: PoolOptions): AvgPoolResult {
  const { values, steps } = poolAll(input, options, 'avg');
  return { values, counts: steps.map((step) => step.count) };
}
