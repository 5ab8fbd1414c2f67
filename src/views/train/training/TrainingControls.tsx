import { useId } from 'react';
import { pauseTraining, resetTraining, resumeTraining, startTraining, stepTraining, stopTraining } from '../../../state/training-bridge';
import { useAppStore, type TrainingPhase } from '../../../state/store';
import type { ControlState } from './control-state';

/**
 * The media-player row: real buttons, each enabled only when it can act. `startReason` says why Start
 * is off; it is shown under the row and is Start's description.
 */
export function TrainingControls({ controls, phase, startReason = null }: { readonly controls: ControlState; readonly phase: TrainingPhase; readonly startReason?: string | null }) {
  const reasonId = useId();
  // Said at once: the engine reads the command between micro-batches, which may be seconds away.
  const pause = (): void => {
    useAppStore.getState().trainingControlRequested('pause');
    pauseTraining();
  };
  const stop = (): void => {
    useAppStore.getState().trainingControlRequested('stop');
    stopTraining();
  };
  const step = (): void => {
    if (phase === 'paused') stepTraining();
    else startTraining({ stepOnly: true });
  };
  return (
    <>
      <div className="training-controls" role="group" aria-label="Training controls">
        <button type="button" className="training-primary" disabled={!controls.start} aria-describedby={startReason ? reasonId : undefined} onClick={() => startTraining()}>
          Start
        </button>
        <button type="button" disabled={!controls.pause} onClick={pause}>
          Pause
        </button>
        <button type="button" disabled={!controls.resume} onClick={resumeTraining}>
          Resume
        </button>
        <button type="button" disabled={!controls.step} onClick={step}>
          Step one batch
        </button>
        <button type="button" disabled={!controls.stop} onClick={stop}>
          Stop
        </button>
        <button type="button" disabled={!controls.reset} onClick={resetTraining}>
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
