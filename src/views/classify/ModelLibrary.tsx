import { useId, useRef, useState, type FormEvent } from 'react';
import { MAX_MODEL_NAME_LENGTH } from '../../core/model/model-name';
import { selectClassifyLibrary, selectClassifyModelError } from '../../state/selectors';
import { useAppStore } from '../../state/store';
import { sentence } from './classify-text';
import { LibraryEntryRow } from './LibraryEntryRow';

/**
 * The model library: save the answering model in this browser under a name; use, download or delete
 * a saved one; load a model from its files (model.json and its weights, as downloaded here or made by
 * `npm run train`). A model that does not fit the classifier is refused and the current one stays.
 */
export function ModelLibrary() {
  const id = useId();
  const entries = useAppStore(selectClassifyLibrary);
  const modelError = useAppStore(selectClassifyModelError);
  const [name, setName] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    try {
      await useAppStore.getState().saveModelToLibrary(name);
      setName('');
      setSaveError(null);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="model-library" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Model library</h3>
      <p className="model-library-note">Saved in this browser only; nothing is uploaded.</p>
      <form className="model-save" onSubmit={(event) => void save(event)}>
        <label htmlFor={`${id}-name`}>Save the answering model as</label>
        <div className="model-save-row">
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            maxLength={MAX_MODEL_NAME_LENGTH + 10}
            aria-invalid={saveError !== null}
            aria-describedby={saveError ? `${id}-save-error` : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
        {saveError && (
          <p id={`${id}-save-error`} role="alert" className="field-error">
            {sentence(saveError)}
          </p>
        )}
      </form>
      {entries === null ? (
        <p>Reading your saved models…</p>
      ) : entries.length === 0 ? (
        <p>No saved models yet.</p>
      ) : (
        <ul className="library-entries" aria-label="Saved models">
          {entries.map((entry) => (
            <LibraryEntryRow key={entry.name} entry={entry} onUse={() => void useAppStore.getState().loadLibraryModel(entry.name)} onDelete={() => void useAppStore.getState().deleteLibraryModel(entry.name)} />
          ))}
        </ul>
      )}
      <div className="model-files">
        <button type="button" onClick={() => fileInput.current?.click()}>
          Load model files…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".json,.bin,application/json"
          hidden
          aria-label="Model files: model.json and its weights"
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = '';
            if (files.length > 0) void useAppStore.getState().loadModelFiles(files);
          }}
        />
        <p className="model-files-help">Select a model.json together with its weights (.bin) file — or drop both anywhere on this page.</p>
      </div>
      {modelError && (
        <p role="alert" className="field-error">
          {sentence(modelError)}
        </p>
      )}
    </section>
  );
}
