import { useEffect, useState } from 'react';
import type { TrainingHyperparameters } from '../../core/training/hyperparameters';
import type { KerasBundleSource } from '../../state/slices/library-commands';
import { useAppStore } from '../../state/store';
import './keras-download.css';

interface Ready {
  readonly name: string;
  readonly megabytes: string;
  readonly url: string;
}

/**
 * "Download for Keras": on press, the engine zips the model's tfjs files with a train.py that builds the
 * same network in Keras 3 and loads those weights; the zip is then offered as a link (one click, so no
 * browser blocks it as an unasked download), with the command that checks it.
 */
export function KerasDownload({ source, settings, title, label, disabled = false }: {
  readonly source: KerasBundleSource;
  /** What the model was trained with; null when unknown. */
  readonly settings: TrainingHyperparameters | null;
  /** Where the model comes from, for the script ("your run, after epoch 3"). */
  readonly title: string;
  /** The button's accessible name ("Download for Keras: my-model"). */
  readonly label: string;
  readonly disabled?: boolean;
}) {
  const [state, setState] = useState<{ readonly busy: boolean; readonly ready: Ready | null; readonly error: string | null }>({ busy: false, ready: null, error: null });
  useEffect(() => () => {
    if (state.ready) URL.revokeObjectURL(state.ready.url);
  }, [state.ready]);

  const prepare = async (): Promise<void> => {
    setState({ busy: true, ready: null, error: null });
    try {
      const zip = await useAppStore.getState().prepareKerasBundle(source, settings, title);
      setState({ busy: false, error: null, ready: { name: zip.name, megabytes: (zip.data.size / 1024 / 1024).toFixed(1), url: URL.createObjectURL(zip.data) } });
    } catch (error) {
      setState({ busy: false, ready: null, error: error instanceof Error ? error.message : String(error) });
    }
  };

  const folder = state.ready?.name.replace(/\.zip$/, '');
  return (
    <div className="keras-download">
      <button type="button" aria-label={label} disabled={disabled || state.busy} onClick={() => void prepare()}>
        {state.busy ? 'Preparing for Keras…' : 'Download for Keras'}
      </button>
      {state.ready && (
        <p className="keras-download-ready" role="status">
          <a href={state.ready.url} download={state.ready.name}>
            {state.ready.name}
          </a>{' '}
          ({state.ready.megabytes} MB): train.py with the weights. Unzip, then <code>cd {folder} &amp;&amp; python train.py --weights {folder?.replace(/-keras$/, '')}.json --epochs 0</code> scores it in Keras.
        </p>
      )}
      {state.error !== null && (
        <p className="keras-download-error" role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}
