/**
 * How a batch of CIFAR-sized pictures is laid out in one RGBA8 texture, so its bytes can be uploaded to
 * the GPU as they are (1 byte per value) instead of as 32-bit numbers (4 bytes per value). Pure
 * arithmetic: the WebGL side is src/engine/webgl/upload-bytes.ts.
 *
 * A 32 × 32 × 3 picture is 3 072 bytes = 768 RGBA texels exactly, so whole pictures sit side by side
 * along a texture row and the texture's bytes, read row by row, are the batch's NHWC bytes unchanged:
 * no shader has to undo any interleaving, only reshape.
 */
import { CIFAR_IMAGE_BYTES } from '../data/cifar-format';

/** Bytes in one RGBA8 texel. */
export const BYTES_PER_TEXEL = 4;

/** Texels that hold one 32 × 32 × 3 picture (768). */
export const TEXELS_PER_IMAGE = CIFAR_IMAGE_BYTES / BYTES_PER_TEXEL;

/** Where the pictures of a batch go in a texture of `width` × `height` texels. */
export interface ByteTextureLayout {
  /** Pictures side by side in one texture row. */
  readonly imagesPerRow: number;
  /** Texture width in texels (`imagesPerRow` × 768). */
  readonly width: number;
  /** Texture height in texels (rows). */
  readonly height: number;
  /** Picture slots in the texture (`imagesPerRow` × `height`); the slots past the batch are zero padding. */
  readonly slots: number;
}

/**
 * The layout for `count` pictures in a texture no side of which exceeds `maxTextureSize` texels: one
 * picture per row while the rows fit (no padding at all up to `maxTextureSize` pictures: 512 rows of
 * 768 texels for the tutorial's batch), else as few pictures per row as make the rows fit, the last row
 * padded.
 *
 * @returns null when the batch is empty or does not fit one texture (then upload it another way).
 */
export function byteTextureLayout(count: number, maxTextureSize: number): ByteTextureLayout | null {
  if (!Number.isInteger(count) || count < 1) return null;
  const imagesPerRow = Math.ceil(count / Math.max(1, Math.floor(maxTextureSize)));
  const width = imagesPerRow * TEXELS_PER_IMAGE;
  if (width > maxTextureSize) return null;
  const height = Math.ceil(count / imagesPerRow);
  return { imagesPerRow, width, height, slots: imagesPerRow * height };
}
