/**
 * Copying chosen images out of a split held as one NHWC uint8 array: what a training step, the
 * dataset browser and a worker → page message all need. Bytes stay uint8; floats are made later, per
 * batch, on the backend (DESIGN.md: Data).
 */
import { CIFAR_IMAGE_BYTES } from './cifar-format';

/**
 * Copy the images at `indices` (in that order) into one NHWC uint8 array of `indices.length` images.
 *
 * @param images NHWC uint8, a whole number of images of `imageBytes` each.
 * @param out optional destination of at least `indices.length * imageBytes` bytes, reused across steps.
 * @throws RangeError when an index is outside the split or `out` is too small.
 */
export function gatherImages(
  images: Uint8Array,
  indices: ArrayLike<number>,
  out?: Uint8Array,
  imageBytes: number = CIFAR_IMAGE_BYTES,
): Uint8Array {
  const count = images.length / imageBytes;
  const target = out ?? new Uint8Array(indices.length * imageBytes);
  if (target.length < indices.length * imageBytes) {
    throw new RangeError(`output must hold ${indices.length * imageBytes} bytes, got ${target.length}`);
  }
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i] ?? -1;
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new RangeError(`image index must be an integer from 0 to ${count - 1}, got ${index}`);
    }
    target.set(images.subarray(index * imageBytes, (index + 1) * imageBytes), i * imageBytes);
  }
  return target;
}

/**
 * The labels at `indices`, in that order.
 * @throws RangeError when an index is outside `labels`.
 */
export function gatherLabels(labels: Uint8Array, indices: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i] ?? -1;
    const label = labels[index];
    if (label === undefined) throw new RangeError(`label index must be from 0 to ${labels.length - 1}, got ${index}`);
    out[i] = label;
  }
  return out;
}
