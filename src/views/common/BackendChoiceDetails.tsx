import { isActive } from '../../core/training/training-lifecycle';
import { backendLabel, describeRecord } from '../../core/backend/backend-choice';
import type { ProbePhase } from '../../core/backend/backend-probe-rules';
import { useAppStore } from '../../state/store';
import { selectBackendChoice, selectBackendChoiceError, selectBackendProbe, selectEngineStatus, selectTrainingPhase } from '../../state/selectors';
import './backend-choice.css';

const PHASE_WORDS: Record<ProbePhase, string> = { starting: 'starting', 'warm-up': 'first step', timed: 'timing steps' };
/** Training phases during which a restart of the engine would end the run. */

/**
 * The badge's account of the backend choice: while measuring, which backend is being timed and what
 * the others gave; afterwards, the one-sentence reason, every measurement, and "Measure again".
 */
export function BackendChoiceDetails() {
  const choice = useAppStore(selectBackendChoice);
  const probe = useAppStore(selectBackendProbe);
  const error = useAppStore(selectBackendChoiceError);
  const trainingPhase = useAppStore(selectTrainingPhase);
  const training = isActive(trainingPhase);
  // While an engine starts (or backends are measured), another restart would race it.
  const starting = useAppStore(selectEngineStatus) === 'starting';
  const records = probe?.records ?? choice?.records ?? [];

  return (
    <section className="backend-choice" aria-label="Backend choice">
      {probe && (
        <p role="status">
          Measuring which backend trains fastest here
          {probe.current ? `: ${backendLabel(probe.current.backend)}, ${PHASE_WORDS[probe.current.phase]}…` : '…'}
        </p>
      )}
      {error && <p role="alert">The backends could not be measured: {error}. Starting WebGL, tfjs's first choice.</p>}
      {choice && !probe && (
        <p>
          <strong>Why this backend:</strong> {choice.summary}
          {choice.source === 'remembered' && choice.measuredAt ? ` (measured ${new Date(choice.measuredAt).toLocaleString()}, remembered in this browser)` : ''}.
        </p>
      )}
      {records.length > 0 && (
        <ul aria-label="Measured training speed">
          {records.map((record) => (
            <li key={record.backend}>{describeRecord(record)}</li>
          ))}
        </ul>
      )}
      {choice?.source === 'user' ? (
        <p className="backend-choice-note">Remove ?backend= from the address to let the app measure which backend is fastest.</p>
      ) : (
        <p>
          <button type="button" disabled={probe !== null || starting || training} onClick={() => void useAppStore.getState().startEngineByChoice({ kind: 'auto' }, { remeasure: true })}>
            Measure again
          </button>
          {training && <span className="backend-choice-note"> Stop the training run first: measuring restarts the engine.</span>}
        </p>
      )}
    </section>
  );
}
