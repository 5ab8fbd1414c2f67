import { selectTrainingForm } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import type { SettingErrors } from './RunSettings';
import { SettingField } from './SettingField';

/** How long: images per step (batch_size) and passes over the training images (epochs); and the seed that makes a run repeatable. */
export function RunLengthFields({ errors, disabled }: { readonly errors: SettingErrors; readonly disabled: boolean }) {
  const form = useAppStore(selectTrainingForm);
  const setForm = useAppStore((state) => state.setTrainingForm);
  return (
    <fieldset className="settings-group">
      <legend>Length of the run</legend>
      <SettingField link="batchSize" label="Batch size" keras="batch_size" hint="Images per step: one weight update per batch" error={errors.batchSize} disabled={disabled}>
        {(props) => <input {...props} type="number" inputMode="numeric" min={1} step={1} value={form.batchSize} onChange={(event) => setForm({ batchSize: event.target.value })} />}
      </SettingField>
      <SettingField link="epochs" label="Epochs" keras="epochs" hint="Passes over all the training images" error={errors.epochs} disabled={disabled}>
        {(props) => <input {...props} type="number" inputMode="numeric" min={1} step={1} value={form.epochs} onChange={(event) => setForm({ epochs: event.target.value })} />}
      </SettingField>
      <SettingField link="seed" label="Seed" hint="The same seed draws the same weights, subsets, shuffles and dropout: the run can be repeated" error={errors.seed} disabled={disabled}>
        {(props) => <input {...props} type="number" inputMode="numeric" min={0} step={1} value={form.seed} onChange={(event) => setForm({ seed: event.target.value })} />}
      </SettingField>
    </fieldset>
  );
}
