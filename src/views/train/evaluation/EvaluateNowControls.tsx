import { useId } from 'react';
import {
  selectEvaluateNowMessage,
  selectEvaluateNowProgress,
  selectEvaluateNowRequest,
  selectEvaluatePretrainedBlocked,
  selectEvaluateRunBlocked,
  selectTrainingForm,
} from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { formatCount } from '../training/training-text';
import { evaluationProgressText } from './evaluation-text';
import './evaluate-now.css';

/**
 * Score a model now, without training it: the Train area's run while it rests (paused, stopped,
 * finished), or the pretrained tutorial model, on the validation images chosen in the settings. While
 * it runs: a progress bar and Cancel; a button that cannot act says why beside it.
 */
export function EvaluateNowControls() {
  const id = useId();
  const request = useAppStore(selectEvaluateNowRequest);
  const progress = useAppStore(selectEvaluateNowProgress);
  const message = useAppStore(selectEvaluateNowMessage);
  const runBlocked = useAppStore(selectEvaluateRunBlocked);
  const pretrainedBlocked = useAppStore(selectEvaluatePretrainedBlocked);
  const validationSubset = useAppStore(selectTrainingForm).validationSubset;
  const images = validationSubset === 'all' ? 'all 10 000 test images' : `${formatCount(Number(validationSubset))} test images`;
  const reason = request ? null : (runBlocked ?? pretrainedBlocked);
  return (
    <div className="evaluate-now" role="group" aria-label="Evaluate now">
      <div className="evaluate-now-buttons">
        <button type="button" disabled={runBlocked !== null} aria-describedby={`${id}-hint${runBlocked && !request ? ` ${id}-reason` : ''}`} onClick={() => useAppStore.getState().evaluateNow('run')}>
          Evaluate now
        </button>
        <button type="button" disabled={pretrainedBlocked !== null} aria-describedby={`${id}-hint${pretrainedBlocked && !request ? ` ${id}-reason` : ''}`} onClick={() => useAppStore.getState().evaluateNow('pretrained')}>
          Evaluate the pretrained model
        </button>
        {request && (
          <button type="button" className="evaluate-now-cancel" onClick={() => useAppStore.getState().cancelEvaluation()}>
            Cancel evaluation
          </button>
        )}
      </div>
      <p id={`${id}-hint`} className="evaluate-now-hint">
        Scores the model on {images} (set by “Validation images” in Network and settings › Data) without training it.
      </p>
      {request && (
        <div className="evaluate-now-progress">
          <span role="status">{evaluationProgressText(request.target, progress?.imagesDone ?? 0, progress?.images ?? null)}</span>
          <progress aria-label="Evaluation progress" max={progress?.images ?? 1} value={progress?.imagesDone ?? 0} />
        </div>
      )}
      {reason && (
        <p id={`${id}-reason`} className="evaluate-now-reason">
          {reason}
        </p>
      )}
      {message && !request && (
        <p className="evaluation-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
