import * as tf from '@tensorflow/tfjs';
import { callKernel, input, release, transpose, type KernelArgs, type KernelFunction, type WasmKernelBackend } from './wasm-kernel-calls';

/**
 * Wrap the stock wasm `BatchMatMul` so transposed products run on its fast path.
 *
 * Why: tfjs-backend-wasm 4.22 hands a product to XNNPACK only when neither side is transposed (and
 * the batch is 1); with transposeA or transposeB it falls back to a blocked scalar C++ loop. Training
 * a Dense layer needs exactly those two (dx = dy·Wᵀ, dW = xᵀ·dy), so here the transposed operand is
 * materialised by the wasm Transpose kernel first — a copy that costs far less than the slow loop —
 * and the plain product is delegated to the stock kernel. Untransposed calls go straight through.
 *
 * Inputs a [..., M, K] (or [..., K, M] with transposeA) and b [..., K, N] (or [..., N, K] with
 * transposeB); the result [..., M, N] is a new `TensorInfo` owned by the engine.
 */
export function makeBatchMatMul(stock: KernelFunction): KernelFunction {
  return (args: KernelArgs) => {
    const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
    if (!transposeA && !transposeB) return stock(args);
    const backend = args.backend as WasmKernelBackend;
    const a = input(args, tf.BatchMatMul, 'a');
    const b = input(args, tf.BatchMatMul, 'b');
    const plainA = transposeA ? transposeLastTwo(backend, a) : a;
    const plainB = transposeB ? transposeLastTwo(backend, b) : b;
    const product = callKernel(stock, tf.BatchMatMul, backend, { a: plainA, b: plainB }, { transposeA: false, transposeB: false });
    if (transposeA) release(backend, plainA);
    if (transposeB) release(backend, plainB);
    return product;
  };
}

/** x [..., R, C] → [..., C, R], as a new `TensorInfo` the caller owns. */
function transposeLastTwo(backend: WasmKernelBackend, x: tf.TensorInfo): tf.TensorInfo {
  const rank = x.shape.length;
  const perm = [...Array.from({ length: rank - 2 }, (_, axis) => axis), rank - 1, rank - 2];
  return transpose(backend, x, perm);
}
