/**
 * The results list a page at a time: which results a page shows and the words around it. Pure, so the
 * counting is tested without React. Pages keep the list short at 1280 × 720 and keep the pictures of
 * only one page on screen, while every result stays reachable.
 */

/** Results per page. */
export const RESULTS_PER_PAGE = 12;

/** One page of the results. */
export interface ResultPage {
  /** 0-based page, clamped to the pages there are. */
  readonly index: number;
  readonly pageCount: number;
  /** 0-based, `end` exclusive, in the list's order (newest first). */
  readonly start: number;
  readonly end: number;
  /** "Results 11–20 of 30, newest first" (empty for no results). */
  readonly text: string;
}

/** Page `index` of `total` results (clamped, so a page past the end after a removal shows the last). */
export function resultPage(total: number, index: number, perPage: number = RESULTS_PER_PAGE): ResultPage {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const clamped = Math.min(Math.max(0, Math.floor(index)), pageCount - 1);
  const start = clamped * perPage;
  const end = Math.min(total, start + perPage);
  const text = total === 0 ? '' : total <= perPage ? `${total} ${total === 1 ? 'result' : 'results'}, newest first` : `Results ${start + 1}–${end} of ${total}, newest first`;
  return { index: clamped, pageCount, start, end, text };
}

/** "The 3 oldest results were removed: the list keeps the newest 500." — or null when none were. */
export function droppedText(dropped: number, kept: number): string | null {
  if (dropped <= 0) return null;
  return `${dropped === 1 ? 'The oldest result was' : `The ${dropped.toLocaleString('en-US')} oldest results were`} removed: the list keeps the newest ${kept.toLocaleString('en-US')}.`;
}
