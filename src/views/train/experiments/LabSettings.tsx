import { useId } from 'react';
import { REGULARISATION_EXPLAINED, REGULARISATION_NAMES, type RegularisationChoice } from '../../../core/training/overfitting-lab';
import { isActive } from '../../../core/training/training-lifecycle';
import { selectEngineStatus, selectTrainingPhase } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { RunSizeFields } from './RunSizeFields';

const KEYS = Object.keys(REGULARISATION_NAMES) as (keyof RegularisationChoice)[];

/**
 * The lab's form: which regularisers the second run gets, how long both runs are, the measured
 * preset, and the one button that queues both runs and trains them.
 */
export function LabSettings() {
  const id = useId();
  const form = useAppStore((state) => state.labForm);
  const message = useAppStore((state) => state.labMessage);
  const engineBusy = isActive(useAppStore(selectTrainingPhase));
  const engineReady = useAppStore(selectEngineStatus) === 'ready';
  const store = useAppStore.getState;
  return (
    <form
      className="experiment-form"
      aria-label="Overfitting lab settings"
      onSubmit={(event) => {
        event.preventDefault();
        store().startOverfittingLab();
      }}
    >
      <fieldset className="lab-choices">
        <legend>The second run adds</legend>
        {KEYS.map((key) => (
          <span key={key} className="lab-choice">
            <input id={`${id}-${key}`} type="checkbox" checked={form.choice[key]} onChange={(event) => store().setLabChoice(key, event.target.checked)} />
            <label htmlFor={`${id}-${key}`}>{REGULARISATION_NAMES[key]}</label>
          </span>
        ))}
      </fieldset>
      <details className="lab-explained">
        <summary>What each regulariser does</summary>
        <dl>
          {KEYS.map((key) => (
            <div key={key}>
              <dt>{REGULARISATION_NAMES[key]}</dt>
              <dd>{REGULARISATION_EXPLAINED[key]}</dd>
            </div>
          ))}
        </dl>
      </details>
      <RunSizeFields sizes={form} disabled={false} onChange={(patch) => store().setLabForm(patch)} />
      <div className="experiment-actions">
        <button type="button" onClick={() => store().applyLabPreset()}>
          Use the 3-minute preset
        </button>
        <button type="submit" className="primary" disabled={!engineReady || engineBusy}>
          Start the lab: plain run, then regularised run
        </button>
        {engineBusy && <span className="experiment-hint">A run is training: the lab can start once it ends.</span>}
      </div>
      {message !== null && (
        <p className="experiment-message" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
