import { describe, expect, test } from 'vitest';
import { answerHints, formatPercent, isFlatColour, KNOWN_CLASSES_NOTE, topClasses } from '../../../src/core/data/classify-hints';

const flat = new Uint8Array(32 * 32 * 3).fill(90);
const textured = Uint8Array.from({ length: 32 * 32 * 3 }, (_, index) => (index * 37) % 256);
const confident = [0.01, 0.01, 0.02, 0.9, 0.01, 0.02, 0.01, 0.01, 0.005, 0.005];
const base = { input: textured, source: { width: 640, height: 480 }, frames: 1, jpegColour: null, hadTransparency: false } as const;

describe('topClasses', () => {
  test('the five most probable, best first, named in CIFAR-10 order', () => {
    const top = topClasses(confident);
    expect(top.map((entry) => entry.name)).toEqual(['cat', 'bird', 'dog', 'airplane', 'automobile']);
    expect(top[0]).toEqual({ classIndex: 3, name: 'cat', probability: 0.9 });
  });

  test('refuses a wrong number of probabilities', () => {
    expect(() => topClasses([0.5, 0.5])).toThrow('expected 10 probabilities, one per class, got 2');
  });
});

describe('answerHints', () => {
  test('a confident answer on a photo from outside CIFAR-10 gets one brief note: the network knows only ten classes', () => {
    expect(answerHints({ ...base, probabilities: confident })).toEqual([{ tone: 'note', text: KNOWN_CLASSES_NOTE }]);
    expect(KNOWN_CLASSES_NOTE).toBe(
      'This network knows only ten classes (airplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck): it names one of them for any picture, even one that shows none of them, and can sound sure while doing it.',
    );
    // A CIFAR-10 test image (no source picture) is one of the ten: no note.
    expect(answerHints({ ...base, source: null, probabilities: confident })).toEqual([]);
  });

  test('a low top probability is called unsure, and near 10 % close to random', () => {
    const unsure = answerHints({ ...base, probabilities: [0.34, 0.3, 0.2, 0.16, 0, 0, 0, 0, 0, 0] });
    expect(unsure).toHaveLength(1);
    expect(unsure[0]?.tone).toBe('warning');
    expect(unsure[0]?.text).toMatch(/^Not sure: its best guess, airplane, gets only 34\.0 %\. The picture may show none of the ten things/);
    const guessing = answerHints({ ...base, probabilities: new Array<number>(10).fill(0.1) });
    expect(guessing[0]?.text).toContain('close to picking at random');
  });

  test('a network of your own classes: its names, its own note, and "unsure" measured against its own chance', () => {
    const classes = ['apple', 'banana', 'cherry'];
    expect(answerHints({ ...base, classes, probabilities: [0.9, 0.05, 0.05] })).toEqual([
      { tone: 'note', text: 'This network knows only your 3 classes (apple, banana, cherry): it names one of them for any picture, even one that shows none of them, and can sound sure while doing it.' },
    ]);
    // 60 % of three classes is not sure (chance is 33 %); 40 % is close to picking at random.
    expect(answerHints({ ...base, classes, probabilities: [0.1, 0.6, 0.3] })[0]?.text).toBe(
      'Not sure: its best guess, banana, gets only 60.0 %. The picture may show none of your classes, or look unlike the pictures it learned from.',
    );
    expect(answerHints({ ...base, classes, probabilities: [0.4, 0.3, 0.3] })[0]?.text).toContain('close to picking at random (each of 3 classes would get 33 %)');
  });

  test('a flat-colour input, a tiny source, an animation, CMYK and transparency are each said', () => {
    const hints = answerHints({ probabilities: confident, input: flat, source: { width: 1, height: 1 }, frames: 3, jpegColour: 'cmyk', hadTransparency: true });
    expect(hints.map((hint) => hint.tone)).toEqual(['warning', 'note', 'note', 'note', 'note', 'note']);
    expect(hints.map((hint) => hint.text)).toEqual([
      'Shrunk to 32 × 32, the picture is almost one flat colour: there is no shape to go on, so any answer is a guess.',
      KNOWN_CLASSES_NOTE,
      'The picture is only 1 × 1 pixels, so it was enlarged: each of its pixels became a block of the input.',
      'An animation of 3 frames: the network sees only the first.',
      'A CMYK JPEG (made for printing): the browser converted its colours to RGB first.',
      'Transparent parts were laid on white.',
    ]);
  });

  test('isFlatColour and formatPercent', () => {
    expect(isFlatColour(flat)).toBe(true);
    expect(isFlatColour(textured)).toBe(false);
    expect(formatPercent(0.6494)).toBe('64.9 %');
    expect(formatPercent(1)).toBe('100.0 %');
  });
});
