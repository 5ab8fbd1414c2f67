/**
 * The pure math of "Why this class": a saliency map (Grad-CAM's coarse grid, or the plain gradient's
 * one value per pixel) made ready to draw over the 32 × 32 picture — resized to the picture, scaled to
 * 0…1 by its own maximum, given a legend's ticks, and blended over the picture's pixels.
 *
 * The engine computes the raw maps (src/engine/saliency); this file never sees a tensor.
 */

/** A 2-D map of numbers, row-major. */
export interface Map2d {
  readonly height: number;
  readonly width: number;
  /** `height × width` values; index `row × width + col`. */
  readonly values: Float32Array;
}

/** A map scaled for drawing: values in 0…1, and the raw value that 1 stands for. */
export interface NormalisedMap extends Map2d {
  /** The largest raw value (what the top of the colour scale means); 0 for a map with nothing positive. */
  readonly max: number;
}

/**
 * Resize a map with bilinear interpolation, sampling at pixel centres (as `tf.image.resizeBilinear`
 * with `halfPixelCenters`): each output pixel's centre is mapped into the input grid, and the four
 * nearest input cells are mixed by distance. Edges clamp, so a 30 × 30 Grad-CAM grid covers the whole
 * 32 × 32 picture. Resizing to the same size returns equal values.
 *
 * @throws RangeError when a size is not a whole number ≥ 1 or `values` has the wrong length.
 */
export function resizeBilinear(map: Map2d, height: number, width: number): Map2d {
  checkMap(map);
  for (const [name, size] of [['height', height], ['width', width]] as const) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a resized map's ${name} must be a whole number ≥ 1, got ${size}`);
  }
  const out = new Float32Array(height * width);
  const scaleY = map.height / height;
  const scaleX = map.width / width;
  for (let row = 0; row < height; row += 1) {
    const y = clamp((row + 0.5) * scaleY - 0.5, 0, map.height - 1);
    const y0 = Math.floor(y);
    const y1 = Math.min(y0 + 1, map.height - 1);
    const fy = y - y0;
    for (let col = 0; col < width; col += 1) {
      const x = clamp((col + 0.5) * scaleX - 0.5, 0, map.width - 1);
      const x0 = Math.floor(x);
      const x1 = Math.min(x0 + 1, map.width - 1);
      const fx = x - x0;
      const at = (r: number, c: number): number => map.values[r * map.width + c] ?? 0;
      const top = at(y0, x0) * (1 - fx) + at(y0, x1) * fx;
      const bottom = at(y1, x0) * (1 - fx) + at(y1, x1) * fx;
      out[row * width + col] = top * (1 - fy) + bottom * fy;
    }
  }
  return { height, width, values: out };
}

/**
 * Scale a map to 0…1 by its largest value: negative and non-finite values become 0 (a saliency map
 * shows what raised the score; Grad-CAM's ReLU already drops the rest). A map with nothing above 0
 * stays all 0 with `max` 0 — the score did not depend on anything the map can show.
 *
 * @throws RangeError when `values` has the wrong length.
 */
export function normaliseMap(map: Map2d): NormalisedMap {
  checkMap(map);
  let max = 0;
  for (const value of map.values) if (Number.isFinite(value) && value > max) max = value;
  const values = new Float32Array(map.values.length);
  if (max > 0) map.values.forEach((value, index) => (values[index] = Number.isFinite(value) && value > 0 ? value / max : 0));
  return { height: map.height, width: map.width, values, max };
}

/**
 * A map ready to draw over a `size` × `size` picture: resized, then normalised (in that order, so the
 * scale's top is a value that is really drawn).
 */
export function mapForPicture(map: Map2d, size: number): NormalisedMap {
  return normaliseMap(map.height === size && map.width === size ? map : resizeBilinear(map, size, size));
}

/**
 * Ticks for the colour scale's legend: its two ends, 0 and the top, as numbers a reader can say aloud
 * (three significant figures; a middle tick would not fit under a picture-wide bar). The top is
 * `max`, the raw value drawn in full colour.
 */
export function scaleTicks(max: number): readonly { readonly at: number; readonly label: string }[] {
  if (!(max > 0) || !Number.isFinite(max)) return [{ at: 0, label: '0' }];
  return [
    { at: 0, label: '0' },
    { at: 1, label: formatValue(max) },
  ];
}

