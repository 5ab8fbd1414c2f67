import type { LessonId } from '../../state/store';

/** A lesson's name and one-line promise, for the Learn area's list. */
export interface LessonEntry {
  readonly id: LessonId;
  readonly title: string;
  /** One word for the row of lesson links. */
  readonly navTitle: string;
  readonly summary: string;
}

/** The lessons in teaching order (the same order as `LESSON_IDS`). */
export const LESSONS: readonly LessonEntry[] = [
  { id: 'mask', title: 'The mask', navTitle: 'Mask', summary: 'A small grid of weights, and why it has a centre.' },
  { id: 'flipping', title: 'Flipping', navTitle: 'Flipping', summary: 'Convolution flips the mask; a conv layer does not.' },
  { id: 'convolution', title: 'Convolution', navTitle: 'Convolution', summary: 'Slide, multiply, add: one new pixel per position.' },
  { id: 'stride', title: 'Stride', navTitle: 'Stride', summary: 'Jump 1, 2 or 3 cells, and what falls off the edge.' },
  { id: 'padding', title: 'Padding', navTitle: 'Padding', summary: 'A border of zeros, and the output-size formula.' },
  { id: 'pooling', title: 'Pooling', navTitle: 'Pooling', summary: 'Keep the largest (or the average) of each window.' },
  { id: 'conv-1d', title: '1-D convolution', navTitle: '1-D', summary: 'The same ideas on a time series.' },
  { id: 'network', title: 'The whole network', navTitle: 'Network', summary: 'From a 32×32 photo to 10 probabilities.' },
  { id: 'real-network', title: 'The real network, step by step', navTitle: 'Real network', summary: 'Replay one cell of a trained filter: 27 products, bias, ReLU.' },
];
