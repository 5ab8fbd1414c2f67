/**
 * Reading a trained network's insides for display: a filter of the first layer as a small colour
 * picture, one input channel of it as numbers, the strongest units of a dense layer. Pure, so the
 * views draw exactly what the tests check.
 */
import type { FilterBank } from '../lessons/conv2d';
import { zerosVolume, type Volume } from '../lessons/volume';

/** One unit of a layer and its activation. */
export interface UnitActivation {
  /** 0-based unit (output) index within the layer. */
  readonly unit: number;
  readonly value: number;
}

/**
 * The `k` largest values with their positions, largest first; equal values keep index order.
 * NaN values are never among them.
 * @throws RangeError when `k` is not a whole number ≥ 0.
 */
export function topActivations(values: ArrayLike<number>, k: number): UnitActivation[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number ≥ 0, got ${k}`);
  const units: UnitActivation[] = [];
  for (let unit = 0; unit < values.length; unit += 1) {
    const value = values[unit] ?? Number.NaN;
    if (!Number.isNaN(value)) units.push({ unit, value });
  }
  units.sort((a, b) => b.value - a.value || a.unit - b.unit);
  return units.slice(0, k);
}

/** Index of the largest value (the first on ties); −1 for an empty or all-NaN array. */
export function argMax(values: ArrayLike<number>): number {
  let best = -1;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? Number.NaN;
    if (!Number.isNaN(value) && (best < 0 || value > (values[best] ?? Number.NaN))) best = index;
  }
  return best;
}

function checkOutChannel(bank: FilterBank, outChannel: number): void {
  if (!Number.isInteger(outChannel) || outChannel < 0 || outChannel >= bank.outChannels) {
    throw new RangeError(`filter must be 0…${bank.outChannels - 1}, got ${outChannel}`);
  }
}

/** Weight at (row, col, inChannel) of filter `outChannel` in an HWIO bank. */
function weight(bank: FilterBank, row: number, col: number, inChannel: number, outChannel: number): number {
  return bank.data[((row * bank.width + col) * bank.inChannels + inChannel) * bank.outChannels + outChannel] ?? 0;
}

/**
 * One first-layer filter as an RGB picture (`height × width × 3` bytes, row-major): its 3 input channels
 * become red, green and blue, stretched so the filter's smallest weight is 0 and its largest 255. A
 * filter that looks for "green above, purple below" then looks like that. Each filter is stretched on
 * its own, so a weak filter is as visible as a strong one; a filter whose weights are all equal is
 * mid-grey.
 * @throws RangeError when the bank does not take 3 input channels or `outChannel` is outside it.
 */
export function filterTileRgb(bank: FilterBank, outChannel: number): Uint8Array {
  if (bank.inChannels !== 3) throw new RangeError(`an RGB tile needs a filter over 3 input channels, got ${bank.inChannels}`);
  checkOutChannel(bank, outChannel);
  let low = Infinity;
  let high = -Infinity;
  for (let row = 0; row < bank.height; row += 1) {
    for (let col = 0; col < bank.width; col += 1) {
      for (let channel = 0; channel < 3; channel += 1) {
        const value = weight(bank, row, col, channel, outChannel);
        low = Math.min(low, value);
        high = Math.max(high, value);
      }
    }
  }
  const range = high - low;
  const tile = new Uint8Array(bank.height * bank.width * 3);
  for (let row = 0; row < bank.height; row += 1) {
    for (let col = 0; col < bank.width; col += 1) {
      for (let channel = 0; channel < 3; channel += 1) {
        const value = weight(bank, row, col, channel, outChannel);
        tile[(row * bank.width + col) * 3 + channel] = range > 0 ? Math.round(((value - low) / range) * 255) : 128;
      }
    }
  }
  return tile;
}

/**
 * The weights filter `outChannel` applies to input channel `inChannel`, as a one-channel volume
 * (`height × width`): the 3×3 mask it slides over the red (or green, or blue) plane.
 * @throws RangeError when either channel is outside the bank.
 */
export function filterPlane(bank: FilterBank, outChannel: number, inChannel: number): Volume {
  checkOutChannel(bank, outChannel);
  if (!Number.isInteger(inChannel) || inChannel < 0 || inChannel >= bank.inChannels) {
    throw new RangeError(`input channel must be 0…${bank.inChannels - 1}, got ${inChannel}`);
  }
  const plane = zerosVolume(bank.height, bank.width, 1);
  for (let row = 0; row < bank.height; row += 1) {
    for (let col = 0; col < bank.width; col += 1) plane.data[row * bank.width + col] = weight(bank, row, col, inChannel, outChannel);
  }
  return plane;
}

/** Largest absolute value of an array (0 when empty): what a heat map's symmetric scale is centred on. */
export function largestMagnitude(values: ArrayLike<number>): number {
  let largest = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = Math.abs(values[index] ?? 0);
    if (value > largest) largest = value;
  }
  return largest;
}

/**
 * Network input values from image bytes: each byte ÷ 255, as the tutorial scales CIFAR-10 (and as the
 * engine feeds the model), in a volume the step records can replay.
 * @throws RangeError when the byte count is not height × width × channels.
 */
export function scaledImageVolume(bytes: ArrayLike<number>, height: number, width: number, channels: number): Volume {
  const volume = zerosVolume(height, width, channels);
  if (bytes.length !== volume.data.length) throw new RangeError(`a ${height}×${width}×${channels} image needs ${volume.data.length} bytes, got ${bytes.length}`);
  // Math.fround: the model sees float32(byte / 255); replaying with the same value keeps the check tight.
  for (let index = 0; index < bytes.length; index += 1) volume.data[index] = Math.fround((bytes[index] ?? 0) / 255);
  return volume;
}
