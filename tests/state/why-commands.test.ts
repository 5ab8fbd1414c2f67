import { beforeEach, describe, expect, test } from 'vitest';
import { runningFakeEngine } from './fake-engine-client';
import type { SaliencyMaps } from '../../src/engine/protocol-saliency';
import { topClassIndex } from '../../src/state/slices/why-commands';
import type { WhyTarget } from '../../src/state/slices/why-slice';
import { getInitialState, useAppStore } from '../../src/state/store';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const store = () => useAppStore.getState();

const TARGET: WhyTarget = { key: 'classify-1', pixels: new Uint8Array(3072).fill(7), model: 'pretrained', probabilities: [0.05, 0.05, 0.05, 0.6, 0.05, 0.05, 0.05, 0.05, 0.04, 0.01] };

function mapsFor(classIndex: number): SaliencyMaps {
  return {
    classIndex,
    score: 'logit',
    scoreValue: 2.5,
    gradCam: { layerName: 'conv2d_1', channels: 32, height: 30, width: 30, values: new Float32Array(900) },
    gradCamNote: null,
    gradient: { height: 32, width: 32, values: new Float32Array(1024) },
    occlusion: { height: 32, width: 32, values: new Float32Array(1024), patch: 8, stride: 4 },
    model: { kind: 'pretrained', label: 'pretrained tutorial model', name: null },
    ms: 12,
  };
}

beforeEach(() => {
  useAppStore.setState(getInitialState());
});

describe('Why this class commands', () => {
  test('opening asks for the top class of the picture as the model saw it; switching the class asks again and only the latest answer shows', async () => {
    const { sent, emit } = await runningFakeEngine();
    const asked = () => sent.filter((command) => command.type === 'saliency-maps');
    store().whyOpen(TARGET);
    expect(asked()).toEqual([expect.objectContaining({ type: 'saliency-maps', model: 'pretrained', classIndex: 3, pixels: TARGET.pixels })]);
    expect(store()).toMatchObject({ whyStatus: 'working', whyClass: 3 });

    store().whyChooseClass(5);
    const [first, second] = asked() as { id: number }[];
    emit({ type: 'saliency-result', id: second?.id ?? -1, maps: mapsFor(5) });
    emit({ type: 'saliency-result', id: first?.id ?? -1, maps: mapsFor(3) });
    await settle();
    expect(store()).toMatchObject({ whyStatus: 'ready', whyClass: 5 });
    expect(store().whyMaps?.classIndex).toBe(5);
    expect(() => store().whyChooseClass(10)).toThrow(RangeError);
  });

  test("an error answer becomes the view's message; closing forgets the target", async () => {
    const { sent, emit } = await runningFakeEngine();
    store().whyOpen(TARGET, 1);
    const command = sent.find((each) => each.type === 'saliency-maps') as { id: number } | undefined;
    emit({ type: 'saliency-error', id: command?.id ?? -1, message: 'The maps for this picture could not be made: no model.' });
    await settle();
    expect(store()).toMatchObject({ whyStatus: 'failed', whyError: 'The maps for this picture could not be made: no model.' });
    store().whyClose();
    expect(store()).toMatchObject({ whyTarget: null, whyStatus: 'idle', whyMaps: null });
  });

  test('a model of your own classes: the top of its own classes is explained first, and only its classes can be chosen', async () => {
    const { sent } = await runningFakeEngine();
    store().whyOpen({ key: 'classify-own', pixels: TARGET.pixels, model: 'trained', probabilities: [0.2, 0.7, 0.1], classNames: ['apple', 'banana', 'cherry'] });
    expect(sent.filter((command) => command.type === 'saliency-maps')).toEqual([expect.objectContaining({ model: 'trained', classIndex: 1 })]);
    store().whyChooseClass(2);
    expect(store().whyClass).toBe(2);
    expect(() => store().whyChooseClass(3)).toThrow('a class is 0…2, got 3');
    expect(topClassIndex([0.2, 0.7, 0.1], ['a', 'b', 'c'])).toBe(1);
  });

  test('topClassIndex: the most probable class; 0 without ten probabilities', () => {
    expect(topClassIndex(TARGET.probabilities)).toBe(3);
    expect(topClassIndex([1, 2])).toBe(0);
  });
});
