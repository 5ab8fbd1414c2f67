/**
 * Which training buttons are usable, from the run's phase and what the engine and data allow. Pure,
 * so every combination is tested without React.
 */
import type { TrainingPhase } from '../../../state/store';
import { isActive } from '../../../core/training/training-lifecycle';

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

/** The buttons of the controls row, in their order on screen. */
export type ControlName = 'start' | 'pause' | 'resume' | 'step' | 'stop' | 'reset';

/** Phases that pass by themselves: focus waits for the button the next phase brings. */
const PASSING: readonly TrainingPhase[] = ['preparing', 'pausing', 'stopping'];

/**
 * Where keyboard focus goes when the button that had it is switched off by the press itself (Start
 * turns off once the run starts): to what a person most likely wants next — Pause while running,
 * Resume while paused, else Start. While the run is getting there (preparing, pausing, stopping),
 * null: wait, rather than park focus on Reset, where the next Enter would throw the run away. In a
 * settled phase without that button, the first usable one; null when none is.
 */
export function focusTarget(phase: TrainingPhase, controls: ControlState): ControlName | null {
  const wanted: ControlName = phase === 'running' || phase === 'preparing' ? 'pause' : phase === 'paused' || phase === 'pausing' ? 'resume' : 'start';
  if (controls[wanted]) return wanted;
  if (PASSING.includes(phase)) return null;
  const order: readonly ControlName[] = ['pause', 'resume', 'start', 'stop', 'step', 'reset'];
  return order.find((name) => controls[name]) ?? null;
}
