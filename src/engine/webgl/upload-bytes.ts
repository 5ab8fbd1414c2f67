/**
 * Turn uint8 NHWC pictures into the model's float32 inputs (pixel / 255) with as little upload as the
 * backend allows. On 'webgl' the bytes go to the GPU as they are, 1 byte per value in an RGBA8 texture
 * (tfjs' FromPixels kernel: one texSubImage2D of UNSIGNED_BYTE, no canvas, so it works in a worker),
 * and the reshape, cast and division run there; before, every value was copied into an Int32Array on
 * the CPU and uploaded as a 32-bit float (4 bytes per value, 6 MB instead of 1.5 MB at batch 512).
 * Other backends keep that path: for them the "upload" is a copy in the same memory.
 */
import * as tf from '@tensorflow/tfjs';
import { byteTextureLayout, type ByteTextureLayout } from '../../core/backend/byte-texture-layout';
import { CIFAR_CHANNELS, CIFAR_IMAGE_BYTES, CIFAR_IMAGE_SIZE } from '../../core/data/cifar-format';

/** Options for tests and benchmarks. */
export interface UploadOptions {
  /**
   * Largest texture side to lay the bytes out for, in texels; the WebGL context's own limit
   * (`WEBGL_MAX_TEXTURE_SIZE`) when absent, and never more than it. A smaller value lets a test reach
   * the several-pictures-per-row layout with a small batch.
   */
  readonly maxTextureSize?: number;
  /** Force the 32-bit path (`'int32'`) or the byte texture (`'bytes'`, webgl only). */
  readonly path?: UploadPath;
}

/** How the bytes reach the backend. */
export type UploadPath = 'bytes' | 'int32';

/**
 * The path `imagesFromBytes` takes for `count` pictures on the active backend: `'bytes'` on webgl when
 * they fit one texture, else `'int32'`.
 */
export function uploadPath(count: number, options: UploadOptions = {}): UploadPath {
  return textureLayout(count, options) ? 'bytes' : 'int32';
}

/**
 * `count` pictures as the model's input: [count, 32, 32, 3] float32, each value byte / 255 (the
 * tutorial's `X.astype('float32') / 255.0`), made on the active backend.
 *
 * @param imageBytes at least count × 3 072 bytes, row-major RGB (only the first count × 3 072 are read).
 * @returns a tensor the caller owns (dispose it, or call inside `tf.tidy`); every intermediate is freed.
 * @throws RangeError when `imageBytes` is shorter than `count` pictures or `count` is not a whole number ≥ 0.
 */
export function imagesFromBytes(imageBytes: Uint8Array, count: number, options: UploadOptions = {}): tf.Tensor4D {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`picture count must be a whole number ≥ 0, got ${count}`);
  if (imageBytes.length < count * CIFAR_IMAGE_BYTES) {
    throw new RangeError(`image bytes must hold at least ${count * CIFAR_IMAGE_BYTES} bytes (${count} × 3072), got ${imageBytes.length}`);
  }
  const layout = textureLayout(count, options);
  return tf.tidy(() => {
    const values = layout ? bytesViaTexture(imageBytes, count, layout) : bytesViaInt32(imageBytes, count);
    return tf.div(tf.cast(values, 'float32'), 255);
  });
}

/** The byte texture's layout when the bytes go up as a texture (`uploadPath` 'bytes'), else null. */
function textureLayout(count: number, options: UploadOptions): ByteTextureLayout | null {
  if (options.path === 'int32' || tf.getBackend() !== 'webgl') return null;
  const limit = tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE');
  return byteTextureLayout(count, Math.min(limit, options.maxTextureSize ?? limit));
}

/** [count, 32, 32, 3] int32 through one RGBA8 texture. */
function bytesViaTexture(imageBytes: Uint8Array, count: number, layout: ByteTextureLayout): tf.Tensor4D {
  const used = layout.slots * CIFAR_IMAGE_BYTES;
  // The upload reads exactly width × height texels, so a padded last row needs a zero-filled copy.
  let data = imageBytes.subarray(0, used);
  if (data.length < used) {
    data = new Uint8Array(used);
    data.set(imageBytes.subarray(0, count * CIFAR_IMAGE_BYTES));
  }
  // [height, width, 4] int32: FromPixels reads the texels back as whole numbers 0…255.
  const texels = tf.browser.fromPixels({ data, width: layout.width, height: layout.height }, 4);
  const slots = tf.reshape<tf.Rank.R4>(texels, [layout.slots, CIFAR_IMAGE_SIZE, CIFAR_IMAGE_SIZE, CIFAR_CHANNELS]);
  return layout.slots === count ? slots : tf.slice(slots, 0, count);
}

/** [count, 32, 32, 3] int32 from a 32-bit copy: exact on every backend. */
function bytesViaInt32(imageBytes: Uint8Array, count: number): tf.Tensor4D {
  return tf.tensor4d(Int32Array.from(imageBytes.subarray(0, count * CIFAR_IMAGE_BYTES)), [count, CIFAR_IMAGE_SIZE, CIFAR_IMAGE_SIZE, CIFAR_CHANNELS], 'int32');
}
