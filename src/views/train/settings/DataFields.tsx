import { useId } from 'react';
import { selectTrainingForm } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { TRAIN_SUBSET_CHOICES, VALIDATION_SUBSET_CHOICES } from '../../../state/training-form';
import { formatCount } from '../training/training-text';
import type { SettingErrors } from './RunSettings';
import { SettingField } from './SettingField';
import './data-fields.css';

/**
 * Which images: how many training photos each epoch sees, how many test photos validate it, and
 * whether the training photos are varied (mirrored, shifted) at every step.
 */
export function DataFields({ errors, disabled }: { readonly errors: SettingErrors; readonly disabled: boolean }) {
  const form = useAppStore(selectTrainingForm);
  const setForm = useAppStore((state) => state.setTrainingForm);
  const id = useId();
  return (
    <fieldset className="settings-group">
      <legend>Data</legend>
      <SettingField label="Training images" hint="A class-balanced slice of the 50 000; the tutorial uses all" error={errors.trainSubset} disabled={disabled}>
        {(props) => (
          <select {...props} value={form.trainSubset} onChange={(event) => setForm({ trainSubset: event.target.value })}>
            {TRAIN_SUBSET_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice === 'all' ? 'all 50 000' : formatCount(Number(choice))}
              </option>
            ))}
          </select>
        )}
      </SettingField>
      <SettingField label="Validation images" hint="Test photos scored after every epoch" error={errors.validationSubset} disabled={disabled}>
        {(props) => (
          <select {...props} value={form.validationSubset} onChange={(event) => setForm({ validationSubset: event.target.value })}>
            {VALIDATION_SUBSET_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice === 'all' ? 'all 10 000 test images' : formatCount(Number(choice))}
              </option>
            ))}
          </select>
        )}
      </SettingField>
      <div className="setting-check setting-check-with-hint">
        <input id={`${id}-augment`} type="checkbox" checked={form.augment} disabled={disabled} aria-describedby={`${id}-augment-hint`} onChange={(event) => setForm({ augment: event.target.checked })} />
        <label htmlFor={`${id}-augment`}>Augment the training pictures — mirror left–right and shift up to 2 px, new each epoch</label>
        <span id={`${id}-augment-hint`} className="setting-hint">
          The network never sees quite the same picture twice, so it memorises the training images less; validation images stay as they are.
        </span>
      </div>
    </fieldset>
  );
}
