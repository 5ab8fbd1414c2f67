import { useEffect, useRef, useState, type RefObject } from 'react';
import { formatPercent, topClasses } from '../../core/data/classify-hints';
import { classNamesOf } from '../../core/model/classifier-model';
import { selectClassifyItems, selectClassifyItemsDropped } from '../../state/selectors';
import { MAX_CLASSIFY_ITEMS, type ClassifyItem } from '../../state/slices/classify-slice';
import { useAppStore } from '../../state/store';
import { resultsAnnouncement, type AnsweredPicture } from './classify-text';
import { ResultCard } from './ResultCard';
import { droppedText, resultPage } from './result-pages';

/**
 * Every picture classified in this visit, newest first, a page at a time, with a button to clear
 * them. Nothing leaves the list without a word: results past the list's limit are counted and named.
 */
export function ResultList() {
  const items = useAppStore(selectClassifyItems);
  const dropped = useAppStore(selectClassifyItemsDropped);
  const clear = useAppStore((state) => state.classifyItemsCleared);
  const [pageIndex, setPageIndex] = useState(0);
  // A new picture opens the first page (newest first), where its card is.
  const newestKey = items[0]?.key ?? -1;
  useEffect(() => setPageIndex(0), [newestKey]);
  const page = resultPage(items.length, pageIndex);
  const droppedNote = droppedText(dropped, MAX_CLASSIFY_ITEMS);
  const listRef = useRef<HTMLUListElement>(null);
  useNewestInView(items, listRef);
  const announcement = useResultsAnnouncement(items);
  return (
    <section className="result-list" aria-labelledby="classify-results-heading">
      <div className="result-list-header">
        <h3 id="classify-results-heading">Results</h3>
        {items.length > 0 && (
          <button
            type="button"
            onClick={() => {
              clear();
              setPageIndex(0);
            }}
          >
            Clear all results
          </button>
        )}
      </div>
      {droppedNote && (
        <p className="result-dropped" role="status">
          {droppedNote}
        </p>
      )}
      {/* One polite sentence per batch of answers: what a screen reader hears without hunting for the card. */}
      <p className="visually-hidden" role="status" aria-label="Newest answer">
        {announcement}
      </p>
      {items.length === 0 ? (
        <p className="result-empty">No pictures yet. Drop one, paste one, take one with the camera, or press a sample image.</p>
      ) : (
        <>
          <nav className="result-pages" aria-label="Result pages">
            <p role="status" className="result-count">
              {page.text}
            </p>
            {page.pageCount > 1 && (
              <>
                <button type="button" disabled={page.index === 0} onClick={() => setPageIndex(page.index - 1)}>
                  Newer results
                </button>
                <span>
                  Page {page.index + 1} of {page.pageCount}
                </span>
                <button type="button" disabled={page.index >= page.pageCount - 1} onClick={() => setPageIndex(page.index + 1)}>
                  Older results
                </button>
              </>
            )}
          </nav>
          <ul className="result-items" aria-label="Classified pictures" ref={listRef}>
            {items.slice(page.start, page.end).map((item) => (
              <li key={item.key} data-key={item.key}>
                <ResultCard item={item} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * Bring the newest picture's card into view when it arrives and again when its answer (or error)
 * comes, so choosing a picture always shows something happen — at 1280 × 720 the list starts below
 * the screen. Only for pictures added since the list was shown: removing one scrolls nowhere.
 */
function useNewestInView(items: readonly ClassifyItem[], listRef: RefObject<HTMLUListElement | null>): void {
  const newest = items[0];
  const highestSeen = useRef(newest?.key ?? -1);
  const followed = useRef<number | null>(null);
  useEffect(() => {
    if (!newest) return;
    if (newest.key > highestSeen.current) {
      highestSeen.current = newest.key;
      followed.current = newest.key;
    }
    if (followed.current !== newest.key) return;
    const card = listRef.current?.querySelector(`[data-key="${newest.key}"]`);
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    card?.scrollIntoView({ block: 'nearest', behavior: reduceMotion ? 'auto' : 'smooth' });
    if (newest.status !== 'working') followed.current = null;
  }, [newest, listRef]);
}

/** The live region's text: see {@link resultsAnnouncement}; counts what settled since it last spoke. */
function useResultsAnnouncement(items: readonly ClassifyItem[]): string {
  const [text, setText] = useState('');
  const spokenKeys = useRef(new Set<number>());
  useEffect(() => {
    const working = items.filter((item) => item.status === 'working').length;
    if (working > 0) return;
    const fresh = items.filter((item) => !spokenKeys.current.has(item.key));
    for (const item of fresh) spokenKeys.current.add(item.key);
    // Failures speak for themselves (their card's alert); the sentence is about the newest answer.
    const answered = fresh.find((item) => item.status === 'done' && item.answer);
    const best = answered?.answer ? topClasses(answered.answer.probabilities, 1, classNamesOf(answered.answer.model))[0] : undefined;
    const newest: AnsweredPicture | null = answered && best ? { name: answered.name, best: best.name, percent: formatPercent(best.probability) } : null;
    const sentence = resultsAnnouncement(newest, working, fresh.length);
    if (sentence !== '') setText(sentence);
  }, [items]);
  return text;
}
