import { assertShape, zerosVolume, type Volume } from '../lessons/volume';

/**
 * Pictures as volumes, for applying a lesson's mask to a real image. Values stay on the 0…255 scale of
 * the bytes, so a student can compare the numbers in the grid with the brightness on screen.
 */

/**
 * Bytes of an image (HWC, row-major, e.g. CIFAR-10's 32 × 32 × 3 RGB or a canvas's RGBA) as a volume.
 * @param keepChannels how many leading channels to keep (3 drops a canvas's alpha).
 * @throws RangeError when the byte count does not match the shape.
 */
export function imageBytesToVolume(bytes: ArrayLike<number>, height: number, width: number, channels: number, keepChannels = channels): Volume {
  assertShape('image', height, width, channels);
  if (bytes.length !== height * width * channels) {
    throw new RangeError(`a ${height}×${width}×${channels} image needs ${height * width * channels} bytes, got ${bytes.length}`);
  }
  if (!Number.isInteger(keepChannels) || keepChannels < 1 || keepChannels > channels) {
    throw new RangeError(`channels to keep must be 1…${channels}, got ${keepChannels}`);
  }
  const out = zerosVolume(height, width, keepChannels);
  for (let cell = 0; cell < height * width; cell += 1) {
    for (let channel = 0; channel < keepChannels; channel += 1) {
      out.data[cell * keepChannels + channel] = bytes[cell * channels + channel] ?? 0;
    }
  }
  return out;
}

/**
 * Brightness of an RGB volume as one channel, with the ITU-R BT.601 weights
 * 0.299 R + 0.587 G + 0.114 B (green looks brightest to the eye, blue darkest).
 * @throws RangeError when the volume does not have 3 channels.
 */
export function toGrayscale(rgb: Volume): Volume {
  if (rgb.channels !== 3) throw new RangeError(`grayscale needs 3 channels (RGB), got ${rgb.channels}`);
  const out = zerosVolume(rgb.height, rgb.width, 1);
  for (let cell = 0; cell < rgb.height * rgb.width; cell += 1) {
    const base = cell * 3;
    out.data[cell] = 0.299 * (rgb.data[base] ?? 0) + 0.587 * (rgb.data[base + 1] ?? 0) + 0.114 * (rgb.data[base + 2] ?? 0);
  }
  return out;
}

/**
 * Size to draw a `width × height` picture at so that its long side is at most `maxSide`, keeping the
 * aspect ratio (never enlarging, never below 1 pixel).
 * @throws RangeError when a size is not a whole number ≥ 1.
 */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  for (const [name, value] of [
    ['width', width],
    ['height', height],
    ['largest side', maxSide],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number ≥ 1, got ${value}`);
  }
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
