import { useId, useRef, type ChangeEvent } from 'react';
import { useAppStore } from '../../../state/store';

/**
 * "Use a local copy": pick the folder with the prepared CIFAR-10 files (manifest.json and the four .bin
 * files of the app's data/cifar10, e.g. on a USB stick), or the five files themselves, instead of
 * downloading them. The engine checks every file against the manifest like a download and keeps them
 * in this browser, so a class shares one copy instead of pulling 184 MB per laptop.
 */
export function LocalCopyPicker() {
  const headingId = useId();
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const picked = (event: ChangeEvent<HTMLInputElement>): void => {
    const files = Array.from(event.target.files ?? []);
    // Cleared, so picking the same folder again (after fixing a file) is a new choice.
    event.target.value = '';
    if (files.length > 0) useAppStore.getState().loadDatasetFromFiles(files);
  };
  return (
    <section className="local-copy" aria-labelledby={headingId}>
      <h4 id={headingId}>Use a local copy instead</h4>
      <p>
        Have the prepared files — <code>manifest.json</code> and four <code>.bin</code> files, the app’s <code>data/cifar10</code> folder, for
        example on a USB stick? Pick them here instead of downloading: each is checked against the manifest like a download and kept in this
        browser.
      </p>
      <div className="local-copy-buttons">
        <button type="button" onClick={() => folderInput.current?.click()}>
          Choose the folder…
        </button>
        <button type="button" onClick={() => filesInput.current?.click()}>
          Choose the files…
        </button>
      </div>
      {/* The real inputs stay out of sight and out of the tab order: the buttons above open them. */}
      <input
        ref={(input) => {
          folderInput.current = input;
          // Not in React's attribute list; the DOM property makes the picker choose a folder.
          if (input) input.webkitdirectory = true;
        }}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={picked}
      />
      <input ref={filesInput} type="file" multiple accept=".json,.bin" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={picked} />
    </section>
  );
}
