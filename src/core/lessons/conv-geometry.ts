/**
 * Where a sliding window goes: output sizes and padding for convolution and pooling, with
 * TensorFlow's rules. Every window operation in core (and every lesson) gets its numbers from here.
 *
 * Teaching notes:
 * - "valid": no padding; the window only visits positions where it fits entirely inside the input.
 *   output = ⌊(n − k) / s⌋ + 1.
 * - "same": TensorFlow pads just enough that output = ⌈n / s⌉. The total padding
 *   max((output − 1)·s + k − n, 0) is split with the smaller half on top/left and the extra cell on the
 *   bottom/right (so a 2×2 mask with stride 1 pads only the bottom and right).
 * - explicit: you choose the border; output = ⌊(n + before + after − k) / s⌋ + 1.
 */

/** Padding on each side of a 2-D input, in cells. */
export interface ExplicitPadding {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** tfjs's padding names, or an explicit border. */
export type Padding = 'valid' | 'same' | ExplicitPadding;

/** Padding of one axis: `'valid'`, `'same'`, or `[before, after]` in cells. */
export type AxisPadding = 'valid' | 'same' | readonly [number, number];

/** One or two strides (`[rows, cols]`), as tfjs's `strides` argument. */
export type Strides = number | readonly [number, number];

/** Everything about one axis of a window operation. */
export interface AxisGeometry {
  readonly inputSize: number;
  readonly kernelSize: number;
  readonly stride: number;
  /** Padding cells before the first input cell (top or left). */
  readonly padBefore: number;
  /** Padding cells after the last input cell (bottom or right). */
  readonly padAfter: number;
  /** inputSize + padBefore + padAfter. */
  readonly paddedSize: number;
  /** paddedSize − kernelSize: how far the window can travel; output = ⌊span / stride⌋ + 1. */
  readonly span: number;
  readonly outputSize: number;
  /**
   * Cells at the far end (of the padded input) that no window reads: the stride jumped past them.
   * 0 when the windows tile the padded input exactly.
   */
  readonly unreadCells: number;
}

/** Both axes of a 2-D window operation. */
export interface ConvGeometry {
  readonly rows: AxisGeometry;
  readonly cols: AxisGeometry;
}

function assertWhole(name: string, value: number, minimum: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a number, got ${String(value)}`);
  if (value < minimum) throw new RangeError(`${name} must be ≥ ${minimum}, got ${value}`);
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be a whole number, got ${value}`);
}

/**
 * TensorFlow's "same" padding for one axis.
 * @returns cells before and after, and the output size ⌈n / s⌉.
 * @throws RangeError when a size or the stride is not a whole number ≥ 1.
 */
export function samePadding(inputSize: number, kernelSize: number, stride: number): { before: number; after: number; outputSize: number } {
  assertWhole('input size', inputSize, 1);
  assertWhole('mask size', kernelSize, 1);
  assertWhole('stride', stride, 1);
  const outputSize = Math.ceil(inputSize / stride);
  const total = Math.max((outputSize - 1) * stride + kernelSize - inputSize, 0);
  const before = Math.floor(total / 2);
  return { before, after: total - before, outputSize };
}

/**
 * Output size of one axis: ⌊(n + before + after − k) / s⌋ + 1.
 * @throws RangeError naming the constraint: sizes and stride ≥ 1, padding ≥ 0, and the mask no larger
 *   than the padded input.
 */
export function outputSize(inputSize: number, kernelSize: number, stride: number, padding: AxisPadding): number {
  return axisGeometry(inputSize, kernelSize, stride, padding).outputSize;
}

/**
 * The geometry of one axis. `axisName` only words the error message ("height", "width").
 * @throws RangeError as {@link outputSize}.
 */
export function axisGeometry(inputSize: number, kernelSize: number, stride: number, padding: AxisPadding, axisName = 'size'): AxisGeometry {
  assertWhole(`input ${axisName}`, inputSize, 1);
  assertWhole(`mask ${axisName}`, kernelSize, 1);
  assertWhole('stride', stride, 1);
  let padBefore = 0;
  let padAfter = 0;
  if (padding === 'same') {
    ({ before: padBefore, after: padAfter } = samePadding(inputSize, kernelSize, stride));
  } else if (padding !== 'valid') {
    [padBefore, padAfter] = padding;
    assertWhole('padding', padBefore, 0);
    assertWhole('padding', padAfter, 0);
  }
  const paddedSize = inputSize + padBefore + padAfter;
  if (kernelSize > paddedSize) {
    throw new RangeError(`mask ${axisName} ${kernelSize} is larger than the padded input ${axisName} ${paddedSize}`);
  }
  const span = paddedSize - kernelSize;
  return {
    inputSize,
    kernelSize,
    stride,
    padBefore,
    padAfter,
    paddedSize,
    span,
    outputSize: Math.floor(span / stride) + 1,
    unreadCells: span % stride,
  };
}

/** `[rowStride, colStride]` from tfjs's `strides` argument. */
export function splitStrides(strides: Strides): readonly [number, number] {
  return typeof strides === 'number' ? [strides, strides] : strides;
}

/**
 * The geometry of a 2-D window operation (convolution or pooling) on a `height × width` input.
 * @throws RangeError naming the failed constraint, e.g. "stride must be ≥ 1, got 0" or
 *   "mask 5×5 is larger than the padded input 4×4".
 */
export function convGeometry(
  input: { readonly height: number; readonly width: number },
  kernel: { readonly height: number; readonly width: number },
  strides: Strides,
  padding: Padding,
): ConvGeometry {
  const [rowStride, colStride] = splitStrides(strides);
  // Check in the order a student would fix things: sizes, stride, padding, then whether the mask fits.
  assertWhole('input height', input.height, 1);
  assertWhole('input width', input.width, 1);
  assertWhole('mask height', kernel.height, 1);
  assertWhole('mask width', kernel.width, 1);
  assertWhole('stride', rowStride, 1);
  assertWhole('stride', colStride, 1);
  const border = typeof padding === 'string' ? null : padding;
  if (border) for (const side of [border.top, border.bottom, border.left, border.right]) assertWhole('padding', side, 0);
  const rowPadding: AxisPadding = typeof padding === 'string' ? padding : [padding.top, padding.bottom];
  const colPadding: AxisPadding = typeof padding === 'string' ? padding : [padding.left, padding.right];
  // "same" always fits; otherwise report both axes together, so the message shows the whole shape.
  const paddedHeight = input.height + (border ? border.top + border.bottom : 0);
  const paddedWidth = input.width + (border ? border.left + border.right : 0);
  if (padding !== 'same' && (kernel.height > paddedHeight || kernel.width > paddedWidth)) {
    const paddedWord = border ? 'padded input' : 'input';
    throw new RangeError(`mask ${kernel.height}×${kernel.width} is larger than the ${paddedWord} ${paddedHeight}×${paddedWidth}`);
  }
  return {
    rows: axisGeometry(input.height, kernel.height, rowStride, rowPadding, 'height'),
    cols: axisGeometry(input.width, kernel.width, colStride, colPadding, 'width'),
  };
}

/** The padding a geometry applied, as an explicit border. */
export function paddingOf(geometry: ConvGeometry): ExplicitPadding {
  return { top: geometry.rows.padBefore, bottom: geometry.rows.padAfter, left: geometry.cols.padBefore, right: geometry.cols.padAfter };
}
