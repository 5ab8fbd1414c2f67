/**
 * Installs the kernels that let the tutorial's CNN train on tfjs's wasm backend, and fast.
 * Importing this module loads `@tensorflow/tfjs-backend-wasm`, which registers the 'wasm' backend.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { makeBatchMatMul } from './batch-mat-mul';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input';
import { DROPOUT_MASK_KERNEL } from '../webgl/dropout-mask';
import { dropoutMaskWasmConfig } from './dropout-mask-wasm';
import { makeSharedCast, makeSharedIdentity } from './shared-identity';

/** Names of the wasm kernels this module adds or replaces. */
export const WASM_TRAINING_KERNELS: readonly string[] = [tf.Conv2DBackpropFilter, tf.Conv2DBackpropInput, tf.BatchMatMul, tf.Identity, tf.Cast, DROPOUT_MASK_KERNEL];

/** The kernels registered before ours (null: there was none), so they can be put back. */
const stockKernels = new Map<string, tf.KernelConfig | null>();

/**
 * Register our `Conv2DBackpropFilter` (missing from stock wasm), `Conv2DBackpropInput` and
 * `BatchMatMul` (stock ones are slow for training), and `Identity` and same-dtype `Cast` that share
 * their input's buffer (stock ones copy it, doubling what a training step keeps), and our seeded
 * dropout-mask kernel (the webgl one's masks, drawn in the heap; stock has none) on 'wasm'.
 * Idempotent; safe before or after the wasm backend is started, because each replacement keeps the
 * stock kernel's setup function (the stock BatchMatMul, which ours delegates to, must still be set
 * up when the backend starts).
 *
 * @throws Error when the stock wasm BatchMatMul, Identity or Cast is missing (another
 *   tfjs-backend-wasm version).
 */
export function registerWasmTrainingKernels(): void {
  if (stockKernels.size > 0) return;
  const stockMatMul = requiredStockKernel(tf.BatchMatMul);
  const stockIdentity = requiredStockKernel(tf.Identity);
  const stockCast = requiredStockKernel(tf.Cast);
  for (const name of WASM_TRAINING_KERNELS) stockKernels.set(name, tf.getKernel(name, 'wasm') ?? null);
  const stockInput = stockKernels.get(tf.Conv2DBackpropInput);
  replaceKernel(conv2dBackpropFilterConfig);
  replaceKernel({ ...stockInput, ...conv2dBackpropInputConfig });
  replaceKernel({ ...stockMatMul, kernelFunc: makeBatchMatMul(stockMatMul.kernelFunc) });
  replaceKernel({ ...stockIdentity, kernelFunc: makeSharedIdentity(stockIdentity.kernelFunc) });
  replaceKernel({ ...stockCast, kernelFunc: makeSharedCast(stockCast.kernelFunc) });
  replaceKernel(dropoutMaskWasmConfig);
}

/**
 * Put the stock wasm kernels back (and remove `Conv2DBackpropFilter` and the dropout mask, which stock wasm lacks), so a
 * benchmark or a test can compare against stock tfjs. Does nothing when ours are not installed.
 */
export function restoreStockWasmKernels(): void {
  for (const [name, stock] of stockKernels) {
    tf.unregisterKernel(name, 'wasm');
    if (stock) tf.registerKernel(stock);
  }
  stockKernels.clear();
}

/** Whether `registerWasmTrainingKernels` is in effect. */
export function wasmTrainingKernelsInstalled(): boolean {
  return stockKernels.size > 0;
}

function requiredStockKernel(name: string): tf.KernelConfig {
  const stock = tf.getKernel(name, 'wasm');
  if (!stock) throw new Error(`tfjs-backend-wasm must provide ${name}; it is not registered`);
  return stock;
}

function replaceKernel(config: tf.KernelConfig): void {
  if (tf.getKernel(config.kernelName, 'wasm')) tf.unregisterKernel(config.kernelName, 'wasm');
  tf.registerKernel(config);
}
