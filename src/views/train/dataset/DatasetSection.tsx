import { useEffect, useId } from 'react';
import { selectDataset, selectDataStatus } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { CurrentImageIndicator } from '../../common/CurrentImageIndicator';
import { DatasetBrowser } from './DatasetBrowser';
import './dataset.css';

/**
 * The Train area's data section: loads CIFAR-10 into the engine when first shown, then browses it.
 * Meanwhile it points to the dashboard above the tabs, which shows the real progress bar, or which
 * file failed, with Retry.
 */
export function DatasetSection() {
  const headingId = useId();
  const status = useAppStore(selectDataStatus);
  const dataset = useAppStore(selectDataset);
  useEffect(() => {
    useAppStore.getState().loadDataset();
  }, []);

  return (
    <section className="dataset" aria-labelledby={headingId}>
      <div className="dataset-header">
        <h3 id={headingId}>The data: CIFAR-10</h3>
        <CurrentImageIndicator sizePx={96} />
      </div>
      {status === 'ready' && dataset ? (
        <DatasetBrowser dataset={dataset} />
      ) : (
        // The dashboard above the tabs already shows the bar (or the failure, with Retry): a second one here said everything twice.
        <p className="dataset-waiting">
          {status === 'failed'
            ? 'CIFAR-10 could not be loaded: why, and Retry, are in the training panel above these tabs.'
            : 'CIFAR-10 is loading: its progress bar is in the training panel above these tabs. The pictures appear here once every file has arrived and been checked.'}
        </p>
      )}
    </section>
  );
}
