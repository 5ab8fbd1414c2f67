import { convGeometry, type ConvGeometry, type Padding, type Strides } from './conv-geometry';
import { flip2d } from './flip-pad';
import { indexOf, zerosVolume, type Volume } from './volume';

/**
 * A bank of filters in tfjs's conv2d layout HWIO: `height × width × inChannels × outChannels`,
 * index `((row × width + col) × inChannels + inChannel) × outChannels + outChannel`. A Keras Conv2D
 * layer's kernel is exactly this (its bias is a separate vector of `outChannels`).
 */
export interface FilterBank {
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly data: Float64Array;
}

/**
 * What a convolution slides: one mask as a volume (`height × width × channels`, one output channel,
 * its channels matching the input's), or a whole {@link FilterBank}.
 */
export type Filter = Volume | FilterBank;

/** What happens after the weighted sum: nothing, or ReLU (max(0, x)) as in `activation: 'relu'`. */
export type Activation = 'linear' | 'relu';

/** Options of {@link crossCorrelate2d}, in tfjs's names where tfjs has one. */
export interface ConvOptions {
  /** Default 1. */
  readonly strides?: Strides;
  /** Default 'valid'. */
  readonly padding?: Padding;
  /** Added after the sum: one number for every output channel, or one per output channel. Default 0. */
  readonly bias?: number | ArrayLike<number>;
  /**
   * The sum is divided by this before the bias is added. Default 1. Image-processing masks are often
   * written as whole numbers over a divisor (a Gaussian blur is 1/16 × [1 2 1; 2 4 2; 1 2 1]); keeping
   * the weights whole keeps every product and the written-out sum exact.
   */
  readonly divisor?: number;
  /** Default 'linear'. */
  readonly activation?: Activation;
}

/** A convolution with every option resolved and checked; what the fast path and the step records share. */
export interface PreparedConv {
  readonly input: Volume;
  readonly bank: FilterBank;
  readonly geometry: ConvGeometry;
  readonly bias: Float64Array;
  readonly divisor: number;
  readonly activation: Activation;
}

/** True when `filter` is a bank (has `outChannels`) rather than a single mask volume. */
export function isFilterBank(filter: Filter): filter is FilterBank {
  return 'outChannels' in filter;
}

/**
 * A bank from HWIO values (e.g. a trained Conv2D kernel read back from tfjs). Values are copied.
 * @throws RangeError when a size is not a whole number ≥ 1 or the value count does not match.
 */
export function filterBankFromData(height: number, width: number, inChannels: number, outChannels: number, values: ArrayLike<number>): FilterBank {
  for (const [name, value] of [
    ['height', height],
    ['width', width],
    ['in channels', inChannels],
    ['out channels', outChannels],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`filter ${name} must be a whole number ≥ 1, got ${value}`);
  }
  const expected = height * width * inChannels * outChannels;
  if (values.length !== expected) throw new RangeError(`a ${height}×${width}×${inChannels}×${outChannels} filter bank needs ${expected} values, got ${values.length}`);
  return { height, width, inChannels, outChannels, data: Float64Array.from(values) };
}

/** A single mask volume as a bank with one output channel (HWC is HWIO with O = 1). */
export function toFilterBank(filter: Filter): FilterBank {
  if (isFilterBank(filter)) return filter;
  return { height: filter.height, width: filter.width, inChannels: filter.channels, outChannels: 1, data: filter.data };
}

/** Weight at (row, col, inChannel, outChannel) of a bank. */
export function weightAt(bank: FilterBank, row: number, col: number, inChannel: number, outChannel: number): number {
  return bank.data[((row * bank.width + col) * bank.inChannels + inChannel) * bank.outChannels + outChannel] ?? 0;
}

/**
 * Resolve and check a convolution's arguments.
 * @throws RangeError naming the failed constraint: channel counts, stride, padding, mask size, divisor,
 *   bias length.
 */
