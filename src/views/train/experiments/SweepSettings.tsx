import { useId } from 'react';
import { isActive } from '../../../core/training/training-lifecycle';
import { sweepDefinition, SWEEPS, type SweepParameter } from '../../../core/training/sweeps';
import type { SweepBase } from '../../../state/experiment-forms';
import { selectEngineStatus, selectTrainingPhase } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { RunSizeFields } from './RunSizeFields';

/** The sweep's form: what to vary, its values, where the runs start from, how long each run is. */
export function SweepSettings() {
  const id = useId();
  const form = useAppStore((state) => state.sweepForm);
  const message = useAppStore((state) => state.sweepMessage);
  const engineBusy = isActive(useAppStore(selectTrainingPhase));
  const engineReady = useAppStore(selectEngineStatus) === 'ready';
  const store = useAppStore.getState;
  const definition = sweepDefinition(form.parameter);
  return (
    <form
      className="experiment-form"
      aria-label="Sweep settings"
      onSubmit={(event) => {
        event.preventDefault();
        store().startSweep();
      }}
    >
      <div className="experiment-sizes">
        <label htmlFor={`${id}-parameter`}>Vary</label>
        <select id={`${id}-parameter`} value={form.parameter} onChange={(event) => store().setSweepForm({ parameter: event.target.value as SweepParameter })}>
          {SWEEPS.map((sweep) => (
            <option key={sweep.parameter} value={sweep.parameter}>
              {sweep.title} ({sweep.keras})
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-values`}>Values</label>
        <input id={`${id}-values`} className="sweep-values" value={form.values} aria-describedby={`${id}-values-hint`} aria-invalid={message !== null && message.startsWith(definition.title)} onChange={(event) => store().setSweepForm({ values: event.target.value })} />
        <label htmlFor={`${id}-base`}>Starting from</label>
        <select id={`${id}-base`} value={form.base} onChange={(event) => store().setSweepForm({ base: event.target.value as SweepBase })}>
          <option value="quick-demo">the Quick demo network and settings</option>
          <option value="editor">the network and settings above</option>
        </select>
      </div>
      <p id={`${id}-values-hint`} className="experiment-hint">
        Sets {definition.applies}: 2 to 8 values from {definition.min} to {definition.max}, one run each.
      </p>
      <RunSizeFields sizes={form} disabled={false} onChange={(patch) => store().setSweepForm(patch)} />
      <div className="experiment-actions">
        <button type="submit" className="primary" disabled={!engineReady || engineBusy}>
          Start the sweep
        </button>
        {engineBusy && <span className="experiment-hint">A run is training: the sweep can start once it ends.</span>}
      </div>
      {message !== null && (
        <p className="experiment-message" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
