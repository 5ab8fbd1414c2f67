import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { crossCorrelate2d, convolve2d, filterBankFromData } from '../../../src/core/lessons/conv2d';
import { convStepAt, convSteps } from '../../../src/core/lessons/conv-steps';
import { avgPool2d, maxPool2d } from '../../../src/core/lessons/pool2d';
import { avgPool1d, crossCorrelate1d, maxPool1d } from '../../../src/core/lessons/conv1d';
import { valueAt, volumeFromData } from '../../../src/core/lessons/volume';
import { mulberry32, type Random } from '../../../src/core/common/seeded-random';

/**
 * Parity with TensorFlow.js (cpu backend, float32) on seeded random cases. Each case's parameters are
 * in its assertion message, and the seed is fixed, so a failure reproduces exactly.
 */
const SEED = 20240601;
const CASES = 240;
const TOLERANCE = 1e-4;

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const int = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const values = (random: Random, count: number): number[] => Array.from({ length: count }, () => Math.round((random() * 2 - 1) * 1000) / 100);

interface ConvCase {
  height: number;
  width: number;
  inChannels: number;
  outChannels: number;
  kernelHeight: number;
  kernelWidth: number;
  strides: [number, number];
  padding: 'valid' | 'same';
  input: number[];
  weights: number[];
}

/** Random cases whose mask fits (valid padding needs the mask no larger than the input). */
function convCases(random: Random, count: number): ConvCase[] {
  const cases: ConvCase[] = [];
  while (cases.length < count) {
    const height = int(random, 1, 11);
    const width = int(random, 1, 11);
    const kernelHeight = int(random, 1, 5);
    const kernelWidth = int(random, 1, 5);
    const padding = random() < 0.5 ? 'valid' : 'same';
    if (padding === 'valid' && (kernelHeight > height || kernelWidth > width)) continue;
    const inChannels = int(random, 1, 3);
    const outChannels = int(random, 1, 3);
    cases.push({
      height,
      width,
      inChannels,
      outChannels,
      kernelHeight,
      kernelWidth,
      strides: [int(random, 1, 3), int(random, 1, 3)],
      padding,
      input: values(random, height * width * inChannels),
      weights: values(random, kernelHeight * kernelWidth * inChannels * outChannels),
    });
  }
  return cases;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, label: string): void {
  expect(actual.length, label).toBe(expected.length);
  for (let index = 0; index < actual.length; index += 1) {
    const difference = Math.abs((actual[index] ?? 0) - (expected[index] ?? 0));
    if (difference > TOLERANCE * Math.max(1, Math.abs(expected[index] ?? 0))) {
      expect.fail(`${label}: element ${index} is ${actual[index]}, tfjs says ${expected[index]}`);
    }
  }
}

function tfConv(c: ConvCase, pad: 'valid' | 'same' | [[0, 0], [number, number], [number, number], [0, 0]], flip = false): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(c.input, [1, c.height, c.width, c.inChannels]);
    let w = tf.tensor4d(c.weights, [c.kernelHeight, c.kernelWidth, c.inChannels, c.outChannels]);
    if (flip) w = tf.reverse(w, [0, 1]);
    return tf.conv2d(x, w, c.strides, pad).dataSync() as Float32Array;
  });
}

