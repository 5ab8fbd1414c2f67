/**
 * Non-overlapping pooling windows as a tensor axis, and back: the reshapes a pooling op built from
 * ordinary tfjs ops needs. Every op used (slice, pad, reshape, transpose) runs on webgl, wasm and cpu.
 */
import * as tf from '@tensorflow/tfjs';
import type { Padding } from '../../core/model/model-spec';

/** Where a [N, H, W, C] input's windows lie: the output size and the rows/columns cut or padded. */
export interface WindowLayout {
  readonly poolRows: number;
  readonly poolCols: number;
  readonly outRows: number;
  readonly outCols: number;
  /**
   * Rows (columns) added before the input (`same`, TensorFlow's split of the padding: the smaller half
   * first) or, negative, cut off after it (`valid`: the rows no whole window reaches).
   */
  readonly padTop: number;
  readonly padBottom: number;
  readonly padLeft: number;
  readonly padRight: number;
}

/**
 * The layout of `poolSize` windows, stride = pool size, over an input of `rows × cols`, as TensorFlow
 * sizes pooling: `valid` floor(n / k) windows, `same` ceil(n / k) with zeros around.
 * @throws RangeError when a window is larger than a `valid` input.
 */
export function windowLayout(rows: number, cols: number, poolSize: readonly [number, number], padding: Padding): WindowLayout {
  const [poolRows, poolCols] = poolSize;
  const outRows = padding === 'same' ? Math.ceil(rows / poolRows) : Math.floor(rows / poolRows);
  const outCols = padding === 'same' ? Math.ceil(cols / poolCols) : Math.floor(cols / poolCols);
  if (outRows < 1 || outCols < 1) throw new RangeError(`a ${poolRows}×${poolCols} pool does not fit a ${rows}×${cols} input`);
  const extraRows = outRows * poolRows - rows;
  const extraCols = outCols * poolCols - cols;
  const padTop = extraRows > 0 ? Math.floor(extraRows / 2) : 0;
  const padLeft = extraCols > 0 ? Math.floor(extraCols / 2) : 0;
  return { poolRows, poolCols, outRows, outCols, padTop, padBottom: extraRows - padTop, padLeft, padRight: extraCols - padLeft };
}

/**
 * [N, H, W, C] → [N, outRows, outCols, C, poolRows · poolCols]: each window's values on the last axis,
 * in row-major order within the window. Padding cells are 0. Not tidied (call inside `tf.tidy`).
 */
export function toWindows(x: tf.Tensor4D, layout: WindowLayout): tf.Tensor5D {
  const [batch = 0, , , channels = 0] = x.shape;
  const { poolRows, poolCols, outRows, outCols } = layout;
  const fitted = fitToWindows(x, layout);
  const split = tf.reshape(fitted, [batch, outRows, poolRows, outCols, poolCols * channels]);
  // [N, oR, pR, oC, pC·C] → [N, oR, oC, pR, pC·C] → [N, oR, oC, pR·pC, C] → [N, oR, oC, C, pR·pC]
  const rowsInside = tf.transpose(split, [0, 1, 3, 2, 4]);
  const cells = tf.reshape(rowsInside, [batch * outRows * outCols, poolRows * poolCols, channels]);
  const channelsFirst = tf.transpose(cells, [0, 2, 1]);
  return tf.reshape(channelsFirst, [batch, outRows, outCols, channels, poolRows * poolCols]);
}

/**
 * The inverse of `toWindows`: [N, outRows, outCols, C, poolRows · poolCols] → [N, rows, cols, C],
 * padding cells dropped and rows no window reached filled with 0 — the shape of a pooling op's input
 * gradient. Not tidied.
 */
export function fromWindows(windows: tf.Tensor5D, layout: WindowLayout, rows: number, cols: number): tf.Tensor4D {
  const [batch = 0, , , channels = 0] = windows.shape;
  const { poolRows, poolCols, outRows, outCols } = layout;
  const cells = tf.reshape(windows, [batch * outRows * outCols, channels, poolRows * poolCols]);
  const cellsFirst = tf.transpose(cells, [0, 2, 1]);
  const split = tf.reshape(cellsFirst, [batch, outRows, outCols, poolRows, poolCols * channels]);
  const rowsOutside = tf.transpose(split, [0, 1, 3, 2, 4]);
  const fitted = tf.reshape(rowsOutside, [batch, outRows * poolRows, outCols * poolCols, channels]) as tf.Tensor4D;
  return unfit(fitted, layout, rows, cols);
}

/** Cut (`valid`) or zero-pad (`same`) the input to exactly outRows·poolRows × outCols·poolCols. */
function fitToWindows(x: tf.Tensor4D, layout: WindowLayout): tf.Tensor4D {
  const [batch = 0, , , channels = 0] = x.shape;
  const rows = layout.outRows * layout.poolRows;
  const cols = layout.outCols * layout.poolCols;
  // `valid` has negative bottom and right "padding" (rows cut off below), handled by the slice.
  const padBottom = Math.max(layout.padBottom, 0);
  const padRight = Math.max(layout.padRight, 0);
  const padded = layout.padTop + padBottom + layout.padLeft + padRight > 0
    ? tf.pad(x, [[0, 0], [layout.padTop, padBottom], [layout.padLeft, padRight], [0, 0]])
    : x;
  return padded.shape[1] === rows && padded.shape[2] === cols ? padded : tf.slice(padded, [0, 0, 0, 0], [batch, rows, cols, channels]) as tf.Tensor4D;
}

/** Undo `fitToWindows` on a gradient: drop the padding, put 0 where rows or columns had been cut. */
function unfit(fitted: tf.Tensor4D, layout: WindowLayout, rows: number, cols: number): tf.Tensor4D {
  const [batch = 0, fittedRows = 0, fittedCols = 0, channels = 0] = fitted.shape;
  const inside = layout.padTop + layout.padLeft > 0 || fittedRows > rows || fittedCols > cols
    ? tf.slice(fitted, [0, layout.padTop, layout.padLeft, 0], [batch, Math.min(rows, fittedRows - layout.padTop), Math.min(cols, fittedCols - layout.padLeft), channels])
    : fitted;
  const [, insideRows = 0, insideCols = 0] = inside.shape;
  return insideRows === rows && insideCols === cols ? inside : tf.pad(inside, [[0, 0], [0, rows - insideRows], [0, cols - insideCols], [0, 0]]);
}
