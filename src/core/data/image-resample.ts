/**
 * How any picture becomes the network's 32 × 32 input: keep the largest centred square (CIFAR-10's
 * photos are square, and stretching would distort shapes), lay it on white (a transparent pixel has no
 * colour of its own), and shrink it by area averaging.
 *
 * Why area averaging: shrinking a 3 000-pixel square to 32 means each input pixel stands for a
 * 94 × 94 block. Picking one source pixel per block (nearest neighbour) or blending only the 2 × 2
 * around a point (bilinear) ignores almost all of that block, so fine stripes turn into false
 * patterns (aliasing). Averaging every source pixel a block covers — weighting a pixel the block
 * only partly covers by the part it covers — keeps what the block looks like from a distance.
 * Enlarging (a picture smaller than 32 pixels) gives each output pixel the colour of the source pixel
 * it falls in: blocky, but exactly the picture's own pixels.
 */
import { CIFAR_IMAGE_SIZE } from './cifar-format';

/** A square region of a picture, in its pixels. */
export interface SquareCrop {
  /** Left column and top row of the square. */
  readonly x: number;
  readonly y: number;
  /** Side in pixels: the picture's shorter side. */
  readonly size: number;
}

/**
 * The largest square centred in a `width` × `height` picture (an odd leftover pixel goes to the right or
 * bottom).
 * @throws RangeError when a side is not a whole number ≥ 1.
 */
export function centreSquareCrop(width: number, height: number): SquareCrop {
  if (!Number.isInteger(width) || width < 1 || !Number.isInteger(height) || height < 1) {
    throw new RangeError(`picture sides must be whole numbers ≥ 1, got ${width} × ${height}`);
  }
  const size = Math.min(width, height);
  return { x: Math.floor((width - size) / 2), y: Math.floor((height - size) / 2), size };
}

/** For each output pixel along one axis: the first source pixel it covers and the weight of each. */
interface AxisWeights {
  readonly first: Int32Array;
  readonly weights: readonly Float64Array[];
}

/**
 * Box weights mapping `sourceLength` pixels onto `outLength`: output pixel k covers the source interval
 * [k·s, (k+1)·s) with s = sourceLength / outLength; each source pixel weighs the length of its overlap
 * divided by s, so an output pixel's weights add up to 1.
 */
export function axisWeights(sourceLength: number, outLength: number): AxisWeights {
  const scale = sourceLength / outLength;
  const first = new Int32Array(outLength);
  const weights: Float64Array[] = [];
  for (let out = 0; out < outLength; out += 1) {
    const start = out * scale;
    const end = (out + 1) * scale;
    const firstSource = Math.floor(start);
    const lastSource = Math.min(sourceLength, Math.ceil(end)) - 1;
    const row = new Float64Array(lastSource - firstSource + 1);
    for (let source = firstSource; source <= lastSource; source += 1) {
      row[source - firstSource] = (Math.min(end, source + 1) - Math.max(start, source)) / scale;
    }
    first[out] = firstSource;
    weights.push(row);
  }
  return { first, weights };
}

/**
 * Shrink (or enlarge) an RGBA picture to `outSide` × `outSide` RGB by area averaging, each pixel first
 * composited on white by its alpha. Resample the centre square by passing that square's pixels (see
 * `centreSquareCrop`); a non-square picture is scaled on each axis separately.
 *
 * @param rgba height × width × 4 bytes, row-major, straight (not premultiplied) alpha.
 * @returns outSide × outSide × 3 bytes, row-major RGB (NHWC without the batch axis).
 * @throws RangeError when the byte count does not match width × height × 4, or a size is not ≥ 1.
 */
export function areaResampleToRgb(rgba: ArrayLike<number>, width: number, height: number, outSide: number = CIFAR_IMAGE_SIZE): Uint8Array {
  centreSquareCrop(width, height);
  if (!Number.isInteger(outSide) || outSide < 1) throw new RangeError(`output side must be a whole number ≥ 1, got ${outSide}`);
  if (rgba.length !== width * height * 4) throw new RangeError(`a ${width} × ${height} RGBA picture needs ${width * height * 4} bytes, got ${rgba.length}`);
  const across = axisWeights(width, outSide);
  const down = axisWeights(height, outSide);
  // First pass: every source row shrunk to outSide columns (height × outSide × 3 values).
  const rows = new Float64Array(height * outSide * 3);
  for (let y = 0; y < height; y += 1) {
    for (let column = 0; column < outSide; column += 1) {
      const weights = across.weights[column] ?? new Float64Array(0);
      const firstX = across.first[column] ?? 0;
      let red = 0;
      let green = 0;
      let blue = 0;
      for (let index = 0; index < weights.length; index += 1) {
        const weight = weights[index] ?? 0;
        const at = (y * width + firstX + index) * 4;
        const alpha = (rgba[at + 3] ?? 255) / 255;
        const white = 255 * (1 - alpha);
        red += weight * ((rgba[at] ?? 0) * alpha + white);
        green += weight * ((rgba[at + 1] ?? 0) * alpha + white);
        blue += weight * ((rgba[at + 2] ?? 0) * alpha + white);
      }
      const to = (y * outSide + column) * 3;
      rows[to] = red;
      rows[to + 1] = green;
      rows[to + 2] = blue;
    }
  }
  // Second pass: the shrunk rows averaged down into outSide rows.
  const out = new Uint8Array(outSide * outSide * 3);
  for (let row = 0; row < outSide; row += 1) {
    const weights = down.weights[row] ?? new Float64Array(0);
    const firstY = down.first[row] ?? 0;
    for (let value = 0; value < outSide * 3; value += 1) {
      let sum = 0;
      for (let index = 0; index < weights.length; index += 1) sum += (weights[index] ?? 0) * (rows[(firstY + index) * outSide * 3 + value] ?? 0);
      out[row * outSide * 3 + value] = Math.min(255, Math.max(0, Math.round(sum)));
    }
  }
  return out;
}
