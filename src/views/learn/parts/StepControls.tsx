import { useId } from 'react';
import { LESSON_SPEEDS, type LessonSpeed } from '../../../state/store';
import type { LessonPlayer } from '../use-lesson-player';

const SPEED_LABELS: Readonly<Record<LessonSpeed, string>> = { slow: 'Slow', normal: 'Normal', fast: 'Fast' };

/**
 * Play / pause, step back / forward, a scrubber and a speed choice: the same controls in every lesson,
 * all real buttons and labelled inputs.
 */
export function StepControls({ player, stepText }: { player: LessonPlayer; stepText: string }) {
  const scrubberId = useId();
  const speedId = useId();
  const { step, totalSteps, playing } = player;
  return (
    <div className="step-controls" role="group" aria-label="Step controls">
      <button type="button" className="control-button" onClick={player.previous} disabled={step <= 1}>
        <span aria-hidden="true">◀ </span>Previous step
      </button>
      <button type="button" className="control-button control-play" onClick={player.togglePlay} aria-pressed={playing}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="control-button" onClick={player.next} disabled={step >= totalSteps}>
        Next step<span aria-hidden="true"> ▶</span>
      </button>
      <label htmlFor={scrubberId} className="scrubber-label">
        Step {step} of {totalSteps}
      </label>
      <input
        id={scrubberId}
        className="scrubber"
        type="range"
        min={1}
        max={totalSteps}
        step={1}
        value={step}
        aria-valuetext={`Step ${step} of ${totalSteps}: ${stepText}`}
        onChange={(event) => {
          player.pause();
          player.goTo(Number(event.currentTarget.value));
        }}
      />
      <label htmlFor={speedId} className="speed-label">
        Speed
      </label>
      <select id={speedId} value={player.speed} onChange={(event) => {
          const chosen = event.currentTarget.value;
          player.setSpeed(LESSON_SPEEDS.find((speed) => speed === chosen) ?? 'normal');
        }}>
        {LESSON_SPEEDS.map((speed) => (
          <option key={speed} value={speed}>
            {SPEED_LABELS[speed]}
          </option>
        ))}
      </select>
    </div>
  );
}
