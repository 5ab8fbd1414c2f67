/**
 * Copies inside the wasm heap without a round trip through JavaScript memory. The stock wasm `Slice`
 * kernel first reads its whole input out of the heap (`readSync`, a fresh ArrayBuffer the size of
 * the input) and then copies the slice back in; cutting a batch into chunks that way would copy the
 * whole batch once per chunk. Here a chunk of images is one `memcpy` from the input's heap bytes.
 */
import type * as tf from '@tensorflow/tfjs';
import type { WasmKernelBackend } from './wasm-kernel-calls';

/** The wasm backend's calls for making an output and viewing heap bytes (public on `BackendWasm`). */
export interface WasmHeapBackend extends WasmKernelBackend {
  /** Allocate an output of `shape` on the wasm heap (may grow the heap, detaching older views). */
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  /** A typed view of `info`'s bytes on the heap, valid until the heap next grows. */
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/**
 * Images `start` … `start + count − 1` of `x` [N, ...] (any rank ≥ 1, not strings) as a new
 * `TensorInfo` [count, ...] the caller owns.
 *
 * @throws RangeError when the range is empty or leaves the batch.
 */
export function sliceBatch(backend: WasmHeapBackend, x: tf.TensorInfo, start: number, count: number): tf.TensorInfo {
  const [batch = 0, ...rest] = x.shape;
  if (!Number.isInteger(start) || !Number.isInteger(count) || count < 1 || start < 0 || start + count > batch) {
    throw new RangeError(`a batch slice must be whole images within 0…${batch}, got ${count} from ${start}`);
  }
  const perImage = rest.reduce((product, size) => product * size, 1);
  const out = backend.makeOutput([count, ...rest], x.dtype);
  // Views are taken after the allocation: growing the heap detaches views made before it.
  const source = backend.typedArrayFromHeap(x);
  backend.typedArrayFromHeap(out).set(source.subarray(start * perImage, (start + count) * perImage));
  return out;
}
