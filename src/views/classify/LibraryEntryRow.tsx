import { useEffect, useState } from 'react';
import type { LibraryEntry } from '../../state/slices/classify-slice';
import { KerasDownload } from '../common/KerasDownload';
import { formatMegabytes } from './classify-text';
import { useAppStore } from '../../state/store';

/** A downloadable file: its name, size and a `blob:` URL revoked when the row closes it. */
interface Download {
  readonly name: string;
  readonly bytes: number;
  readonly url: string;
}

/**
 * One saved model: what it is, and Use, Download and Delete. Download offers the two files of the tfjs
 * layers format as two links (one click each, so no browser blocks the second as an unasked download);
 * Delete asks once more.
 */
export function LibraryEntryRow({ entry, onUse, onDelete }: { readonly entry: LibraryEntry; readonly onUse: () => void; readonly onDelete: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [downloads, setDownloads] = useState<readonly Download[] | null>(null);
  useEffect(() => () => downloads?.forEach((download) => URL.revokeObjectURL(download.url)), [downloads]);

  const prepareDownload = async (): Promise<void> => {
    const files = await useAppStore.getState().exportLibraryModel(entry.name);
    if (files.length > 0) setDownloads(files.map((file) => ({ name: file.name, bytes: file.data.size, url: URL.createObjectURL(file.data) })));
  };

  return (
    <li className="library-entry">
      <p className="library-entry-name">{entry.name}</p>
      <p className="library-entry-detail">
        {entry.description}; saved {new Date(entry.savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}, {formatMegabytes(entry.weightBytes)}
      </p>
      {confirming ? (
        <div className="library-entry-buttons" role="group" aria-label={`Delete ${entry.name}?`}>
          <span>Delete “{entry.name}” for good?</span>
          <button type="button" onClick={onDelete}>
            Yes, delete
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="library-entry-buttons">
          <button type="button" aria-label={`Use ${entry.name}`} onClick={onUse}>
            Use
          </button>
          <button type="button" aria-label={`Download ${entry.name}`} onClick={() => void prepareDownload()}>
            Download
          </button>
          <button type="button" aria-label={`Delete ${entry.name}`} onClick={() => setConfirming(true)}>
            Delete
          </button>
          <KerasDownload source={{ kind: 'library', name: entry.name }} settings={null} title={`the saved model “${entry.name}”`} label={`Download for Keras: ${entry.name}`} />
        </div>
      )}
      {downloads && (
        <div className="library-downloads">
          <p>Save both files, then drop them here together to load the model again:</p>
          <ul aria-label={`Files of ${entry.name}`}>
            {downloads.map((download) => (
              <li key={download.name}>
                <a href={download.url} download={download.name}>
                  {download.name}
                </a>{' '}
                ({formatMegabytes(download.bytes)})
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setDownloads(null)}>
            Done
          </button>
        </div>
      )}
    </li>
  );
}
