import { useEffect, useId } from 'react';
import { selectDataError, selectDataset, selectDataStatus } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { CurrentImageIndicator } from '../../common/CurrentImageIndicator';
import { DatasetBrowser } from './DatasetBrowser';
import { DatasetError } from './DatasetError';
import { DatasetProgress } from './DatasetProgress';
import './dataset.css';

/**
 * The Train area's data section: loads CIFAR-10 into the engine when first shown (a real progress
 * bar meanwhile), then browses it; a failed load says which file and offers Retry.
 */
export function DatasetSection() {
  const headingId = useId();
  const status = useAppStore(selectDataStatus);
  const failure = useAppStore(selectDataError);
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
      {status === 'failed' && failure ? (
        <DatasetError failure={failure} />
      ) : status === 'ready' && dataset ? (
        <DatasetBrowser dataset={dataset} />
      ) : (
        <DatasetProgress />
      )}
    </section>
  );
}
