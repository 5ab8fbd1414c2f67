import * as tf from '@tensorflow/tfjs';
import { input, type KernelArgs, type KernelFunction } from './wasm-kernel-calls';

/** The wasm backend's reference counting of heap buffers (public on `BackendWasm`). */
interface RefCountingBackend {
  incRef(dataId: object): void;
}

/**
 * `Identity` that shares its input's heap buffer instead of copying it, as tfjs's cpu and webgl
 * backends (and the wasm `Reshape`) already do: the backend counts references per buffer and frees
 * it with the last one, and no wasm kernel writes into its inputs, so a shared buffer is never seen
 * to change.
 *
 * Why it matters: for every tensor a gradient needs later, tfjs saves `keep(clone(tensor))`, and a
 * clone is an `Identity`. The stock wasm kernel copies, so a training step held a second copy of
 * most of its activations until the step ended (about 100 MB at batch 512 for the tutorial's model).
 *
 * Returns a `TensorInfo` on the input's data id, with one more reference the engine owns. Strings
 * go to the stock kernel (their bytes live in JavaScript, not on the heap).
 */
export function makeSharedIdentity(stock: KernelFunction): KernelFunction {
  return (args: KernelArgs) => {
    const x = input(args, tf.Identity, 'x');
    if (x.dtype === 'string') return stock(args);
    return share(args, x, x.dtype);
  };
}

/**
 * `Cast` that shares the buffer when the dtype does not change (tfjs casts float32 to float32 in
 * every ReLU gradient: a full-size copy each time on stock wasm) and is the stock kernel otherwise,
 * since int32, float32 and bool have different bytes on the heap.
 */
export function makeSharedCast(stock: KernelFunction): KernelFunction {
  return (args: KernelArgs) => {
    const x = input(args, tf.Cast, 'x');
    const { dtype } = args.attrs as unknown as tf.CastAttrs;
    if (dtype !== x.dtype || x.dtype === 'string') return stock(args);
    return share(args, x, dtype);
  };
}

function share(args: KernelArgs, x: tf.TensorInfo, dtype: tf.DataType): tf.TensorInfo {
  (args.backend as unknown as RefCountingBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype };
}
