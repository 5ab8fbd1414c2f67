/**
 * Helpers for composing wasm kernels out of other wasm kernels, the way tfjs's own backends do: a
 * kernel function receives `TensorInfo`s (data ids owned by the backend), calls other kernel
 * functions directly, and frees every intermediate it made before returning its one output.
 */
import * as tf from '@tensorflow/tfjs';

/** The wasm backend as a kernel sees it: only the two calls the helpers here need. */
export interface WasmKernelBackend {
  /** Drop one reference to `dataId`; frees the wasm heap memory when none is left. */
  disposeData(dataId: object): boolean;
}

/** A kernel function as registered with tfjs. */
export type KernelFunction = tf.KernelConfig['kernelFunc'];

/** What tfjs passes a kernel function: named inputs, the backend, and the op's attributes. */
export type KernelArgs = Parameters<KernelFunction>[0];

/**
 * The input `name` of a kernel call.
 *
 * @throws Error when tfjs did not pass it (a kernel registered under the wrong name).
 */
export function input(args: KernelArgs, kernelName: string, name: string): tf.TensorInfo {
  const value = args.inputs[name];
  if (!value) throw new Error(`${kernelName} needs input ${name}, got none`);
  return value;
}

/**
 * Run the kernel `kernelName` currently registered for 'wasm' on `inputs`.
 *
 * The caller owns the returned `TensorInfo` and must hand it to `release` (or return it).
 *
 * @throws Error when no such wasm kernel is registered, or it returned several outputs.
 */
export function runWasmKernel(
  kernelName: string,
  backend: WasmKernelBackend,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const config = tf.getKernel(kernelName, 'wasm');
  if (!config) throw new Error(`the wasm backend has no ${kernelName} kernel to build on`);
  return callKernel(config.kernelFunc, kernelName, backend, inputs, attrs);
}

/**
 * Call one kernel function and insist on a single output (every kernel composed here has one).
 *
 * @throws Error when the kernel returned an array of outputs.
 */
export function callKernel(
  kernelFunc: KernelFunction,
  kernelName: string,
  backend: WasmKernelBackend,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const output = kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(output)) throw new Error(`${kernelName} returned ${output.length} outputs, expected one`);
  return output;
}

/** Free intermediate results made by `runWasmKernel` (each drops one reference). */
export function release(backend: WasmKernelBackend, ...infos: tf.TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/** `x` transposed by `perm` (NHWC-agnostic). Caller owns the result. */
export function transpose(backend: WasmKernelBackend, x: tf.TensorInfo, perm: number[]): tf.TensorInfo {
  return runWasmKernel(tf.Transpose, backend, { x }, { perm });
}

/** `x` viewed with another shape of the same size (shares data; caller releases it). */
export function reshape(backend: WasmKernelBackend, x: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return runWasmKernel(tf.Reshape, backend, { x }, { shape });
}
