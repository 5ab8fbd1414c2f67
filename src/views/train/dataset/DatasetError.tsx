import type { DataFailure } from '../../../state/slices/data-slice';
import { useAppStore } from '../../../state/store';
import { LocalCopyPicker } from './LocalCopyPicker';

/** Props of {@link DatasetError}. */
export interface DatasetErrorProps {
  readonly failure: DataFailure;
}

/**
 * Why the data set did not load, naming the file, with a Retry. Training stays off meanwhile: the
 * engine keeps no partial data.
 */
export function DatasetError({ failure }: DatasetErrorProps) {
  const serverSide = failure.file !== null && /could not be (downloaded|loaded)|truncated|corrupt|longer/.test(failure.message);
  return (
    <div role="alert" className="dataset-error">
      <p>
        <strong>CIFAR-10 could not be loaded:</strong> {failure.message}
      </p>
      <p>
        Training stays off until every file has arrived intact.
        {serverSide && ' If retrying does not help, run `npm run data` where the app is served, to prepare the files again.'}
      </p>
      <button type="button" onClick={() => useAppStore.getState().loadDataset()}>
        Retry
      </button>
      <LocalCopyPicker />
    </div>
  );
}
