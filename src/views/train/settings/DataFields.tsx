import { useId } from 'react';
import { selectTrainingForm } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { TRAIN_SUBSET_CHOICES, VALIDATION_SUBSET_CHOICES } from '../../../state/training-form';
import { formatCount } from '../training/training-text';
import type { SettingErrors } from './RunSettings';
import { SettingField } from './SettingField';
import { settingLinkKey } from '../../../core/keras/keras-code';
import { CodeLinked } from '../code/CodeLinked';
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
      <SettingField link="trainSubset" label="Training images" hint="A class-balanced slice of the 50 000; the tutorial uses all" error={errors.trainSubset} disabled={disabled}>
        {(props) => (
          <select {...props} value={form.trainSubset} onChange={(event) => setForm({ trainSubset: event.target.value })}>
            {withChoice(TRAIN_SUBSET_CHOICES, form.trainSubset).map((choice) => (
              <option key={choice} value={choice}>
                {choice === 'all' ? 'all 50 000' : formatCount(Number(choice))}
              </option>
            ))}
          </select>
        )}
      </SettingField>
      <SettingField link="validationSubset" label="Validation images" hint="Test photos scored after every epoch" error={errors.validationSubset} disabled={disabled}>
        {(props) => (
          <select {...props} value={form.validationSubset} onChange={(event) => setForm({ validationSubset: event.target.value })}>
            {withChoice(VALIDATION_SUBSET_CHOICES, form.validationSubset).map((choice) => (
              <option key={choice} value={choice}>
                {choice === 'all' ? 'all 10 000 test images' : formatCount(Number(choice))}
              </option>
            ))}
          </select>
        )}
      </SettingField>
      <CodeLinked linkKey={settingLinkKey('augment')} className="setting-check setting-check-with-hint">
        <input id={`${id}-augment`} type="checkbox" checked={form.augment} disabled={disabled} aria-describedby={`${id}-augment-hint`} onChange={(event) => setForm({ augment: event.target.checked })} />
        <label htmlFor={`${id}-augment`}>Augment the training pictures — mirror left–right and shift up to 2 px, new each epoch</label>
        <span id={`${id}-augment-hint`} className="setting-hint">
          The network never sees quite the same picture twice, so it memorises the training images less; validation images stay as they are.
        </span>
      </CodeLinked>
    </fieldset>
  );
}

/** The offered sizes, plus the current one when it is another (an imported Keras snippet may set any size). */
function withChoice(choices: readonly string[], current: string): readonly string[] {
  if (choices.includes(current)) return choices;
  return [...choices.filter((choice) => choice !== 'all'), current].sort((a, b) => Number(a) - Number(b)).concat(choices.includes('all') ? ['all'] : []);
}