describe('parity with tfjs (cpu backend)', () => {
  test(`crossCorrelate2d equals tf.conv2d on ${CASES} random cases (strides 1–3, masks 1–5, valid and same)`, () => {
    const before = tf.memory().numTensors;
    const cases = convCases(mulberry32(SEED), CASES);
    expect(new Set(cases.map((c) => c.padding))).toEqual(new Set(['valid', 'same']));
    for (const [index, c] of cases.entries()) {
      const label = `case ${index} (seed ${SEED}): ${c.height}×${c.width}×${c.inChannels} input, ${c.kernelHeight}×${c.kernelWidth}×${c.outChannels} mask, strides ${c.strides}, ${c.padding}`;
      const input = volumeFromData(c.height, c.width, c.inChannels, c.input);
      const bank = filterBankFromData(c.kernelHeight, c.kernelWidth, c.inChannels, c.outChannels, c.weights);
      const ours = crossCorrelate2d(input, bank, { strides: c.strides, padding: c.padding });
      expectClose(ours.data, tfConv(c, c.padding), label);
      expectClose(convolve2d(input, bank, { strides: c.strides, padding: c.padding }).data, tfConv(c, c.padding, true), `${label}, convolve2d`);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  test('explicit padding equals tf.conv2d with explicit padding on 60 random cases', () => {
    const random = mulberry32(SEED + 1);
    const cases = convCases(random, 60);
    for (const [index, c] of cases.entries()) {
      const padding = { top: int(random, 0, 2), bottom: int(random, 0, 2), left: int(random, 0, 2), right: int(random, 0, 2) };
      if (c.kernelHeight > c.height + padding.top + padding.bottom || c.kernelWidth > c.width + padding.left + padding.right) continue;
      const input = volumeFromData(c.height, c.width, c.inChannels, c.input);
      const bank = filterBankFromData(c.kernelHeight, c.kernelWidth, c.inChannels, c.outChannels, c.weights);
      const ours = crossCorrelate2d(input, bank, { strides: c.strides, padding });
      const theirs = tfConv(c, [[0, 0], [padding.top, padding.bottom], [padding.left, padding.right], [0, 0]]);
      expectClose(ours.data, theirs, `explicit case ${index}: ${JSON.stringify(padding)}`);
    }
  });

  for (const mode of ['max', 'avg'] as const) {
    test(`${mode}Pool2d equals tf.${mode}Pool on ${CASES} random cases`, () => {
      const random = mulberry32(SEED + (mode === 'max' ? 2 : 3));
      let checked = 0;
      while (checked < CASES) {
        const [height, width, channels] = [int(random, 1, 11), int(random, 1, 11), int(random, 1, 3)];
        const poolSize: [number, number] = [int(random, 1, 5), int(random, 1, 5)];
        const strides: [number, number] = [int(random, 1, 3), int(random, 1, 3)];
        const padding = random() < 0.5 ? 'valid' : 'same';
        if (padding === 'valid' && (poolSize[0] > height || poolSize[1] > width)) continue;
        const data = values(random, height * width * channels);
        const input = volumeFromData(height, width, channels, data);
        const label = `${mode} case ${checked}: ${height}×${width}×${channels}, pool ${poolSize}, strides ${strides}, ${padding}`;
        const theirs = tf.tidy(() => {
          const x = tf.tensor4d(data, [1, height, width, channels]);
          return (mode === 'max' ? tf.maxPool(x, poolSize, strides, padding) : tf.avgPool(x, poolSize, strides, padding)).dataSync();
        });
        if (mode === 'max') {
          const result = maxPool2d(input, { poolSize, strides, padding });
          expectClose(result.values.data, theirs, label);
          // The winner holds the value, for every channel.
          result.winners.forEach((cell, index) => {
            expect(valueAt(input, cell.row, cell.col, index % channels), label).toBe(result.values.data[index]);
          });
        } else {
          expectClose(avgPool2d(input, { poolSize, strides, padding }).values.data, theirs, label);
        }
        checked += 1;
      }
    });
  }

  test('1-D convolution and pooling equal tf.conv1d and tf.maxPool/avgPool on 100 random series', () => {
    const random = mulberry32(SEED + 4);
    let checked = 0;
    while (checked < 100) {
      const length = int(random, 1, 20);
      const kernel = int(random, 1, 5);
      const stride = int(random, 1, 3);
      const padding = random() < 0.5 ? 'valid' : 'same';
      if (padding === 'valid' && kernel > length) continue;
      const signal = values(random, length);
      const mask = values(random, kernel);
      const label = `1-D case ${checked}: n ${length}, k ${kernel}, stride ${stride}, ${padding}`;
      const [conv, max, avg] = tf.tidy(() => {
        const x = tf.tensor3d(signal, [1, length, 1]);
        const x4 = tf.tensor4d(signal, [1, 1, length, 1]);
        return [
          tf.conv1d(x, tf.tensor3d(mask, [kernel, 1, 1]), stride, padding).dataSync(),
          tf.maxPool(x4, [1, kernel], [1, stride], padding).dataSync(),
          tf.avgPool(x4, [1, kernel], [1, stride], padding).dataSync(),
        ];
      });
      expectClose(crossCorrelate1d(signal, mask, { stride, padding }), conv, label);
      expectClose(maxPool1d(signal, { poolSize: kernel, stride, padding }).values, max, label);
      expectClose(avgPool1d(signal, { poolSize: kernel, stride, padding }), avg, label);
      checked += 1;
    }
  });

  test('a first layer of the tutorial (32×32×3, 32 masks 3×3×3, same, bias, ReLU) replays exactly, cell by cell', () => {
    const random = mulberry32(SEED + 5);
    const image = values(random, 32 * 32 * 3).map((value) => Math.abs(value) / 10);
    const kernel = values(random, 3 * 3 * 3 * 32).map((value) => value / 20);
    const bias = values(random, 32).map((value) => value / 10);
    const theirs = tf.tidy(() => {
      const x = tf.tensor4d(image, [1, 32, 32, 3]);
      const w = tf.tensor4d(kernel, [3, 3, 3, 32]);
      return tf.relu(tf.add(tf.conv2d(x, w, 1, 'same'), tf.tensor1d(bias))).dataSync();
    });
    const input = volumeFromData(32, 32, 3, image);
    const bank = filterBankFromData(3, 3, 3, 32, kernel);
    const options = { padding: 'same', bias, activation: 'relu' } as const;
    const ours = crossCorrelate2d(input, bank, options);
    expect([ours.height, ours.width, ours.channels]).toEqual([32, 32, 32]);
    expectClose(ours.data, theirs, 'first layer');
    // The step record of any cell holds 27 terms and lands on the same value, to the last bit.
    for (const [row, col, channel] of [[0, 0, 0], [15, 16, 7], [31, 31, 31], [0, 31, 12]] as const) {
      const step = convStepAt(input, bank, options, row, col, channel);
      expect(step.terms).toHaveLength(27);
      expect(step.output).toBe(valueAt(ours, row, col, channel));
      expect(step.output).toBe(Math.max(0, step.sum + (bias[channel] ?? 0)));
    }
  });
});

describe('step records', () => {
  test('convSteps gives one record per output cell whose products add up to the output, bit for bit', () => {
    const random = mulberry32(SEED + 6);
    for (const c of convCases(random, 40)) {
      const input = volumeFromData(c.height, c.width, c.inChannels, c.input);
      const bank = filterBankFromData(c.kernelHeight, c.kernelWidth, c.inChannels, c.outChannels, c.weights);
      const options = { strides: c.strides, padding: c.padding, bias: 0.5, divisor: 4 } as const;
      const output = crossCorrelate2d(input, bank, options);
      for (let channel = 0; channel < c.outChannels; channel += 1) {
        const steps = [...convSteps(input, bank, options, channel)];
        expect(steps).toHaveLength(output.height * output.width);
        for (const step of steps) {
          let sum = 0;
          for (const term of step.terms) {
            expect(term.product).toBe(term.inputValue * term.weight);
            if (term.isPadding) expect(term.inputValue).toBe(0);
            else sum += term.product;
          }
          expect(step.sum).toBe(sum);
          expect(step.output).toBe(step.sum / 4 + 0.5);
          expect(step.output).toBe(valueAt(output, step.outputRow, step.outputCol, channel));
          expect(step.terms).toHaveLength(c.kernelHeight * c.kernelWidth * c.inChannels);
        }
      }
    }
  });
});
