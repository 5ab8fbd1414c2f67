/**
 * "Why this class" on real WebGL (SwiftShader here): the hand-built quadrant network's maps light the
 * quadrant and nothing else, the tutorial network's maps equal the cpu backend's, and no tensor is left.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SPEC } from '../../src/core/model/model-spec';
import { saliencyMaps } from '../../src/engine/saliency/saliency-maps';
import { buildModel } from '../../src/engine/training/build-model';
import { registerWebGLTrainingKernels } from '../../src/engine/webgl/register-webgl-kernels';
import { meanWhere, quadrantNetwork, randomPicture, SIZE, topLeftPicture } from '../engine/saliency/saliency-fixtures';

const INFO = { kind: 'trained', label: 'a test network', name: null } as const;

beforeAll(async () => {
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  registerWebGLTrainingKernels();
  expect(await tf.setBackend('webgl')).toBe(true);
});

describe('Why this class on webgl', () => {
  it('lights the one quadrant the class score reads, and leaves no tensor behind', async () => {
    expect(tf.getBackend()).toBe('webgl');
    const model = quadrantNetwork();
    const before = tf.memory().numTensors;
    const maps = await saliencyMaps(model, topLeftPicture(), 0, INFO);
    expect(tf.memory().numTensors).toBe(before);
    const cam = maps.gradCam;
    if (!cam) throw new Error('expected a Grad-CAM map');
    for (const map of [cam, maps.gradient]) {
      expect(meanWhere(map.values, SIZE, (row, col) => row > 16 || col > 16)).toBe(0);
      expect(meanWhere(map.values, SIZE, (row, col) => row > 0 && row < 15 && col > 0 && col < 15)).toBeGreaterThan(0);
    }
    expect(cam.values[5 * SIZE + 5]).toBeCloseTo(0.25 * (230 / 255 - 0.3), 4);
    model.dispose();
  });

  it("the tutorial network's maps equal the cpu backend's", async () => {
    const pixels = randomPicture(4);
    const run = async (backend: 'cpu' | 'webgl') => {
      expect(await tf.setBackend(backend)).toBe(true);
      const model = buildModel(DEFAULT_MODEL_SPEC, 3);
      const before = tf.memory().numTensors;
      const maps = await saliencyMaps(model, pixels, 7, INFO);
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
      return maps;
    };
    const reference = await run('cpu');
    const actual = await run('webgl');
    for (const [ours, theirs] of [[actual.gradCam?.values, reference.gradCam?.values], [actual.gradient.values, reference.gradient.values]] as const) {
      if (!ours || !theirs) throw new Error('expected both maps');
      const scale = Math.max(...theirs);
      expect(scale).toBeGreaterThan(0);
      let worst = 0;
      theirs.forEach((value, index) => (worst = Math.max(worst, Math.abs(value - (ours[index] ?? Number.NaN)))));
      expect(worst / scale).toBeLessThan(1e-3);
    }
  });
});
