import { useState } from 'react';
import { selectClassifyItems, selectClassifyItemsDropped } from '../../state/selectors';
import { MAX_CLASSIFY_ITEMS } from '../../state/slices/classify-slice';
import { useAppStore } from '../../state/store';
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
  const page = resultPage(items.length, pageIndex);
  const droppedNote = droppedText(dropped, MAX_CLASSIFY_ITEMS);
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
          <ul className="result-items" aria-label="Classified pictures">
            {items.slice(page.start, page.end).map((item) => (
              <li key={item.key}>
                <ResultCard item={item} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
