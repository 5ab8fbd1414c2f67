import { useId } from 'react';
import { selectDataProgress, selectEngineError, selectEngineStatus } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { formatMegabytes, loadingDetail } from './format-bytes';
import { LocalCopyPicker } from './LocalCopyPicker';

/**
 * The load's real progress bar: bytes of the data files so far, of all of them, and which file is
 * arriving from where. Indeterminate until the first bytes (while the engine starts).
 */
export function DatasetProgress() {
  const id = useId();
  const progress = useAppStore(selectDataProgress);
  const engineStatus = useAppStore(selectEngineStatus);
  const engineError = useAppStore(selectEngineError);

  if (engineStatus === 'failed') {
    return (
      <p role="alert" className="dataset-error">
        The data set loads into the compute engine, which could not start: {engineError ?? 'unknown error'}. Reload the page to try again.
      </p>
    );
  }

  let detail: string;
  if (!progress) detail = engineStatus === 'starting' ? 'Waiting for the compute engine to start…' : 'Reading the data set’s manifest…';
  else detail = loadingDetail(progress);
  const percent = progress && progress.totalBytes > 0 ? Math.floor((100 * progress.loadedBytes) / progress.totalBytes) : null;

  return (
    <div className="dataset-progress">
      <label htmlFor={id}>Loading CIFAR-10</label>
      <progress
        id={id}
        max={progress?.totalBytes ?? undefined}
        value={progress?.loadedBytes ?? undefined}
        aria-valuetext={progress ? `${formatMegabytes(progress.loadedBytes)} of ${formatMegabytes(progress.totalBytes)} (${percent} %)` : 'starting'}
      />
      {/* No aria-live here: the bar already reports its value, ten times a second would be noise. */}
      <p className="dataset-progress-detail">
        {progress && (
          <strong>
            {formatMegabytes(progress.loadedBytes)} of {formatMegabytes(progress.totalBytes)} · {percent} %
          </strong>
        )}{' '}
        {detail}
      </p>
      <p className="dataset-progress-detail">60,000 photos in ten classes, each file checked against the data set’s manifest as it arrives.</p>
      {/* Only where bytes may come over the network: a cached or local load needs neither the warning nor the alternative. */}
      {!progress?.fromCache && !progress?.fromLocalCopy && (
        <>
          <p className="dataset-download-note">
            <strong>The first visit downloads {progress ? formatMegabytes(progress.totalBytes) : 'about 184 MB'}</strong>, once per browser: the
            files are then kept in this browser, so later visits — offline too — read them from here. On a classroom’s Wi-Fi, thirty laptops
            make that thirty downloads.
          </p>
          <LocalCopyPicker />
        </>
      )}
    </div>
  );
}
