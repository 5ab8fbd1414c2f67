import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { buildTutorialModel, syntheticBatch } from '../../../scripts/bench/tutorial-model';
import { expectClose, useWasmWithKernels, type Readback } from './backend-parity';

interface TrainingRun {
  readonly losses: number[];
  readonly initialWeights: Readback[];
  readonly finalWeights: Readback[];
}

async function readWeights(model: tf.LayersModel): Promise<Readback[]> {
  return Promise.all(model.getWeights().map(async (w) => ({ shape: w.shape.slice(), values: Float32Array.from(await w.data()) })));
}

/**
 * Train the tutorial model `steps` batches with stock `trainOnBatch`, from seeded weights, on seeded
 * batches, with seeded dropout masks: on two backends the only difference left is the kernels.
 */
async function train(backend: 'cpu' | 'wasm', steps: number, batchSize: number): Promise<TrainingRun> {
  if (backend === 'wasm') await useWasmWithKernels();
  else await tf.setBackend('cpu');
  const model = buildTutorialModel({ weightSeed: 3, dropoutSeed: 7 });
  const initialWeights = await readWeights(model);
  const losses: number[] = [];
  const heldAfterStep: number[] = [];
  for (let step = 0; step < steps; step++) {
    const { xs, ys } = syntheticBatch(batchSize, 100 + step);
    const [loss] = (await model.trainOnBatch(xs, ys)) as number[];
    losses.push(loss ?? Number.NaN);
    tf.dispose([xs, ys]);
    heldAfterStep.push(tf.memory().numTensors, tf.engine().backend.numDataIds());
  }
  // After the first step (which creates the optimizer's slots) a step must not leave anything
  // behind: not a tensor, and not a buffer on the backend (our kernels free theirs by hand).
  expect(heldAfterStep.slice(2 * (steps - 1))).toEqual(heldAfterStep.slice(0, 2));
  const finalWeights = await readWeights(model);
  model.optimizer.dispose();
  model.dispose();
  return { losses, initialWeights, finalWeights };
}

describe('the tutorial model trains on wasm exactly as on cpu', () => {
  test('same start, same batches: same losses and weights after 3 steps of SGD with momentum', async () => {
    const reference = await train('cpu', 3, 4);
    const candidate = await train('wasm', 3, 4);
    expectClose(candidate.initialWeights, reference.initialWeights, 'initial weights', 0);
    // Training really happened: the loss moved and every weight tensor changed.
    expect(new Set(reference.losses.map((loss) => loss.toFixed(6))).size).toBeGreaterThan(1);
    reference.finalWeights.forEach((w, index) => expect(w.values).not.toEqual(reference.initialWeights[index]?.values));
    candidate.losses.forEach((loss, step) => {
      const expected = reference.losses[step] ?? Number.NaN;
      expect(Math.abs(loss - expected), `step ${step}: wasm ${loss}, cpu ${expected}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(expected)));
    });
    expectClose(candidate.finalWeights, reference.finalWeights, 'weights after training');
    // tfjs's cpu backend takes about 20 s for these steps on a quiet 2-core machine, several times that on a busy one.
  }, 300_000);
});
