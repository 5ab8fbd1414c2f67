import { indexOf, zerosVolume, type Volume } from './volume';
import type { ExplicitPadding } from './conv-geometry';

/**
 * Mirror left ↔ right (the columns swap; the rows stay). Every channel is flipped the same way.
 * @returns a new volume; the input is not changed.
 */
export function flipHorizontal(volume: Volume): Volume {
  const out = zerosVolume(volume.height, volume.width, volume.channels);
  for (let row = 0; row < volume.height; row += 1) {
    for (let col = 0; col < volume.width; col += 1) {
      for (let channel = 0; channel < volume.channels; channel += 1) {
        out.data[indexOf(out, row, volume.width - 1 - col, channel)] = volume.data[indexOf(volume, row, col, channel)] ?? 0;
      }
    }
  }
  return out;
}

/**
 * Mirror top ↔ bottom (the rows swap; the columns stay).
 * @returns a new volume; the input is not changed.
 */
export function flipVertical(volume: Volume): Volume {
  const out = zerosVolume(volume.height, volume.width, volume.channels);
  const rowLength = volume.width * volume.channels;
  for (let row = 0; row < volume.height; row += 1) {
    const from = row * rowLength;
    out.data.set(volume.data.subarray(from, from + rowLength), (volume.height - 1 - row) * rowLength);
  }
  return out;
}

/**
 * Flip a mask horizontally and then vertically — the one flip that turns cross-correlation into
 * convolution. Equal to a half-turn rotation: the cell at (r, c) moves to (h − 1 − r, w − 1 − c).
 * @returns a new volume.
 */
export function flip2d(volume: Volume): Volume {
  return flipVertical(flipHorizontal(volume));
}

/**
 * Whether a mask is the same after a half-turn (flipped both ways): then convolution and
 * cross-correlation give the same result on every input. Decided from the mask alone — two outputs
 * that happen to agree on one input (a Sobel mask on a flat picture) prove nothing.
 */
export function isHalfTurnSymmetric(mask: Volume): boolean {
  const turned = flip2d(mask);
  return mask.data.every((value, index) => value === turned.data[index]);
}

/**
 * Surround every channel with a border of `value` (zero padding by default).
 * @param padding cells to add on each side, each a whole number ≥ 0.
 * @throws RangeError when a side is negative or not whole ("padding must be ≥ 0, got -1").
 */
export function pad2d(volume: Volume, padding: ExplicitPadding, value = 0): Volume {
  for (const side of [padding.top, padding.bottom, padding.left, padding.right]) {
    if (!Number.isInteger(side)) throw new RangeError(`padding must be a whole number, got ${side}`);
    if (side < 0) throw new RangeError(`padding must be ≥ 0, got ${side}`);
  }
  const out = zerosVolume(volume.height + padding.top + padding.bottom, volume.width + padding.left + padding.right, volume.channels);
  if (value !== 0) out.data.fill(value);
  const rowLength = volume.width * volume.channels;
  for (let row = 0; row < volume.height; row += 1) {
    const from = row * rowLength;
    out.data.set(volume.data.subarray(from, from + rowLength), indexOf(out, row + padding.top, padding.left));
  }
  return out;
}
