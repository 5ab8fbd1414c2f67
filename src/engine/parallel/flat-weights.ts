/**
 * A model's trainable variables (or their gradients) as one flat float32 array: the form in which
 * data-parallel workers exchange them, through a `SharedArrayBuffer` or a transferred buffer. On wasm,
 * values are copied straight between the heap and the flat array (one copy each way), never through an
 * intermediate array.
 */
import * as tf from '@tensorflow/tfjs';

/** Where each variable lies in the flat array, in the model's trainable-variable order. */
export interface FlatLayout {
  readonly shapes: readonly (readonly number[])[];
  /** Element offset of each variable. */
  readonly offsets: readonly number[];
  /** Elements in all: the flat array's length. */
  readonly size: number;
}

/** The layout of `tensors` (variables, or gradients of the same shapes), one after another. */
export function flatLayout(tensors: readonly { readonly shape: readonly number[] }[]): FlatLayout {
  const offsets: number[] = [];
  let size = 0;
  for (const tensor of tensors) {
    offsets.push(size);
    size += tf.util.sizeFromShape([...tensor.shape]);
  }
  return { shapes: tensors.map((tensor) => [...tensor.shape]), offsets, size };
}

/**
 * Whether two layouts are the same shapes in the same order (a worker's model built from the same
 * spec as the coordinator's must agree, or the exchanged arrays would mean different things).
 */
export function sameLayout(a: FlatLayout, b: FlatLayout): boolean {
  return a.size === b.size && a.shapes.length === b.shapes.length && a.shapes.every((shape, index) => shape.join('×') === b.shapes[index]?.join('×'));
}

/** The wasm backend's view of a tensor's heap bytes (public on `BackendWasm`). */
interface HeapViewBackend {
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/**
 * Copy float32 `tensors` (laid out as `layout`) into `target` (at least `layout.size` long, any
 * buffer, shared or not). On wasm straight from the heap; elsewhere through `dataSync`.
 * @throws RangeError when a tensor's size disagrees with the layout or `target` is too short.
 */
export function copyTensorsInto(tensors: readonly tf.Tensor[], layout: FlatLayout, target: Float32Array): void {
  if (target.length < layout.size) throw new RangeError(`a flat array of ${layout.size} floats is needed, got ${target.length}`);
  const wasm = tf.getBackend() === 'wasm' ? (tf.backend() as unknown as HeapViewBackend) : null;
  tensors.forEach((tensor, index) => {
    const offset = layout.offsets[index] ?? Number.NaN;
    const size = tf.util.sizeFromShape(layout.shapes[index] ? [...(layout.shapes[index] as number[])] : []);
    if (tensor.size !== size || tensor.dtype !== 'float32') throw new RangeError(`tensor ${index} [${tensor.shape.join('×')}] ${tensor.dtype} does not fit the layout's ${size} floats`);
    const values = wasm ? wasm.typedArrayFromHeap({ dataId: tensor.dataId, shape: tensor.shape, dtype: tensor.dtype }) : tensor.dataSync();
    target.set(values as Float32Array, offset);
  });
}

/**
 * New float32 tensors, one per variable of `layout`, with the values of `source` (copied: the tensors
 * do not keep `source`, which may be overwritten after). The caller owns them.
 */
export function tensorsFromFlat(source: Float32Array, layout: FlatLayout): tf.Tensor[] {
  return layout.shapes.map((shape, index) => {
    const offset = layout.offsets[index] ?? 0;
    const size = tf.util.sizeFromShape([...shape]);
    // The wasm backend copies a typed array into its heap at once; others may keep it, so they get a copy.
    const values = source.subarray(offset, offset + size);
    return tf.tensor(tf.getBackend() === 'wasm' ? values : values.slice(), [...shape], 'float32');
  });
}

/** Give `variables` the values of `source` (laid out as `layout`). */
export function assignFromFlat(variables: readonly tf.Variable[], source: Float32Array, layout: FlatLayout): void {
  const values = tensorsFromFlat(source, layout);
  variables.forEach((variable, index) => variable.assign(values[index] as tf.Tensor));
  tf.dispose(values);
}
