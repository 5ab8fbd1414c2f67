import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, test } from 'vitest';
import {
  WASM_TRAINING_KERNELS,
  registerWasmTrainingKernels,
  restoreStockWasmKernels,
  wasmTrainingKernelsInstalled,
} from '../../../src/engine/wasm/register-wasm-kernels';

/** One convolution's filter gradient, which needs Conv2DBackpropFilter. */
function filterGradientSum(): number {
  return tf.tidy(() => {
    const x = tf.ones([1, 4, 4, 1]) as tf.Tensor4D;
    const gradient = tf.grad((filter: tf.Tensor) => tf.conv2d(x, filter as tf.Tensor4D, 1, 'valid').sum())(tf.ones([3, 3, 1, 1]));
    return gradient.sum().arraySync() as number;
  });
}

describe('registering the wasm training kernels', () => {
  afterAll(() => registerWasmTrainingKernels());

  test('stock tfjs-backend-wasm 4.22 cannot take a convolution filter gradient; with ours it can', async () => {
    restoreStockWasmKernels();
    await tf.setBackend('wasm');
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeUndefined();
    expect(filterGradientSum).toThrow(/Conv2DBackpropFilter/);

    registerWasmTrainingKernels();
    // Each filter tap saw 2×2 ones in a 4×4 input of ones: 9 taps × 4.
    expect(filterGradientSum()).toBe(36);
  });

  test('is idempotent, and restoring puts every stock kernel object back', async () => {
    restoreStockWasmKernels();
    await tf.setBackend('wasm');
    const stock = WASM_TRAINING_KERNELS.map((name) => tf.getKernel(name, 'wasm'));
    registerWasmTrainingKernels();
    registerWasmTrainingKernels();
    expect(wasmTrainingKernelsInstalled()).toBe(true);
    const ours = WASM_TRAINING_KERNELS.map((name) => tf.getKernel(name, 'wasm'));
    ours.forEach((config, index) => expect(config).not.toBe(stock[index]));
    // Replacements keep the stock setup function: the wasm BatchMatMul we delegate to needs it.
    expect(tf.getKernel(tf.BatchMatMul, 'wasm').setupFunc).toBe(stock[2]?.setupFunc);
    restoreStockWasmKernels();
    expect(wasmTrainingKernelsInstalled()).toBe(false);
    WASM_TRAINING_KERNELS.forEach((name, index) => expect(tf.getKernel(name, 'wasm')).toBe(stock[index]));
  });
});
