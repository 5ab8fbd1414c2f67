import type { AxisPadding } from './conv-geometry';
import { crossCorrelate2d, flipFilter, type Activation } from './conv2d';
import { convSteps, type ConvStep } from './conv-steps';
import { avgPool2d, maxPool2d, poolSteps, type PoolMode, type PoolStep } from './pool2d';
import { volumeFromData, type Volume } from './volume';

/**
 * 1-D versions for a time series (Keras Conv1D / MaxPooling1D): a signal of n numbers is a 1 × n
 * volume, and a 1-D mask of k weights a 1 × k one, so every 1-D operation is the 2-D one with a
 * single row — the same code, the same records, the same TensorFlow padding rules.
 */

/** Options of the 1-D convolution. */
export interface Conv1dOptions {
  /** Default 1. */
  readonly stride?: number;
  /** 'valid', 'same', or `[before, after]`. Default 'valid'. */
  readonly padding?: AxisPadding;
  readonly bias?: number;
  readonly divisor?: number;
  readonly activation?: Activation;
}

/** Options of the 1-D pooling. */
export interface Pool1dOptions {
  readonly poolSize: number;
  /** Default: the pool size. */
  readonly stride?: number;
  /** 'valid', 'same', or `[before, after]`. Default 'valid'. */
  readonly padding?: AxisPadding;
}

/** A signal as a 1 × n one-channel volume. */
export function signalVolume(values: ArrayLike<number>): Volume {
  if (values.length < 1) throw new RangeError('a signal needs at least 1 value, got 0');
  return volumeFromData(1, values.length, 1, values);
}

function conv2dOptions(options: Conv1dOptions) {
  const padding = options.padding ?? 'valid';
  return {
    strides: [1, options.stride ?? 1] as const,
    padding: typeof padding === 'string' ? padding : { top: 0, bottom: 0, left: padding[0], right: padding[1] },
    bias: options.bias ?? 0,
    divisor: options.divisor ?? 1,
    activation: options.activation ?? 'linear',
  };
}

function pool2dOptions(options: Pool1dOptions) {
  const padding = options.padding ?? 'valid';
  return {
    poolSize: [1, options.poolSize] as const,
    strides: [1, options.stride ?? options.poolSize] as const,
    padding: typeof padding === 'string' ? padding : { top: 0, bottom: 0, left: padding[0], right: padding[1] },
  };
}

/**
 * 1-D cross-correlation (what Conv1D computes).
 * @throws RangeError naming the failed constraint (e.g. "mask width 5 is larger than the input width 3").
 */
export function crossCorrelate1d(signal: ArrayLike<number>, mask: ArrayLike<number>, options: Conv1dOptions = {}): number[] {
  return Array.from(crossCorrelate2d(signalVolume(signal), signalVolume(mask), conv2dOptions(options)).data);
}

/** 1-D convolution: the mask reversed, then slid. @throws RangeError as {@link crossCorrelate1d}. */
export function convolve1d(signal: ArrayLike<number>, mask: ArrayLike<number>, options: Conv1dOptions = {}): number[] {
  return crossCorrelate1d(signal, Array.from(mask).reverse(), options);
}

/** One record per output of {@link crossCorrelate1d} (terms have `inputRow` 0). */
export function conv1dSteps(signal: ArrayLike<number>, mask: ArrayLike<number>, options: Conv1dOptions = {}): Generator<ConvStep, void, undefined> {
  return convSteps(signalVolume(signal), signalVolume(mask), conv2dOptions(options));
}

/** The records of {@link convolve1d}: terms refer to the reversed mask. */
export function convolve1dSteps(signal: ArrayLike<number>, mask: ArrayLike<number>, options: Conv1dOptions = {}): Generator<ConvStep, void, undefined> {
  return convSteps(signalVolume(signal), flipFilter(signalVolume(mask)), conv2dOptions(options));
}

/** 1-D max pooling: values and, for each, the index of the winning sample. */
export function maxPool1d(signal: ArrayLike<number>, options: Pool1dOptions): { values: number[]; winners: number[] } {
  const result = maxPool2d(signalVolume(signal), pool2dOptions(options));
  return { values: Array.from(result.values.data), winners: result.winners.map((cell) => cell.col) };
}

/** 1-D average pooling (padding not counted). */
export function avgPool1d(signal: ArrayLike<number>, options: Pool1dOptions): number[] {
  return Array.from(avgPool2d(signalVolume(signal), pool2dOptions(options)).values.data);
}

/** One record per output of a 1-D pooling (cells have `row` 0). */
export function pool1dSteps(signal: ArrayLike<number>, options: Pool1dOptions & { readonly mode: PoolMode }): Generator<PoolStep, void, undefined> {
  return poolSteps(signalVolume(signal), { ...pool2dOptions(options), mode: options.mode });
}
