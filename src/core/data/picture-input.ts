/**
 * Any RGBA picture (a camera frame, a decoded file) → the network's 32 × 32 RGB input, with the same
 * rule as Classify: keep the largest centred square, composite on white, shrink by area averaging.
 * Classify crops with a canvas before resampling; a camera frame arrives whole, so the crop is done
 * here on the bytes, and both paths give the same input for the same picture.
 */
import { CIFAR_IMAGE_SIZE } from './cifar-format';
import { areaResampleToRgb, centreSquareCrop } from './image-resample';

/**
 * The centred square of an RGBA picture, resampled to `outSide` × `outSide` RGB.
 *
 * @param rgba height × width × 4 bytes, row-major, straight alpha.
 * @returns outSide × outSide × 3 bytes, row-major RGB.
 * @throws RangeError when the byte count does not match width × height × 4, or a side is not ≥ 1.
 */
export function centreSquareToRgb(rgba: ArrayLike<number>, width: number, height: number, outSide: number = CIFAR_IMAGE_SIZE): Uint8Array {
  const crop = centreSquareCrop(width, height);
  if (rgba.length !== width * height * 4) throw new RangeError(`a ${width} × ${height} RGBA picture needs ${width * height * 4} bytes, got ${rgba.length}`);
  if (crop.size === width && crop.size === height) return areaResampleToRgb(rgba, width, height, outSide);
  const square = new Uint8Array(crop.size * crop.size * 4);
  for (let row = 0; row < crop.size; row += 1) {
    const from = ((crop.y + row) * width + crop.x) * 4;
    for (let index = 0; index < crop.size * 4; index += 1) square[row * crop.size * 4 + index] = rgba[from + index] ?? 0;
  }
  return areaResampleToRgb(square, crop.size, crop.size, outSide);
}
