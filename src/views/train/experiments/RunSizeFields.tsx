import { useId } from 'react';
import { EXPERIMENT_MAX_EPOCHS, EXPERIMENT_TRAIN_CHOICES, EXPERIMENT_VALIDATION_CHOICES } from '../../../state/experiment-forms';
import { formatCount } from '../training/training-text';

/** The sizes an experiment's runs share, as its form holds them. */
export interface RunSizes {
  readonly trainImages: string;
  readonly validationImages: string;
  readonly epochs: string;
}

/** Training images, validation images and epochs of every run of an experiment, on one line. */
export function RunSizeFields({ sizes, disabled, onChange }: { readonly sizes: RunSizes; readonly disabled: boolean; readonly onChange: (patch: Partial<RunSizes>) => void }) {
  const id = useId();
  return (
    <div className="experiment-sizes">
      <label htmlFor={`${id}-train`}>Training images</label>
      <select id={`${id}-train`} value={sizes.trainImages} disabled={disabled} onChange={(event) => onChange({ trainImages: event.target.value })}>
        {withCurrent(EXPERIMENT_TRAIN_CHOICES, sizes.trainImages).map((choice) => (
          <option key={choice} value={choice}>
            {formatCount(Number(choice))}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-validation`}>Validation images</label>
      <select id={`${id}-validation`} value={sizes.validationImages} disabled={disabled} onChange={(event) => onChange({ validationImages: event.target.value })}>
        {withCurrent(EXPERIMENT_VALIDATION_CHOICES, sizes.validationImages).map((choice) => (
          <option key={choice} value={choice}>
            {formatCount(Number(choice))}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-epochs`}>Epochs</label>
      <input id={`${id}-epochs`} type="number" min={1} max={EXPERIMENT_MAX_EPOCHS} step={1} inputMode="numeric" value={sizes.epochs} disabled={disabled} onChange={(event) => onChange({ epochs: event.target.value })} />
    </div>
  );
}

function withCurrent(choices: readonly string[], current: string): readonly string[] {
  return choices.includes(current) ? choices : [...choices, current].sort((a, b) => Number(a) - Number(b));
}
