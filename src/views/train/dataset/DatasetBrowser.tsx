import { useId, useState } from 'react';
import type { CifarSplit } from '../../../core/data/cifar-format';
import type { DatasetSummary } from '../../../state/slices/data-slice';
import { AugmentedVariants } from './AugmentedVariants';
import { DatasetGrid } from './DatasetGrid';
import { useDataPage } from './use-data-page';

/** Images of each class per page. */
const PER_PAGE = 10;

/** Props of {@link DatasetBrowser}. */
export interface DatasetBrowserProps {
  readonly dataset: DatasetSummary;
}

/**
 * The loaded data set: what it holds, a choice of split, a page of real images per class that can be
 * paged through, and (with augmentation on) the variants of the current picture training would show.
 */
export function DatasetBrowser({ dataset }: DatasetBrowserProps) {
  const splitName = useId();
  const [split, setSplit] = useState<CifarSplit>('train');
  const [offset, setOffset] = useState(0);
  const { page, error } = useDataPage(split, offset, PER_PAGE);
  const { train, test } = dataset.splits;
  const smallestClass = Math.min(...dataset.splits[split].perClass);
  const chooseSplit = (next: CifarSplit): void => {
    setSplit(next);
    setOffset(0);
  };

  return (
    <div className="dataset-browser">
      <p className="dataset-summary">
        {(train.count + test.count).toLocaleString('en-US')} photos of {dataset.classes.length} classes, 32 × 32 pixels:{' '}
        {train.count.toLocaleString('en-US')} to train on and {test.count.toLocaleString('en-US')} to test with.{' '}
        {dataset.fromLocalCopy ? 'Read from your local copy' : dataset.fromCache ? 'Read from this browser’s cache' : 'Downloaded'} in {(dataset.loadMs / 1000).toFixed(1)} s and checked.
      </p>
      {dataset.cacheNote && <p className="dataset-note">No copy kept for next time: {dataset.cacheNote}.</p>}
      <div className="dataset-controls">
        <fieldset>
          <legend>Images from</legend>
          {(['train', 'test'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name={splitName} checked={split === value} onChange={() => chooseSplit(value)} />{' '}
              {value === 'train' ? 'the training set' : 'the test set'}
            </label>
          ))}
        </fieldset>
        <div className="dataset-paging">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PER_PAGE))}>
            Previous images
          </button>
          <span aria-live="polite">
            {offset + 1}–{Math.min(offset + PER_PAGE, smallestClass)} of each class
          </span>
          <button type="button" disabled={offset + PER_PAGE >= smallestClass} onClick={() => setOffset(offset + PER_PAGE)}>
            Next images
          </button>
        </div>
      </div>
      <AugmentedVariants />
      {error && <p role="alert" className="dataset-error">The images could not be shown: {error}</p>}
      {page && <DatasetGrid page={page} classes={dataset.classes} perClass={dataset.splits[page.split].perClass} />}
    </div>
  );
}
