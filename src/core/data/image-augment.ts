/**
 * Data augmentation on uint8 NHWC images: a random horizontal mirror and a shift of a few pixels.
 * A cat facing left is still a cat facing right, and a cat two pixels lower is still a cat; showing
 * the network such variants each epoch makes it memorise less. Vertical flips are left out on
 * purpose: an upside-down truck is not a CIFAR-10 photo.
 */
import { CIFAR_CHANNELS, CIFAR_IMAGE_SIZE } from './cifar-format';
import { mulberry32 } from '../common/seeded-random';

/** Height, width and channels of each image in an NHWC array. */
export interface ImageGeometry {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

/** CIFAR-10's 32 × 32 × 3. */
export const CIFAR_GEOMETRY: ImageGeometry = { height: CIFAR_IMAGE_SIZE, width: CIFAR_IMAGE_SIZE, channels: CIFAR_CHANNELS };

/** One image's transform: move right by `dx` and down by `dy` pixels (negative: left, up), then mirror. */
export interface ImageTransform {
  readonly flip: boolean;
  readonly dx: number;
  readonly dy: number;
}

/** What `augmentBatchInPlace` may do to each image. */
export interface AugmentOptions {
  /** Mirror left–right with probability ½. */
  readonly flipHorizontal: boolean;
  /** Shift each axis by a uniform whole number of pixels in [-maxShiftPx, maxShiftPx]; 0 for none. */
  readonly maxShiftPx: number;
}

/**
 * What a run with `augment` on does to each training image: mirror it half the time and shift it by up
 * to 2 px each way (6 % of a 32-px side: the object stays in the picture, and a 3 × 3 filter sees it
 * move by less than its own width). A single fixed choice keeps the setting one checkbox to explain.
 */
export const TRAINING_AUGMENTATION: AugmentOptions = { flipHorizontal: true, maxShiftPx: 2 };

/**
 * The seed of the augmentation at update `iteration` (0-based) of a run seeded with `seed`: a pure
 * function of the two, so a resumed run, or a run with the same seed, sees the very same variants,
 * while every step (hence every epoch) draws new ones. Mixed with constants other than the shuffle's
 * (training-batches.ts), so the two streams are unrelated.
 */
export function augmentationSeed(seed: number, iteration: number): number {
  return (Math.imul(seed >>> 0, 0x27d4eb2f) ^ Math.imul(iteration + 1, 0x165667b1)) >>> 0;
}

/**
 * Write the transformed image at `srcOffset` of `src` to `dstOffset` of `dst` (which must not overlap).
 * Pixels shifted in from outside repeat the nearest edge pixel (Keras' default `fill_mode='nearest'`),
 * so no black bars appear that the network could learn as a feature.
 */
export function transformImageInto(
  src: Uint8Array,
  srcOffset: number,
  dst: Uint8Array,
  dstOffset: number,
  transform: ImageTransform,
  geometry: ImageGeometry = CIFAR_GEOMETRY,
): void {
  const { height, width, channels } = geometry;
  for (let y = 0; y < height; y++) {
    const sy = clamp(y - transform.dy, height);
    for (let x = 0; x < width; x++) {
      const xBeforeFlip = transform.flip ? width - 1 - x : x;
      const sx = clamp(xBeforeFlip - transform.dx, width);
      const from = srcOffset + (sy * width + sx) * channels;
      const to = dstOffset + (y * width + x) * channels;
      for (let c = 0; c < channels; c++) dst[to + c] = src[from + c] ?? 0;
    }
  }
}

/**
 * Draw one random transform per image and apply it to `batch` (NHWC uint8) in place.
 *
 * @param random uniform numbers in [0, 1), e.g. `mulberry32(seed)`, so a run can be replayed.
 * @throws RangeError when `maxShiftPx` is negative, not an integer, or not smaller than the image.
 */
export function augmentBatchInPlace(
  batch: Uint8Array,
  options: AugmentOptions,
  random: () => number,
  geometry: ImageGeometry = CIFAR_GEOMETRY,
): void {
  const { maxShiftPx } = options;
  const side = Math.min(geometry.height, geometry.width);
  if (!Number.isInteger(maxShiftPx) || maxShiftPx < 0 || maxShiftPx >= side) {
    throw new RangeError(`maxShiftPx must be an integer from 0 to ${side - 1}, got ${maxShiftPx}`);
  }
  if (!options.flipHorizontal && maxShiftPx === 0) return;
  const imageBytes = geometry.height * geometry.width * geometry.channels;
  const scratch = new Uint8Array(imageBytes);
  for (let offset = 0; offset + imageBytes <= batch.length; offset += imageBytes) {
    scratch.set(batch.subarray(offset, offset + imageBytes));
    transformImageInto(scratch, 0, batch, offset, drawImageTransform(options, random), geometry);
  }
}

/**
 * One image's random transform, as `augmentBatchInPlace` draws it: the mirror (when allowed) with
 * probability ½, then `dx`, then `dy`, each uniform in [-maxShiftPx, maxShiftPx].
 */
export function drawImageTransform(options: AugmentOptions, random: () => number): ImageTransform {
  const shift = (): number => Math.floor(random() * (2 * options.maxShiftPx + 1)) - options.maxShiftPx;
  const flip = options.flipHorizontal && random() < 0.5;
  const dx = shift();
  return { flip, dx, dy: shift() };
}

/**
 * `count` variants of one image (NHWC uint8), drawn as a run seeded with `seed` draws its first
 * step's: what the network may be shown instead of the picture. For the dataset browser.
 * @returns the variants one after another, and each one's transform.
 */
export function augmentedVariants(
  image: Uint8Array,
  count: number,
  seed: number,
  geometry: ImageGeometry = CIFAR_GEOMETRY,
): { readonly pixels: Uint8Array; readonly transforms: readonly ImageTransform[] } {
  const imageBytes = geometry.height * geometry.width * geometry.channels;
  const random = mulberry32(augmentationSeed(seed, 0));
  const pixels = new Uint8Array(count * imageBytes);
  const transforms = Array.from({ length: count }, (_, index) => {
    const transform = drawImageTransform(TRAINING_AUGMENTATION, random);
    transformImageInto(image, 0, pixels, index * imageBytes, transform, geometry);
    return transform;
  });
  return { pixels, transforms };
}

function clamp(value: number, size: number): number {
  return value < 0 ? 0 : value >= size ? size - 1 : value;
}
