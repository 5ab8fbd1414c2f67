import * as tf from '@tensorflow/tfjs';
import { release, runWasmKernel, type WasmKernelBackend } from './wasm-kernel-calls';

/**
 * Zero padding on each side of an image, in pixels. A negative amount crops that many rows or
 * columns from the input instead, which is what the gradient convolutions need when a strided
 * convolution never read the last rows of its input.
 */
export interface SignedPadding {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * Stride-1 convolution of `x` [N, H, W, C] with `filter` [FH, FW, C, O] on the wasm backend's own
 * Conv2D kernel (XNNPACK), with `dilations` spreading the filter taps and signed padding.
 *
 * @returns a new `TensorInfo` [N, H', W', O] that the caller owns.
 * @throws Error when cropping would leave no input row or column.
 */
export function conv2dSignedPad(
  backend: WasmKernelBackend,
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
  pad: SignedPadding,
  dilations: [number, number],
): tf.TensorInfo {
  const [batch = 0, height = 0, width = 0, channels = 0] = x.shape;
  const crop = { top: Math.max(0, -pad.top), bottom: Math.max(0, -pad.bottom), left: Math.max(0, -pad.left), right: Math.max(0, -pad.right) };
  const croppedHeight = height - crop.top - crop.bottom;
  const croppedWidth = width - crop.left - crop.right;
  if (croppedHeight < 1 || croppedWidth < 1) {
    throw new Error(`cropped input must keep at least 1×1 pixels, got ${croppedHeight}×${croppedWidth}`);
  }
  const needsCrop = crop.top + crop.bottom + crop.left + crop.right > 0;
  // Slice copies through JavaScript on wasm; it only runs in the rare geometries that need it.
  const input = needsCrop
    ? runWasmKernel(tf.Slice, backend, { x }, { begin: [0, crop.top, crop.left, 0], size: [batch, croppedHeight, croppedWidth, channels] })
    : x;
  const explicit: tf.NamedAttrMap['pad'] = [
    [0, 0],
    [Math.max(0, pad.top), Math.max(0, pad.bottom)],
    [Math.max(0, pad.left), Math.max(0, pad.right)],
    [0, 0],
  ];
  const output = runWasmKernel(tf.Conv2D, backend, { x: input, filter }, { strides: [1, 1], pad: explicit, dataFormat: 'NHWC', dilations });
  if (needsCrop) release(backend, input);
  return output;
}
