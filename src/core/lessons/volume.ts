/**
 * The one array type of the teaching math: a `Volume` is height × width × channels numbers stored
 * row-major with the channel fastest (HWC — NHWC without the batch axis, the layout tfjs and Keras
 * use). A plain 2-D matrix, the mask of a lesson, is a volume with one channel; a CIFAR-10 image is
 * 32 × 32 × 3.
 *
 * Float64 on purpose: the lessons write sums like "5×2 + 4×4 = 26" out in full, and doubles keep small
 * integer arithmetic exact.
 */
export interface Volume {
  /** Rows (y). */
  readonly height: number;
  /** Columns (x). */
  readonly width: number;
  /** Values per cell (1 for a matrix, 3 for RGB, 32 for a feature-map stack). */
  readonly channels: number;
  /** `height × width × channels` values; index `(row × width + col) × channels + channel`. */
  readonly data: Float64Array;
}

/**
 * Check a shape, throwing a `RangeError` that names the failed constraint.
 * @param what how the message names the array ("input", "mask").
 */
export function assertShape(what: string, height: number, width: number, channels: number): void {
  for (const [name, value] of [
    ['height', height],
    ['width', width],
    ['channels', channels],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} ${name} must be a whole number ≥ 1, got ${value}`);
  }
}

/**
 * A volume of zeros.
 * @throws RangeError when a dimension is not a whole number ≥ 1.
 */
export function zerosVolume(height: number, width: number, channels = 1): Volume {
  assertShape('volume', height, width, channels);
  return { height, width, channels, data: new Float64Array(height * width * channels) };
}

/**
 * Wrap existing HWC values (copied, so the caller may reuse its array).
 * @throws RangeError when the value count is not height × width × channels.
 */
export function volumeFromData(height: number, width: number, channels: number, values: ArrayLike<number>): Volume {
  assertShape('volume', height, width, channels);
  const expected = height * width * channels;
  if (values.length !== expected) {
    throw new RangeError(`a ${height}×${width}×${channels} volume needs ${expected} values, got ${values.length}`);
  }
  return { height, width, channels, data: Float64Array.from(values) };
}

/**
 * A one-channel volume from rows of numbers, e.g. `matrixFromRows([[1, 2], [3, 4]])`.
 * @throws RangeError when there are no rows, or the rows differ in length.
 */
export function matrixFromRows(rows: ReadonlyArray<ReadonlyArray<number>>): Volume {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  assertShape('matrix', height, width, 1);
  rows.forEach((row, index) => {
    if (row.length !== width) throw new RangeError(`every row must have ${width} values; row ${index + 1} has ${row.length}`);
  });
  return { height, width, channels: 1, data: Float64Array.from(rows.flat()) };
}

/** Flat index of a cell; no bounds check (callers loop inside the shape). */
export function indexOf(volume: Volume, row: number, col: number, channel = 0): number {
  return (row * volume.width + col) * volume.channels + channel;
}

/**
 * The value at (row, col, channel).
 * @throws RangeError when the position is outside the volume.
 */
export function valueAt(volume: Volume, row: number, col: number, channel = 0): number {
  if (row < 0 || row >= volume.height || col < 0 || col >= volume.width || channel < 0 || channel >= volume.channels) {
    throw new RangeError(`(${row}, ${col}, ${channel}) is outside a ${volume.height}×${volume.width}×${volume.channels} volume`);
  }
  return volume.data[indexOf(volume, row, col, channel)] ?? 0;
}

/** One channel as rows of numbers (for display and tests). */
export function volumeToRows(volume: Volume, channel = 0): number[][] {
  return Array.from({ length: volume.height }, (_, row) =>
    Array.from({ length: volume.width }, (_, col) => volume.data[indexOf(volume, row, col, channel)] ?? 0),
  );
}

/** One channel of a volume, as a one-channel volume. */
export function channelOf(volume: Volume, channel: number): Volume {
  if (!Number.isInteger(channel) || channel < 0 || channel >= volume.channels) {
    throw new RangeError(`channel must be 0…${volume.channels - 1}, got ${channel}`);
  }
  const out = zerosVolume(volume.height, volume.width, 1);
  for (let cell = 0; cell < volume.height * volume.width; cell += 1) {
    out.data[cell] = volume.data[cell * volume.channels + channel] ?? 0;
  }
  return out;
}

/**
 * Apply a one-channel operation to every channel and stack the results (a "per channel" filter,
 * like running a blur on R, G and B separately).
 * @throws RangeError when `operation` returns volumes of different shapes or with several channels.
 */
export function mapChannels(volume: Volume, operation: (plane: Volume, channel: number) => Volume): Volume {
  const planes = Array.from({ length: volume.channels }, (_, channel) => operation(channelOf(volume, channel), channel));
  const first = planes[0];
  if (!first) return zerosVolume(volume.height, volume.width, 1);
  const out = zerosVolume(first.height, first.width, planes.length);
  planes.forEach((plane, channel) => {
    if (plane.channels !== 1 || plane.height !== first.height || plane.width !== first.width) {
      throw new RangeError('every channel must map to a one-channel volume of the same size');
    }
    for (let cell = 0; cell < plane.data.length; cell += 1) out.data[cell * planes.length + channel] = plane.data[cell] ?? 0;
  });
  return out;
}

/** Largest absolute value (0 for an all-zero volume); what a symmetric colour scale is centred on. */
export function maxAbs(volume: Volume): number {
  let largest = 0;
  for (const value of volume.data) largest = Math.max(largest, Math.abs(value));
  return largest;
}
