import { selectShownRunSettings, selectTrainingEpochs, selectTrainingPhase } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { KerasDownload } from '../../common/KerasDownload';
import { isResting } from '../../../core/training/training-lifecycle';

/**
 * "Download for Keras" of the run's model once an epoch is done and the run rests: its weights, and a
 * train.py with the run's own settings, to evaluate it in Keras or train it on.
 */
export function RunKerasDownload() {
  const phase = useAppStore(selectTrainingPhase);
  const epochs = useAppStore(selectTrainingEpochs);
  const settings = useAppStore(selectShownRunSettings);
  if (epochs.length === 0) return null;
  // The run's weights stand still, so the files are one consistent model.
  const resting = isResting(phase);
  return (
    <div className="run-keras-download">
      <KerasDownload
        source={{ kind: 'model', model: 'trained' }}
        settings={settings}
        title={`your run, after epoch ${epochs.length}`}
        label="Download for Keras: this run's model"
        disabled={!resting}
      />
      {!resting && <p className="setting-hint">Pause or stop the run to download its weights as they stand.</p>}
    </div>
  );
}
