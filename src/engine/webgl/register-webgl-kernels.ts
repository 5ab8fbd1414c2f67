/**
 * Installs the kernels that make training on tfjs's 'webgl' backend use a real GPU better than stock
 * tfjs 4.22 does (issue 8). Each one is compared with the stock kernel by a test in `tests/gpu/`.
 * Importing this module loads `@tensorflow/tfjs-backend-webgl`, which registers the 'webgl' backend.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { conv2dBackpropFilterWebGLConfig } from './conv2d-backprop-filter';
import { dropoutMaskConfig } from './dropout-mask';

/**
 * Our webgl kernels, each adding a kernel stock tfjs lacks or replacing a stock one. Filled in by the
 * modules beside this one; the order does not matter.
 */
const OUR_KERNELS: readonly tf.KernelConfig[] = [conv2dBackpropFilterWebGLConfig, dropoutMaskConfig];

/** Names of the webgl kernels this module adds or replaces. */
export const WEBGL_TRAINING_KERNELS: readonly string[] = OUR_KERNELS.map((config) => config.kernelName);

/** The kernels registered before ours (null: there was none), so they can be put back. */
const stockKernels = new Map<string, tf.KernelConfig | null>();
let installed = false;

/**
 * Register our webgl kernels. Idempotent; safe before or after the webgl backend is started (tfjs
 * looks kernels up at each call).
 */
export function registerWebGLTrainingKernels(): void {
  if (installed) return;
  for (const config of OUR_KERNELS) {
    const stock = tf.getKernel(config.kernelName, 'webgl');
    stockKernels.set(config.kernelName, stock ?? null);
    // Keep the stock setup/dispose hooks (none of the kernels replaced here has them today).
    if (stock) tf.unregisterKernel(config.kernelName, 'webgl');
    tf.registerKernel({ ...stock, ...config });
  }
  installed = true;
}

/**
 * Put the stock webgl kernels back, so a benchmark or a test can compare against stock tfjs. Does
 * nothing when ours are not installed.
 */
export function restoreStockWebGLKernels(): void {
  for (const [name, stock] of stockKernels) {
    tf.unregisterKernel(name, 'webgl');
    if (stock) tf.registerKernel(stock);
  }
  stockKernels.clear();
  installed = false;
}

/** Whether `registerWebGLTrainingKernels` is in effect. */
export function webglTrainingKernelsInstalled(): boolean {
  return installed;
}
