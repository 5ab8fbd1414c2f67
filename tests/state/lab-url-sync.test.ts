import { describe, expect, test } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { DEFAULT_LAB, type Lab } from '../../src/core/lab/lab';
import { encodeLabLink, labLinkDictionary } from '../../src/core/lab/lab-link';
import { DEFAULT_LESSON_SETTINGS, LESSON_SETTINGS_IDS } from '../../src/core/lab/lesson-settings';
import { DEFAULT_HYPERPARAMETERS } from '../../src/core/training/hyperparameters';
import { DEFAULT_MODEL_SPEC } from '../../src/core/model/model-spec';
import { labOfState } from '../../src/state/lab-of-state';
import { addressFor, labLinkMessages, shareableAddress } from '../../src/state/lab-url-sync';
import { getInitialState, useAppStore } from '../../src/state/store';
import { LESSON_DRAFTS } from '../../src/views/learn/lesson-drafts';

/** A link body as an older or hand-made link would carry it: `changes` compressed as lab-link.ts does. */
function linkOf(changes: unknown): string {
  const bytes = deflateSync(strToU8(JSON.stringify(changes)), { level: 9, dictionary: labLinkDictionary() });
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `1${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** A teacher's lab: every lesson's example, the network and many settings changed. */
const HEAVY: Lab = {
  architecture: {
    layers: [
      { type: 'Conv2D', filters: 64, kernelSize: 5, strides: 1, padding: 'same', activation: 'relu' },
      { type: 'MaxPooling2D', poolSize: 2, strides: null, padding: 'valid' },
      { type: 'Dropout', rate: 0.25 },
      { type: 'Conv2D', filters: 128, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
      { type: 'AveragePooling2D', poolSize: 2, strides: 2, padding: 'same' },
      { type: 'Flatten' },
      { type: 'Dense', units: 256, activation: 'relu' },
      { type: 'Dropout', rate: 0.5 },
      { type: 'Dense', units: 10, activation: 'softmax' },
    ],
  },
  hyperparameters: { ...DEFAULT_HYPERPARAMETERS, optimizer: 'adam', learningRate: 0.0015, decay: 0.0001, batchSize: 128, epochs: 40, trainSubset: 20_000, validationSubset: 2_000, seed: 123_456, augment: true },
  lessons: {
    mask: { ...DEFAULT_LESSON_SETTINGS.mask, values: [4, 8, 15, 16, 23, 42], hidden: [true, false, false, true, false, false] },
    flipping: { ...DEFAULT_LESSON_SETTINGS.flipping, mask: [[0, 1, 0], [1, -4, 1], [0, 1, 0]] },
    convolution: { input: [[9, 8, 7, 6, 5, 4], [3, 2, 1, 0, 1, 2], [5, 5, 5, 5, 5, 5], [1, 0, 1, 0, 1, 0], [2, 3, 4, 5, 6, 7], [10, 20, 30, 40, 50, 60]], mask: [[1, 2, 1], [2, 4, 2], [1, 2, 1]], divisor: 16 },
    stride: { ...DEFAULT_LESSON_SETTINGS.stride, stride: 2, padding: 'same' },
    padding: { ...DEFAULT_LESSON_SETTINGS.padding, mode: 'explicit', sides: { top: 2, bottom: 0, left: 1, right: 1 }, stride: 2 },
    pooling: { ...DEFAULT_LESSON_SETTINGS.pooling, mode: 'avg', poolSize: 3, stride: 1, padding: 'same' },
    'conv-1d': { ...DEFAULT_LESSON_SETTINGS['conv-1d'], series: [1, 3, 2, 5, 4, 6, 5, 8, 7, 9], mask: [1, 2, 1], divisor: 4 },
    network: { scores: [3, 1, 0.2, 5, 2, 1, 0, 0.5, 4, 2] },
    'real-network': { filter: 7, row: 3, column: 30 },
  },
};

const PAGE = 'http://localhost:4173/';

describe('the lab in the address', () => {
  test('the store\'s lab goes into a link and back: network, settings, data subset, augmentation, seed, every lesson', () => {
    useAppStore.setState(getInitialState());
    useAppStore.getState().applyLab(HEAVY);
    const link = encodeLabLink(labOfState(useAppStore.getState()));
    useAppStore.setState(getInitialState());
    const { lab, messages } = labLinkMessages(link);
    expect(messages).toEqual([]);
    if (!lab.ok) throw new Error('the link did not read');
    useAppStore.getState().applyLab(lab.lab);
    expect(labOfState(useAppStore.getState())).toEqual(HEAVY);
  });

  test('a half-typed setting goes into the link as the tutorial value; the rest as typed', () => {
    useAppStore.setState(getInitialState());
    useAppStore.getState().setTrainingForm({ epochs: '', seed: '9' });
    const lab = labOfState(useAppStore.getState());
    expect(lab.hyperparameters.epochs).toBe(DEFAULT_HYPERPARAMETERS.epochs);
    expect(lab.hyperparameters.seed).toBe(9);
  });

  test('every lesson\'s example converts to what it types and back', () => {
    for (const id of LESSON_SETTINGS_IDS) {
      const conversion = LESSON_DRAFTS[id] as { toDraft(settings: unknown): unknown; fromDraft(draft: unknown): unknown };
      expect(conversion.fromDraft(conversion.toDraft(HEAVY.lessons[id]))).toEqual(HEAVY.lessons[id]);
      expect(conversion.fromDraft(conversion.toDraft(DEFAULT_LESSON_SETTINGS[id]))).toEqual(DEFAULT_LESSON_SETTINGS[id]);
    }
  });

  test('a garbled link, or one of another version, opens nothing of its lab and says why', () => {
    expect(labLinkMessages('1qX_garbled').messages).toEqual([
      "This link's lab could not be read — the lab link is damaged (cut short or mistyped): it does not unpack to a lab. The app opened with its own lab instead.",
    ]);
    expect(labLinkMessages('2abc').messages[0]).toMatch(/starts with '2', not a link version this app reads/);
    expect(labLinkMessages('').lab.ok).toBe(false);
  });

  test('an older link (before schedules, label smoothing and augmentation) opens as it was meant; a part it cannot read is named', () => {
    // Written before those settings existed: no word of them, and a lesson id this version does not know.
    const older = labLinkMessages(linkOf({ hyperparameters: { epochs: 3 }, lessons: { sobel: { mask: [[1]] } } }));
    if (!older.lab.ok) throw new Error('the older link did not read');
    expect(older.lab.lab.hyperparameters).toEqual({ ...DEFAULT_LAB.hyperparameters, epochs: 3, learningRateSchedule: 'decay', labelSmoothing: 0, augment: false });
    expect(older.messages).toHaveLength(1);
    expect(older.messages[0]).toMatch(/^Part of this link's lab could not be read: .*sobel/);
    // One bad value: the rest opens, the message names the field and what was used instead.
    const bad = labLinkMessages(linkOf({ hyperparameters: { epochs: -3, seed: 5 } }));
    expect(bad.lab.ok && bad.lab.lab.hyperparameters).toMatchObject({ epochs: 25, seed: 5 });
    expect(bad.messages).toEqual([expect.stringMatching(/hyperparameters\.epochs .*-3.*25/)]);
  });

  test('the address keeps the other parameters and the hash; the app\'s first lab leaves the address plain', () => {
    expect(addressFor(`${PAGE}?backend=wasm#/learn/convolution/3`, '1abc', true)).toBe(`${PAGE}?backend=wasm&lab=1abc&present#/learn/convolution/3`);
    expect(addressFor(`${PAGE}?lab=1abc&present#/train`, null, false)).toBe(`${PAGE}#/train`);
  });

  test('link lengths (README "For teachers"): the tutorial\'s lab, the app\'s first lab, a heavily edited lab', () => {
    const address = (lab: Lab): string => addressFor(`${PAGE}#/learn/convolution/3`, encodeLabLink(lab), false);
    expect(encodeLabLink(DEFAULT_LAB)).toBe('1');
    expect(address(DEFAULT_LAB)).toHaveLength(49);
    const first = labOfState(getInitialState());
    expect(first.architecture).toEqual(DEFAULT_MODEL_SPEC);
    // The end-to-end test's edit (lab-link.test.ts): one grid cell, one layer's filters, three settings.
    const input = DEFAULT_LESSON_SETTINGS.convolution.input.map((row, r) => row.map((value, c) => (r === 1 && c === 1 ? 42 : value)));
    const layers = DEFAULT_MODEL_SPEC.layers.map((layer, index) => (index === 0 && layer.type === 'Conv2D' ? { ...layer, filters: 16 } : layer));
    const classroom: Lab = {
      architecture: { layers },
      hyperparameters: { ...first.hyperparameters, epochs: 3, seed: 7, trainSubset: 5000 },
      lessons: { ...first.lessons, convolution: { ...first.lessons.convolution, input } },
    };
    const lengths = { first: encodeLabLink(first).length, classroom: encodeLabLink(classroom).length, heavy: encodeLabLink(HEAVY).length, heavyAddress: address(HEAVY).length };
    expect(lengths).toEqual({ first: 28, classroom: 69, heavy: 356, heavyAddress: 404 });
  });

  test('the link to hand out keeps the lab and the view, and leaves out presenter mode and a forced backend, saying so', () => {
    expect(shareableAddress(`${PAGE}?backend=wasm&lab=1abc&present#/learn/convolution/3`)).toEqual({
      href: `${PAGE}?lab=1abc#/learn/convolution/3`,
      leftOut: ['presenter mode', 'the backend choice (wasm)'],
    });
    expect(shareableAddress(`${PAGE}?lab=1abc&present=0#/train`)).toEqual({ href: `${PAGE}?lab=1abc#/train`, leftOut: ['presenter mode'] });
    // A plain address is handed out as it is, with nothing said.
    expect(shareableAddress(`${PAGE}?lab=1abc#/train/data`)).toEqual({ href: `${PAGE}?lab=1abc#/train/data`, leftOut: [] });
    expect(shareableAddress(`${PAGE}#/learn`)).toEqual({ href: `${PAGE}#/learn`, leftOut: [] });
  });
});
