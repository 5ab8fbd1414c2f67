/**
 * Which training buttons are usable, from the run's phase and what the engine and data allow. Pure,
 * so every combination is tested without React.
 */
import type { TrainingPhase } from '../../../state/store';
import { isActive } from '../../../core/training-lifecycle';

/** What the buttons depend on besides the phase. */
export interface ControlInputs {
  readonly phase: TrainingPhase;
  readonly engineReady: boolean;
  readonly dataReady: boolean;
  readonly formValid: boolean;
  readonly hasCheckpoint: boolean;
  /** The run has points, or a message, worth clearing. */
  readonly hasRun: boolean;
}

/** The enabled state of each control. */
export interface ControlState {
  readonly start: boolean;
  readonly pause: boolean;
  readonly resume: boolean;
  readonly step: boolean;
  readonly stop: boolean;
  readonly reset: boolean;
  readonly resumeCheckpoint: boolean;
}

/** Work out which controls can be used now. */
export function controlState(inputs: ControlInputs): ControlState {
  const active = isActive(inputs.phase);
  const canStart = !active && inputs.engineReady && inputs.dataReady && inputs.formValid;
  return {
    start: canStart,
    pause: inputs.phase === 'running',
    resume: inputs.phase === 'paused' || inputs.phase === 'pausing',
    // While paused: one more batch. With no run: a new run that pauses after its first batch.
    step: inputs.phase === 'paused' || canStart,
    stop: inputs.phase === 'running' || inputs.phase === 'pausing' || inputs.phase === 'paused',
    // Reset ends any run (after its batch in flight) and clears the view; saved runs stay in the list.
    reset: inputs.phase !== 'idle' || inputs.hasRun,
    resumeCheckpoint: canStart && inputs.hasCheckpoint,
  };
}
