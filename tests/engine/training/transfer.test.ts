import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { transferSpec } from '../../../src/core/lab/own-classes-lab';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { buildModel } from '../../../src/engine/training/build-model';
import { startFromSource } from '../../../src/engine/training/transfer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Every weight of `model`'s first `layers` layers, flattened to numbers. */
async function weightsOf(model: tf.LayersModel, layers: number): Promise<number[][]> {
  // getWeights gives the live variables: read, not disposed.
  return Promise.all(model.layers.slice(0, layers).flatMap((layer) => layer.getWeights()).map(async (weight) => Array.from(await weight.data())));
}

describe('transfer learning', () => {
  test('the kept layers start from the source network, the head is new and sized per class', async () => {
    const source = buildModel(DEFAULT_MODEL_SPEC, 1);
    const { spec, keptLayers } = transferSpec(DEFAULT_MODEL_SPEC, 3);
    const target = buildModel(spec, 2, 3);
    expect(await weightsOf(target, keptLayers)).not.toEqual(await weightsOf(source, keptLayers));
    const before = tf.memory().numTensors;
    startFromSource(target, source, keptLayers, true);
    expect(tf.memory().numTensors).toBe(before);
    expect(await weightsOf(target, keptLayers)).toEqual(await weightsOf(source, keptLayers));
    expect(target.outputs[0]?.shape).toEqual([null, 3]);
    // Copies, not shared variables: disposing the source leaves the new network whole.
    const kept = await weightsOf(target, keptLayers);
    source.dispose();
    expect(await weightsOf(target, keptLayers)).toEqual(kept);
    target.dispose();
  });

  test('frozen: only the head trains; not frozen: every layer does', () => {
    const source = buildModel(DEFAULT_MODEL_SPEC, 1);
    const { spec, keptLayers } = transferSpec(DEFAULT_MODEL_SPEC, 3);
    const frozen = buildModel(spec, 2, 3);
    startFromSource(frozen, source, keptLayers, true);
    expect(frozen.trainableWeights.map((weight) => weight.originalName)).toEqual(['dense/kernel', 'dense/bias']);
    const open = buildModel(spec, 2, 3);
    startFromSource(open, source, keptLayers, false);
    expect(open.trainableWeights).toHaveLength(6);
    for (const model of [source, frozen, open]) model.dispose();
  });

  test('refuses a source whose convolution part differs', () => {
    const wider = buildModel({ layers: [{ type: 'Conv2D', filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' }, ...DEFAULT_MODEL_SPEC.layers.slice(1)] }, 1);
    const { spec, keptLayers } = transferSpec(DEFAULT_MODEL_SPEC, 3);
    const target = buildModel(spec, 2, 3);
    expect(() => startFromSource(target, wider, keptLayers, true)).toThrow(/layer 1 \(Conv2D\) of the new network does not match/);
    wider.dispose();
    target.dispose();
  });
});
