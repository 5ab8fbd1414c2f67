import { useEffect, useId, useRef } from 'react';
import type { TrainingPhase } from '../../../state/store';
import { useAppStore } from '../../../state/store';
import { focusTarget, type ControlName, type ControlState } from './control-state';

const LABELS: Record<ControlName, string> = { start: 'Start', pause: 'Pause', resume: 'Resume', step: 'Step one batch', stop: 'Stop', reset: 'Reset' };
const ORDER: readonly ControlName[] = ['start', 'pause', 'resume', 'step', 'stop', 'reset'];

/**
 * The media-player row: real buttons, each enabled only when it can act. `startReason` says why Start
 * is off; it is shown under the row and is Start's description. When a press switches off the very
 * button that had focus (Start, once the run starts), focus moves to the next likely one (Pause), so
 * a keyboard or screen-reader user is not dropped at the top of the page.
 */
export function TrainingControls({ controls, phase, startReason = null }: { readonly controls: ControlState; readonly phase: TrainingPhase; readonly startReason?: string | null }) {
  const reasonId = useId();
  const buttons = useRef(new Map<ControlName, HTMLButtonElement>());
  const focusInRow = useRef(false);
  useEffect(() => {
    const active = document.activeElement;
    const lost = active === null || active === document.body || (active instanceof HTMLButtonElement && active.disabled);
    if (!focusInRow.current || !lost) return;
    const target = focusTarget(phase, controls);
    if (target) buttons.current.get(target)?.focus();
  }, [phase, controls]);
  const store = useAppStore.getState;
  const actions: Record<ControlName, () => void> = {
    start: () => store().startTraining(),
    pause: () => store().pauseTraining(),
    resume: () => store().resumeTraining(),
    step: () => (phase === 'paused' ? store().stepTraining() : store().startTraining({ stepOnly: true })),
    stop: () => store().stopTraining(),
    reset: () => store().resetTraining(),
  };
  return (
    <>
      <div
        className="training-controls"
        role="group"
        aria-label="Training controls"
        onFocus={() => {
          focusInRow.current = true;
        }}
        onBlur={(event) => {
          if (event.relatedTarget !== null && event.currentTarget.contains(event.relatedTarget)) return;
          // Leaving the row on purpose gives up the claim; a button switched off under the focus keeps it.
          focusInRow.current = event.target instanceof HTMLButtonElement && event.target.disabled;
        }}
      >
        {ORDER.map((name) => (
          <button
            key={name}
            ref={(element) => {
              if (element) buttons.current.set(name, element);
              else buttons.current.delete(name);
            }}
            type="button"
            className={name === 'start' ? 'training-primary' : undefined}
            disabled={!controls[name]}
            aria-describedby={name === 'start' && startReason ? reasonId : undefined}
            onClick={actions[name]}
          >
            {LABELS[name]}
          </button>
        ))}
      </div>
      {/* Always there, one line tall when empty: the sentence coming and going (a setting refused, then
          fixed) would otherwise move the whole dashboard under the user's pointer and eyes. */}
      <p id={reasonId} className="training-start-reason" title={startReason ?? undefined}>
        {startReason}
      </p>
    </>
  );
}
