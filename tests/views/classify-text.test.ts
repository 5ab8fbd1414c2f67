import { describe, expect, test } from 'vitest';
import { formatMegabytes, resultsAnnouncement, sentence, withArticle } from '../../src/views/classify/classify-text';
import { droppedText, resultPage } from '../../src/views/classify/result-pages';
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

describe('the results, a page at a time (issue 16, case 4)', () => {
  test('thirty dropped pictures make three pages, none left out', () => {
    expect(resultPage(30, 0)).toEqual({ index: 0, pageCount: 3, start: 0, end: 12, text: 'Results 1–12 of 30, newest first' });
    expect(resultPage(30, 2)).toMatchObject({ start: 24, end: 30, text: 'Results 25–30 of 30, newest first' });
    // After removals a page past the end shows the last one.
    expect(resultPage(14, 5)).toMatchObject({ index: 1, start: 12, end: 14 });
    expect(resultPage(3, 0).text).toBe('3 results, newest first');
    expect(resultPage(1, 0).text).toBe('1 result, newest first');
    expect(resultPage(0, 0)).toMatchObject({ pageCount: 1, start: 0, end: 0, text: '' });
    const shown = new Set<number>();
    for (let index = 0; index < resultPage(30, 0).pageCount; index += 1) {
      const page = resultPage(30, index);
      for (let item = page.start; item < page.end; item += 1) shown.add(item);
    }
    expect(shown.size).toBe(30);
  });

  test('results past the limit are counted and named', () => {
    expect(droppedText(0, 500)).toBeNull();
    expect(droppedText(1, 500)).toBe('The oldest result was removed: the list keeps the newest 500.');
    expect(droppedText(6, 500)).toBe('The 6 oldest results were removed: the list keeps the newest 500.');
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