/** A positive value in three significant figures, switching to powers of ten outside 0.001…9 999. */
export function formatValue(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e4) return value.toExponential(2).replace('e', ' × 10^').replace('+', '');
  return Number(value.toPrecision(3)).toString();
}

/** Where the occlusion test lays its square: top-left corners, row-major. */
export interface OcclusionWindows {
  /** Side of the picture. */
  readonly size: number;
  /** Side of the square laid over it. */
  readonly patch: number;
  readonly stride: number;
  /** Top-left corner of each square: `rows[i]`, `cols[i]`. */
  readonly rows: readonly number[];
  readonly cols: readonly number[];
}

/**
 * The squares of an occlusion test: `patch` × `patch`, every `stride` pixels, the last one flush with
 * the far edge so every pixel is covered (32, 8, 4 → 7 × 7 = 49 squares).
 *
 * @throws RangeError when the sizes are not whole numbers with 1 ≤ patch ≤ size and stride ≥ 1.
 */
export function occlusionWindows(size: number, patch: number, stride: number): OcclusionWindows {
  if (![size, patch, stride].every(Number.isInteger) || patch < 1 || patch > size || stride < 1) {
    throw new RangeError(`an occlusion square is 1 … ${size} pixels with a stride ≥ 1, got ${patch} and ${stride}`);
  }
  const starts: number[] = [];
  for (let start = 0; start + patch < size; start += stride) starts.push(start);
  starts.push(size - patch);
  const rows: number[] = [];
  const cols: number[] = [];
  for (const row of starts) for (const col of starts) {
    rows.push(row);
    cols.push(col);
  }
  return { size, patch, stride, rows, cols };
}

/**
 * The occlusion map: each pixel gets the mean of the score drops of the squares that cover it.
 *
 * @param drops one per square, in `windows` order: the score without the square minus the score with it.
 * @throws RangeError when there is not one drop per square.
 */
export function occlusionMap(drops: ArrayLike<number>, windows: OcclusionWindows): Map2d {
  const { size, patch, rows, cols } = windows;
  if (drops.length !== rows.length) throw new RangeError(`an occlusion map needs one drop per square (${rows.length}), got ${drops.length}`);
  const sums = new Float32Array(size * size);
  const counts = new Uint16Array(size * size);
  rows.forEach((top, index) => {
    const left = cols[index] ?? 0;
    const drop = drops[index] ?? 0;
    for (let row = top; row < top + patch; row += 1) {
      for (let col = left; col < left + patch; col += 1) {
        sums[row * size + col] = (sums[row * size + col] ?? 0) + drop;
        counts[row * size + col] = (counts[row * size + col] ?? 0) + 1;
      }
    }
  });
  return { height: size, width: size, values: sums.map((sum, cell) => sum / Math.max(1, counts[cell] ?? 1)) };
}

/** An sRGB colour, 0…255 per component. */
export type RgbTriple = readonly [number, number, number];

/**
 * Lay a colour over a picture's pixel in proportion to a map value: `amount` 0 keeps the pixel, 1
 * gives `opacity` of the colour over it. The picture stays visible under the strongest spot, so the
 * reader can see *what* is there.
 *
 * @param amount the normalised map value, 0…1 (clamped).
 * @param opacity how much of the colour a value of 1 lays on, 0…1.
 */
export function blendPixel(pixel: RgbTriple, colour: RgbTriple, amount: number, opacity = 0.7): RgbTriple {
  const weight = clamp(Number.isFinite(amount) ? amount : 0, 0, 1) * clamp(opacity, 0, 1);
  const mix = (from: number, to: number): number => Math.round(from + (to - from) * weight);
  return [mix(pixel[0], colour[0]), mix(pixel[1], colour[1]), mix(pixel[2], colour[2])];
}

function checkMap(map: Map2d): void {
  if (!Number.isInteger(map.height) || !Number.isInteger(map.width) || map.height < 1 || map.width < 1) {
    throw new RangeError(`a map is at least 1 × 1 whole cells, got ${map.height} × ${map.width}`);
  }
  if (map.values.length !== map.height * map.width) {
    throw new RangeError(`a ${map.height} × ${map.width} map has ${map.height * map.width} values, got ${map.values.length}`);
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
