/**
 * Our `CnnpDropoutMask` kernel on 'wasm': the very mask the webgl shader draws (the same counter hash,
 * element for element), computed in JavaScript straight into the wasm heap.
 *
 * Why on wasm, where there is no GPU to spare the work: stock `tf.dropout` draws its mask with
 * `tf.randomUniform` from an unseeded generator and then builds it with three more full-size tensors
 * (add, floor, divide). This draws it into the one output, and from a seed, so a run whose seed is set
 * draws the same masks every time: the same seed trains the same network on wasm.
 */
import type * as tf from '@tensorflow/tfjs';
import { fillDropoutMask } from '../webgl/dropout-hash';
import { assertDropoutMaskAttrs, DROPOUT_MASK_KERNEL, type DropoutMaskAttrs } from '../webgl/dropout-mask';

/** The two calls of the wasm backend this kernel needs. */
interface WasmOutputBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): tf.TypedArray;
}

/**
 * The kernel: a new float32 tensor of `attrs.shape`, 0 with probability `rate` and 1 / (1 − rate)
 * otherwise, equal to `referenceDropoutMask(size, rate, seed, offset)`. The engine owns the returned tensor.
 * @throws RangeError on bad attributes.
 */
export function dropoutMaskWasm(args: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const attrs = args.attrs as Partial<DropoutMaskAttrs> | undefined;
  assertDropoutMaskAttrs(attrs);
  const backend = args.backend as unknown as WasmOutputBackend;
  const output = backend.makeOutput([...attrs.shape], 'float32');
  fillDropoutMask(backend.typedArrayFromHeap(output) as Float32Array, attrs.rate, attrs.seed, attrs.offset ?? 0);
  return output;
}

/** Registration record for tfjs: `CnnpDropoutMask` on 'wasm'. */
export const dropoutMaskWasmConfig: tf.KernelConfig = {
  kernelName: DROPOUT_MASK_KERNEL,
  backendName: 'wasm',
  kernelFunc: dropoutMaskWasm,
};
