import { describe, expect, test } from 'vitest';
import { formatMegabytes, resultsAnnouncement, sentence, withArticle } from '../../src/views/classify/classify-text';
import { describeCameraError } from '../../src/views/classify/use-camera';

const domError = (name: string, message = ''): Error => Object.assign(new Error(message), { name });

describe('classify view text', () => {
  test('engine messages become sentences; a leading file name or quoted name keeps its case', () => {
    expect(sentence('no model has been loaded')).toBe('No model has been loaded.');
    expect(sentence('notes.txt is not a picture.')).toBe('notes.txt is not a picture.');
    expect(sentence('“cats” was not loaded: it takes inputs of shape [null, 28, 28, 1]')).toBe('“cats” was not loaded: it takes inputs of shape [null, 28, 28, 1].');
    expect(sentence('Already a sentence?')).toBe('Already a sentence?');
  });

  test('sizes in megabytes', () => {
    expect(formatMegabytes(14_808_744)).toBe('14.8 MB');
  });

  test('camera refusals in words a student can act on', () => {
    expect(describeCameraError(domError('NotAllowedError'))).toMatch(/^Camera access was refused\. Allow the camera for this page/);
    expect(describeCameraError(domError('NotFoundError'))).toBe('No camera was found on this computer. Drop or paste a photo instead.');
    expect(describeCameraError(domError('NotReadableError'))).toMatch(/^The camera is busy/);
    expect(describeCameraError(domError('TypeError', 'odd'))).toBe('The camera could not start: odd');
  });
});

describe('classify answers in words', () => {
  test('classes take their article: an airplane, an automobile, a cat', () => {

    expect(['airplane', 'automobile', 'bird', 'cat'].map(withArticle)).toEqual(['an airplane', 'an automobile', 'a bird', 'a cat']);
  });

  test('the live region speaks once per batch: nothing while pictures are in flight, then the newest answer', () => {

    const newest = { name: 'cat.jpg', best: 'cat', percent: '63.2 %' };
    expect(resultsAnnouncement(newest, 2, 1)).toBe('');
    expect(resultsAnnouncement(newest, 0, 1)).toBe('cat.jpg: cat, 63.2 %.');
    expect(resultsAnnouncement(newest, 0, 3)).toBe('cat.jpg: cat, 63.2 %. 2 more pictures finished too; their cards are below.');
    expect(resultsAnnouncement(null, 0, 1)).toBe('');
  });
});
