import { describe, expect, test } from 'vitest';
import type { SaliencyMaps } from '../../src/state/slices/why-slice';
import { gradCamCaption, mapsFacts, readingSentence } from '../../src/views/common/why/why-text';

const MAPS: SaliencyMaps = {
  classIndex: 0,
  score: 'logit',
  scoreValue: 5.6912,
  gradCam: { layerName: 'conv2d_1', channels: 32, height: 30, width: 30, values: new Float32Array(900) },
  gradCamNote: null,
  gradient: { height: 32, width: 32, values: new Float32Array(1024) },
  occlusion: { height: 32, width: 32, values: new Float32Array(1024), patch: 8, stride: 4 },
  model: { kind: 'pretrained', label: 'pretrained tutorial model, 70.2 % on the test set', name: null },
  ms: 76.6,
};

describe('Why this class sentences', () => {
  test('how to read the maps and what they do not prove, with the right article', () => {
    expect(readingSentence('airplane')).toBe(
      'The redder a spot, the more the airplane score depends on it for this picture and this model; this does not prove the network “sees” an airplane there, nor that it looks there in other pictures — red on the background means it leans on the background.',
    );
  });

  test('the Grad-CAM caption names the layer and its grid; without one, the engine note', () => {
    expect(gradCamCaption('cat', MAPS)).toContain('feature maps of conv2d_1 (the last convolution layer) that raise the cat score fire — its 30 × 30 grid');
    expect(gradCamCaption('cat', { ...MAPS, gradCam: null, gradCamNote: 'no conv' })).toBe('no conv');
  });

  test('the facts: the score explained, the model, the time and the backend', () => {
    expect(mapsFacts('airplane', MAPS, 'wasm')).toBe('Explains the airplane logit (its score before softmax), 5.69, of pretrained tutorial model, 70.2 % on the test set; the maps took 77 ms on wasm.');
    expect(mapsFacts('airplane', { ...MAPS, score: 'probability', scoreValue: 0.5 }, null)).toBe('Explains the airplane probability, 0.5, of pretrained tutorial model, 70.2 % on the test set; the maps took 77 ms.');
  });
});
