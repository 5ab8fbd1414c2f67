import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { createInspectHandler, type BorrowedTrainedModel } from '../../../src/engine/inspect/inspect-handler';
import type { InspectEvent } from '../../../src/engine/protocol-inspect';
import { inspectTransferables } from '../../../src/engine/protocol-inspect';
import { buildModel } from '../../../src/engine/training/build-model';
import { TINY_SPEC } from '../training/fixtures';
import { specForClasses } from '../../../src/core/lab/own-classes-lab';
import { CIFAR10_CLASSES } from '../../../src/core/data/cifar-format';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const pixels = new Uint8Array(3072).map((_, index) => (index * 7) % 256);
const URL_A = 'http://app.test/models/cifar10-tutorial/model.json';

function setup(trained: BorrowedTrainedModel | null, loadPretrained: (url: string) => Promise<tf.LayersModel>) {
  const events: InspectEvent[] = [];
  let current = trained;
  const handler = createInspectHandler({ emit: (event) => events.push(event), trainedModel: () => current, loadPretrained });
  let id = 0;
  return {
    events,
    setTrained: (next: BorrowedTrainedModel | null) => {
      current = next;
    },
    inspect: async (bytes = pixels) => {
      id += 1;
      await handler.handle({ type: 'inspect-image', id, pixels: bytes, pretrainedModelUrl: URL_A });
      return events.at(-1);
    },
  };
}

describe('inspect handler', () => {
  test("looks into the training run's model while there is one, else the pretrained model, loaded once", async () => {
    const trainedModel = buildModel(TINY_SPEC, 1);
    const pretrainedModel = buildModel(TINY_SPEC, 2);
    const loads: string[] = [];
    const h = setup({ model: trainedModel, position: { epoch: 2, batch: 3 } }, async (url) => {
      loads.push(url);
      return pretrainedModel;
    });
    const first = await h.inspect();
    expect(first?.type).toBe('inspect-result');
    if (first?.type !== 'inspect-result') return;
    expect(first.internals.model).toEqual({ kind: 'trained', epochsDone: 2, batch: 3 });
    expect(loads).toEqual([]);

    h.setTrained(null);
    const before = tf.memory().numTensors;
    const second = await h.inspect();
    const third = await h.inspect();
    expect(second?.type === 'inspect-result' && second.internals.model).toEqual({ kind: 'pretrained' });
    expect(third?.type === 'inspect-result' && third.internals.model).toEqual({ kind: 'pretrained' });
    expect(loads).toEqual([URL_A]);
    expect(tf.memory().numTensors).toBe(before);
    // Different weights, different answers: the two models really were the ones asked.
    const firstOut = first.internals.layers.at(-1)?.values;
    const secondOut = second?.type === 'inspect-result' ? second.internals.layers.at(-1)?.values : undefined;
    expect(Array.from(firstOut ?? [])).not.toEqual(Array.from(secondOut ?? []));
    // Every buffer of the answer is listed once for transfer.
    const buffers = inspectTransferables(first);
    expect(buffers).toHaveLength(first.internals.layers.length + 2);
    trainedModel.dispose();
    pretrainedModel.dispose();
  });

  test("a run on your own classes names its outputs in the answer; CIFAR-10's names are not sent", async () => {
    const model = buildModel(specForClasses(TINY_SPEC, 3), 1, 3);
    const h = setup({ model, position: { epoch: 1, batch: 0 }, classNames: ['apple', 'banana', 'cherry'] }, () => Promise.reject(new Error('not needed')));
    const own = await h.inspect();
    expect(own?.type === 'inspect-result' && own.internals.model).toEqual({ kind: 'trained', epochsDone: 1, batch: 0, classNames: ['apple', 'banana', 'cherry'] });
    expect(own?.type === 'inspect-result' && own.internals.layers.at(-1)?.shape).toEqual([3]);
    h.setTrained({ model, position: { epoch: 1, batch: 0 }, classNames: CIFAR10_CLASSES });
    const cifar = await h.inspect();
    expect(cifar?.type === 'inspect-result' && cifar.internals.model).toEqual({ kind: 'trained', epochsDone: 1, batch: 0 });
    model.dispose();
  });

  test('no run and no pretrained model: says so, and does not fetch the missing model again for each image', async () => {
    let loads = 0;
    const h = setup(null, async () => {
      loads += 1;
      throw new Error('models/cifar10-tutorial/model.json could not be fetched (HTTP 404)');
    });
    const answer = await h.inspect();
    await h.inspect();
    expect(answer).toEqual({
      type: 'inspect-unavailable',
      id: 1,
      message:
        'There is no model to look into yet: no network has been trained here, and the pretrained one could not be loaded (models/cifar10-tutorial/model.json could not be fetched (HTTP 404)).',
    });
    expect(loads).toBe(1);
  });

  test('a failure while inspecting becomes an inspect-error naming the problem', async () => {
    const model = buildModel(TINY_SPEC, 1);
    const h = setup({ model, position: { epoch: 0, batch: 1 } }, () => Promise.reject(new Error('unused')));
    expect(await h.inspect(new Uint8Array(12))).toEqual({
      type: 'inspect-error',
      id: 1,
      message: 'The network could not be inspected: an image to inspect is 3072 bytes (32 × 32 × 3), got 12',
    });
    model.dispose();
  });
});
