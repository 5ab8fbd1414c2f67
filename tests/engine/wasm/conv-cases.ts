import * as tf from '@tensorflow/tfjs';
import { seededRandom } from './backend-parity';

/** One convolution geometry to compare backends on (NHWC, filter [FH, FW, Cin, Cout]). */
export interface ConvCase {
  readonly xShape: [number, number, number, number];
  readonly filterShape: [number, number, number, number];
  readonly strides: [number, number];
  readonly pad: 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;
}

/** The two convolutions of the tutorial's model, at a small batch. */
export const TUTORIAL_CASES: readonly ConvCase[] = [
  { xShape: [3, 32, 32, 3], filterShape: [3, 3, 3, 32], strides: [1, 1], pad: 'same' },
  { xShape: [3, 32, 32, 32], filterShape: [3, 3, 32, 32], strides: [1, 1], pad: 'valid' },
];

/**
 * `count` seeded random geometries: batch 2–4, sides 3–12, channels in and out from 1 to 32,
 * filters 1–5, strides 1–2 per axis, padding same, valid, a number, or explicit per side (0–3
 * pixels, which drives the crop path where a gradient's padding goes negative).
 *
 * A numeric pad comes with square filters and equal strides only: for it tfjs sizes the output width
 * with the filter's height and the vertical stride (`computeOutputShape2D` takes one of each), and the
 * stock wasm Conv2D then writes a wider output than it allocated — a tfjs bug in the forward pass.
 */
export function randomConvCases(seed: number, count: number): ConvCase[] {
  const random = seededRandom(seed);
  const cases: ConvCase[] = [];
  while (cases.length < count) {
    const kind = random.pick(['same', 'valid', 'number', 'explicit'] as const);
    const height = random.int(3, 12);
    const width = random.int(3, 12);
    const side = (): number => random.int(0, 3);
    const number = random.int(1, 2);
    const [top, bottom, left, right] = [side(), side(), side(), side()];
    const pad: ConvCase['pad'] =
      kind === 'number' ? number : kind === 'explicit' ? [[0, 0], [top, bottom], [left, right], [0, 0]] : kind;
    const extraHeight = kind === 'number' ? 2 * number : kind === 'explicit' ? top + bottom : 0;
    const extraWidth = kind === 'number' ? 2 * number : kind === 'explicit' ? left + right : 0;
    const filterHeight = random.int(1, kind === 'same' ? 5 : Math.min(5, height + extraHeight));
    const filterWidth = kind === 'number' ? filterHeight : random.int(1, kind === 'same' ? 5 : Math.min(5, width + extraWidth));
    if (kind === 'number' && filterWidth > width + extraWidth) continue;
    const inChannels = random.pick([1, 3, 4, 8, 32]);
    const strideHeight = random.int(1, 2);
    cases.push({
      xShape: [random.int(2, 4), height, width, inChannels],
      filterShape: [filterHeight, filterWidth, inChannels, random.pick([1, 2, 5, 16])],
      strides: [strideHeight, kind === 'number' ? strideHeight : random.int(1, 2)],
      pad,
    });
  }
  return cases;
}

/** The output shape [N, OH, OW, Cout] of `convCase`'s forward convolution. */
export function outputShape(convCase: ConvCase): [number, number, number, number] {
  const info = tf.backend_util.computeConv2DInfo(convCase.xShape, convCase.filterShape, convCase.strides, 1, convCase.pad);
  return info.outShape;
}

/** A short readable name for test titles. */
export function describeCase(convCase: ConvCase): string {
  const pad = typeof convCase.pad === 'object' ? `[${convCase.pad.slice(1, 3).map((pair) => pair.join(',')).join(' ')}]` : String(convCase.pad);
  return `x ${convCase.xShape.join('×')}, filter ${convCase.filterShape.join('×')}, strides ${convCase.strides.join(',')}, pad ${pad}`;
}
