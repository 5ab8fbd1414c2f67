import { finishSum, flipFilter, prepareConv, weightAt, type Activation, type ConvOptions, type Filter, type PreparedConv } from './conv2d';
import { indexOf, type Volume } from './volume';

/** One multiplication of a convolution: an input cell (or a padding zero) times a mask weight. */
export interface ConvTerm {
  /** Input position; outside 0…height−1 / 0…width−1 when the cell is padding. */
  readonly inputRow: number;
  readonly inputCol: number;
  readonly channel: number;
  /** Position in the (possibly flipped) mask that slides. */
  readonly kernelRow: number;
  readonly kernelCol: number;
  /** True for a padding cell: its value is 0. */
  readonly isPadding: boolean;
  readonly inputValue: number;
  readonly weight: number;
  /** inputValue × weight. */
  readonly product: number;
}

/** Everything that produced one output cell, in the order the sum was taken. */
export interface ConvStep {
  /** 0-based position in the sequence of steps (row-major over the output). */
  readonly index: number;
  readonly outputRow: number;
  readonly outputCol: number;
  readonly outputChannel: number;
  /** Mask row, mask col, channel order: every cell under the mask, padding included. */
  readonly terms: readonly ConvTerm[];
  /** The sum of the products, accumulated in `terms` order. */
  readonly sum: number;
  readonly divisor: number;
  /** sum ÷ divisor. */
  readonly quotient: number;
  readonly bias: number;
  /** quotient + bias. */
  readonly preActivation: number;
  readonly activation: Activation;
  /** After the activation; equal to the output volume's cell. */
  readonly output: number;
}

function stepAt(prepared: PreparedConv, index: number, outputRow: number, outputCol: number, outputChannel: number): ConvStep {
  const { input, bank, geometry } = prepared;
  const terms: ConvTerm[] = [];
  let sum = 0;
  for (let kernelRow = 0; kernelRow < bank.height; kernelRow += 1) {
    const inputRow = outputRow * geometry.rows.stride - geometry.rows.padBefore + kernelRow;
    for (let kernelCol = 0; kernelCol < bank.width; kernelCol += 1) {
      const inputCol = outputCol * geometry.cols.stride - geometry.cols.padBefore + kernelCol;
      const isPadding = inputRow < 0 || inputRow >= input.height || inputCol < 0 || inputCol >= input.width;
      for (let channel = 0; channel < input.channels; channel += 1) {
        const inputValue = isPadding ? 0 : (input.data[indexOf(input, inputRow, inputCol, channel)] ?? 0);
        const weight = weightAt(bank, kernelRow, kernelCol, channel, outputChannel);
        const product = inputValue * weight;
        // Padding products are 0 and left out of the sum, exactly as crossCorrelate2d does.
        if (!isPadding) sum += product;
        terms.push({ inputRow, inputCol, channel, kernelRow, kernelCol, isPadding, inputValue, weight, product });
      }
    }
  }
  const { quotient, preActivation, output } = finishSum(sum, prepared, outputChannel);
  return {
    index,
    outputRow,
    outputCol,
    outputChannel,
    terms,
    sum,
    divisor: prepared.divisor,
    quotient,
    activation: prepared.activation,
    bias: prepared.bias[outputChannel] ?? 0,
    preActivation,
    output,
  };
}

/**
 * The record of one output cell of {@link crossCorrelate2d} — what lesson 9 replays when a student clicks
 * a cell of a first-layer feature map (32×32×3 input, 3×3×3 mask, bias, ReLU).
 * @throws RangeError for invalid arguments (see `prepareConv`) or a position outside the output.
 */
export function convStepAt(input: Volume, filter: Filter, options: ConvOptions, outputRow: number, outputCol: number, outputChannel = 0): ConvStep {
  const prepared = prepareConv(input, filter, options);
  const { rows, cols } = prepared.geometry;
  if (!Number.isInteger(outputRow) || outputRow < 0 || outputRow >= rows.outputSize || !Number.isInteger(outputCol) || outputCol < 0 || outputCol >= cols.outputSize) {
    throw new RangeError(`output cell (${outputRow}, ${outputCol}) is outside the ${rows.outputSize}×${cols.outputSize} output`);
  }
  if (!Number.isInteger(outputChannel) || outputChannel < 0 || outputChannel >= prepared.bank.outChannels) {
    throw new RangeError(`output channel must be 0…${prepared.bank.outChannels - 1}, got ${outputChannel}`);
  }
  return stepAt(prepared, outputRow * cols.outputSize + outputCol, outputRow, outputCol, outputChannel);
}

/**
 * One record per output cell of {@link crossCorrelate2d} for one output channel, row by row: the cells the
 * mask covers, each product, the sum, and the finished value. Arguments are checked before the first
 * record, so the generator throws on its first `next()` for invalid input.
 * @throws RangeError as `prepareConv`, or for an output channel outside the bank.
 */
export function* convSteps(input: Volume, filter: Filter, options: ConvOptions = {}, outputChannel = 0): Generator<ConvStep, void, undefined> {
  const prepared = prepareConv(input, filter, options);
  if (!Number.isInteger(outputChannel) || outputChannel < 0 || outputChannel >= prepared.bank.outChannels) {
    throw new RangeError(`output channel must be 0…${prepared.bank.outChannels - 1}, got ${outputChannel}`);
  }
  const { rows, cols } = prepared.geometry;
  for (let outputRow = 0; outputRow < rows.outputSize; outputRow += 1) {
    for (let outputCol = 0; outputCol < cols.outputSize; outputCol += 1) {
      yield stepAt(prepared, outputRow * cols.outputSize + outputCol, outputRow, outputCol, outputChannel);
    }
  }
}

/**
 * The records of {@link convolve2d}: the mask is flipped once, then slid; `weight` and `kernelRow/Col`
 * in each term refer to the flipped mask.
 */
export function convolveSteps(input: Volume, filter: Filter, options: ConvOptions = {}, outputChannel = 0): Generator<ConvStep, void, undefined> {
  return convSteps(input, flipFilter(filter), options, outputChannel);
}
