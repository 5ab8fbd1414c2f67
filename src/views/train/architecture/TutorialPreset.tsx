import { useId } from 'react';
import { useAppStore } from '../../../state/store';

/**
 * One click back to the tutorial: its network (3 702 186 parameters), SGD with learning rate 0.01,
 * momentum 0.5 and decay 0.0004, batches of 512 for 25 epochs. The data subsets are left as chosen.
 */
export function TutorialPreset({ disabled, onApplied }: { readonly disabled: boolean; readonly onApplied: () => void }) {
  const apply = useAppStore((state) => state.applyTutorialPreset);
  const hintId = useId();
  return (
    <div className="tutorial-preset">
      <button
        type="button"
        disabled={disabled}
        aria-describedby={hintId}
        onClick={() => {
          apply();
          onApplied();
        }}
      >
        Tutorial model
      </button>
      <span id={hintId} className="tutorial-preset-hint">
        The tutorial’s layers, SGD (learning rate 0.01, momentum 0.5, decay 0.0004), batch 512, 25 epochs
      </span>
    </div>
  );
}
