import * as tf from '@tensorflow/tfjs';
import { describe, test } from 'vitest';
import { expectClose, runOn, seededRandom } from './backend-parity';

interface MatMulCase {
  readonly batchA: number[];
  readonly batchB: number[];
  readonly rows: number;
  readonly inner: number;
  readonly columns: number;
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

/** Seeded products in all four transpose combinations, 2-D and batched (with broadcasting). */
function matMulCases(seed: number, count: number): MatMulCase[] {
  const random = seededRandom(seed);
  const batches: [number[], number[]][] = [[[], []], [[], []], [[1], [1]], [[3], [3]], [[1], [2]], [[2, 2], [2, 2]]];
  return Array.from({ length: count }, (_, index) => {
    const [batchA, batchB] = random.pick(batches);
    return {
      batchA,
      batchB,
      rows: random.int(1, 70),
      inner: random.int(1, 90),
      columns: random.int(1, 40),
      transposeA: index % 2 === 1,
      transposeB: Math.floor(index / 2) % 2 === 1,
    };
  });
}

function describeCase(c: MatMulCase): string {
  const a = [...c.batchA, ...(c.transposeA ? [c.inner, c.rows] : [c.rows, c.inner])];
  const b = [...c.batchB, ...(c.transposeB ? [c.columns, c.inner] : [c.inner, c.columns])];
  return `a ${a.join('×')}${c.transposeA ? 'ᵀ' : ''} · b ${b.join('×')}${c.transposeB ? 'ᵀ' : ''}`;
}

/**
 * The product, and both gradients for a random upstream gradient. A broadcast batch gets the product
 * only: tfjs's BatchMatMul gradient does not sum over broadcast dimensions on any backend.
 */
function productWithGradients(c: MatMulCase): tf.Tensor[] {
  const a = tf.randomUniform([...c.batchA, ...(c.transposeA ? [c.inner, c.rows] : [c.rows, c.inner])], -1, 1, 'float32', 41);
  const b = tf.randomUniform([...c.batchB, ...(c.transposeB ? [c.columns, c.inner] : [c.inner, c.columns])], -1, 1, 'float32', 42);
  const product = (x: tf.Tensor, y: tf.Tensor): tf.Tensor => tf.matMul(x, y, c.transposeA, c.transposeB);
  if (c.batchA.join() !== c.batchB.join()) return [product(a, b)];
  const dy = tf.randomUniform(product(a, b).shape, -1, 1, 'float32', 43);
  const { value, grads } = tf.valueAndGrads(product)([a, b], dy);
  return [value, ...grads];
}

describe('wasm BatchMatMul (transposed products rerouted) equals the cpu backend', () => {
  test.each(matMulCases(5, 16).map((c) => [describeCase(c), c] as const))('%s', async (_, c) => {
    expectClose(await runOn('wasm', () => productWithGradients(c)), await runOn('cpu', () => productWithGradients(c)), describeCase(c));
  });

  test('a Dense layer as tfjs-layers runs it (fused matMul + bias + relu) and its gradients, at the tutorial sizes', async () => {
    const compute = (): tf.Tensor[] => {
      const x = tf.randomUniform([8, 7200], 0, 1, 'float32', 51);
      const kernel = tf.randomUniform([7200, 512], -0.03, 0.03, 'float32', 52);
      const bias = tf.randomUniform([512], -0.1, 0.1, 'float32', 53);
      const dy = tf.randomUniform([8, 512], -1, 1, 'float32', 54);
      const dense = (input: tf.Tensor, weights: tf.Tensor, offset: tf.Tensor): tf.Tensor =>
        tf.fused.matMul({ a: input as tf.Tensor2D, b: weights as tf.Tensor2D, bias: offset, activation: 'relu' });
      const { value, grads } = tf.valueAndGrads(dense)([x, kernel, bias], dy);
      return [value, ...grads];
    };
    expectClose(await runOn('wasm', compute), await runOn('cpu', compute), 'dense 7200→512');
  });
});
