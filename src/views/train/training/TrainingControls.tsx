import { useId } from 'react';
import type { TrainingPhase } from '../../../state/store';
import type { ControlState } from './control-state';
import { useAppStore } from '../../../state/store';

/**
 * The media-player row: real buttons, each enabled only when it can act. `startReason` says why Start
 * is off; it is shown under the row and is Start's description.
 */
export function TrainingControls({ controls, phase, startReason = null }: { readonly controls: ControlState; readonly phase: TrainingPhase; readonly startReason?: string | null }) {
  const reasonId = useId();
  const step = (): void => {
    if (phase === 'paused') useAppStore.getState().stepTraining();
    else useAppStore.getState().startTraining({ stepOnly: true });
  };
  return (
    <>
      <div className="training-controls" role="group" aria-label="Training controls">
        <button type="button" className="training-primary" disabled={!controls.start} aria-describedby={startReason ? reasonId : undefined} onClick={() => useAppStore.getState().startTraining()}>
          Start
        </button>
        <button type="button" disabled={!controls.pause} onClick={() => useAppStore.getState().pauseTraining()}>
          Pause
        </button>
        <button type="button" disabled={!controls.resume} onClick={() => useAppStore.getState().resumeTraining()}>
          Resume
        </button>
        <button type="button" disabled={!controls.step} onClick={step}>
          Step one batch
        </button>
        <button type="button" disabled={!controls.stop} onClick={() => useAppStore.getState().stopTraining()}>
          Stop
        </button>
        <button type="button" disabled={!controls.reset} onClick={() => useAppStore.getState().resetTraining()}>
          Reset
        </button>
      </div>
      {startReason && (
        <p id={reasonId} className="training-start-reason">
          {startReason}
        </p>
      )}
    </>
  );
}