export function prepareConv(input: Volume, filter: Filter, options: ConvOptions = {}): PreparedConv {
  const bank = toFilterBank(filter);
  if (bank.inChannels !== input.channels) {
    throw new RangeError(`the mask has ${bank.inChannels} channel(s) but the input has ${input.channels}`);
  }
  const geometry = convGeometry(input, bank, options.strides ?? 1, options.padding ?? 'valid');
  const divisor = options.divisor ?? 1;
  if (!Number.isFinite(divisor) || divisor === 0) throw new RangeError(`divisor must be a number other than 0, got ${divisor}`);
  const biasOption = options.bias ?? 0;
  const bias = new Float64Array(bank.outChannels);
  if (typeof biasOption === 'number') bias.fill(biasOption);
  else if (biasOption.length === bank.outChannels) bias.set(Array.from(biasOption));
  else throw new RangeError(`bias needs one value per output channel (${bank.outChannels}), got ${biasOption.length}`);
  return { input, bank, geometry, bias, divisor, activation: options.activation ?? 'linear' };
}

/** sum ÷ divisor + bias, then the activation: the last line of every output cell. */
export function finishSum(sum: number, prepared: PreparedConv, outChannel: number): { quotient: number; preActivation: number; output: number } {
  const quotient = sum / prepared.divisor;
  const preActivation = quotient + (prepared.bias[outChannel] ?? 0);
  return { quotient, preActivation, output: prepared.activation === 'relu' ? Math.max(0, preActivation) : preActivation };
}

/**
 * Cross-correlation — what a Conv2D layer (and `tf.conv2d`) computes: slide the mask as it is, and at
 * each position multiply the cells under it by the weights and add the products up.
 *
 * @param input `height × width × channels` (HWC).
 * @param filter a mask with the input's channel count, or an HWIO bank.
 * @returns `outHeight × outWidth × outChannels` (HWC); sizes from {@link convGeometry}.
 * @throws RangeError naming the failed constraint (see {@link prepareConv}).
 */
export function crossCorrelate2d(input: Volume, filter: Filter, options: ConvOptions = {}): Volume {
  const prepared = prepareConv(input, filter, options);
  const { bank, geometry } = prepared;
  const { rows, cols } = geometry;
  const out = zerosVolume(rows.outputSize, cols.outputSize, bank.outChannels);
  for (let outRow = 0; outRow < rows.outputSize; outRow += 1) {
    for (let outCol = 0; outCol < cols.outputSize; outCol += 1) {
      for (let outChannel = 0; outChannel < bank.outChannels; outChannel += 1) {
        let sum = 0;
        // Same order as the step records (mask row, mask col, channel), so both give identical sums.
        for (let kernelRow = 0; kernelRow < bank.height; kernelRow += 1) {
          const row = outRow * rows.stride - rows.padBefore + kernelRow;
          if (row < 0 || row >= input.height) continue;
          for (let kernelCol = 0; kernelCol < bank.width; kernelCol += 1) {
            const col = outCol * cols.stride - cols.padBefore + kernelCol;
            if (col < 0 || col >= input.width) continue;
            for (let channel = 0; channel < input.channels; channel += 1) {
              sum += (input.data[indexOf(input, row, col, channel)] ?? 0) * weightAt(bank, kernelRow, kernelCol, channel, outChannel);
            }
          }
        }
        out.data[indexOf(out, outRow, outCol, outChannel)] = finishSum(sum, prepared, outChannel).output;
      }
    }
  }
  return out;
}

/**
 * Flip a filter spatially (every in/out channel pair), the bank version of `flip2d`.
 * @returns a new filter of the same kind.
 */
export function flipFilter<F extends Filter>(filter: F): F {
  if (!isFilterBank(filter)) return flip2d(filter) as F;
  const out = { ...filter, data: new Float64Array(filter.data.length) };
  const cell = filter.inChannels * filter.outChannels;
  for (let row = 0; row < filter.height; row += 1) {
    for (let col = 0; col < filter.width; col += 1) {
      const from = (row * filter.width + col) * cell;
      const to = ((filter.height - 1 - row) * filter.width + (filter.width - 1 - col)) * cell;
      out.data.set(filter.data.subarray(from, from + cell), to);
    }
  }
  return out;
}

/**
 * Convolution as textbooks define it: flip the mask horizontally and vertically once, then
 * cross-correlate. For a symmetric mask (a blur) the two are equal; for an asymmetric one (Sobel) the
 * result changes sign or direction.
 * @throws RangeError as {@link crossCorrelate2d}.
 */
export function convolve2d(input: Volume, filter: Filter, options: ConvOptions = {}): Volume {
  return crossCorrelate2d(input, flipFilter(filter), options);
}
