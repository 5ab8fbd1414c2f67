import { selectClassifyItems } from '../../state/selectors';
import { useAppStore } from '../../state/store';
import { ResultCard } from './ResultCard';

/** Every picture classified in this visit, newest first, with a button to clear them. */
export function ResultList() {
  const items = useAppStore(selectClassifyItems);
  const clear = useAppStore((state) => state.classifyItemsCleared);
  return (
    <section className="result-list" aria-labelledby="classify-results-heading">
      <div className="result-list-header">
        <h3 id="classify-results-heading">Results</h3>
        {items.length > 0 && (
          <button type="button" onClick={clear}>
            Clear all results
          </button>
        )}
      </div>
      {items.length === 0 ? (
        <p className="result-empty">No pictures yet. Drop one, paste one, take one with the camera, or press a sample image.</p>
      ) : (
        <ul className="result-items" aria-label="Classified pictures">
          {items.map((item) => (
            <li key={item.key}>
              <ResultCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
