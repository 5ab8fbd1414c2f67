import { useId } from 'react';
import { selectHyperparameterForm } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import type { SettingErrors } from './RunSettings';
import { settingLinkKey } from '../../../core/keras/keras-code';
import { CodeLinked } from '../code/CodeLinked';
import { SettingField } from './SettingField';

/**
 * Keras' EarlyStopping callback: whether to use it, which validation number to watch, what counts as
 * an improvement, how long to wait for one, and whether to go back to the best epoch's weights.
 */
export function EarlyStoppingFields({ errors, disabled }: { readonly errors: SettingErrors; readonly disabled: boolean }) {
  const form = useAppStore(selectHyperparameterForm);
  const setForm = useAppStore((state) => state.setHyperparameterForm);
  const id = useId();
  const off = disabled || !form.earlyStopping;
  return (
    <fieldset className="settings-group">
      <legend>Early stopping</legend>
      <CodeLinked linkKey={settingLinkKey('earlyStopping')} className="setting-check">
        <input id={`${id}-on`} type="checkbox" checked={form.earlyStopping} disabled={disabled} onChange={(event) => setForm({ earlyStopping: event.target.checked })} />
        <label htmlFor={`${id}-on`}>
          Stop when validation stops improving <span className="keras-name">(EarlyStopping)</span>
        </label>
      </CodeLinked>
      <SettingField link="monitor" label="Watch" keras="monitor" hint="val_loss or val_accuracy, after every epoch" error={errors.monitor} disabled={off}>
        {(props) => (
          <select {...props} value={form.monitor} onChange={(event) => setForm({ monitor: event.target.value === 'val_accuracy' ? 'val_accuracy' : 'val_loss' })}>
            <option value="val_loss">validation loss</option>
            <option value="val_accuracy">validation accuracy</option>
          </select>
        )}
      </SettingField>
      <SettingField link="minDelta" label="Smallest improvement" keras="min_delta" hint="A smaller change does not count" error={errors.minDelta} disabled={off}>
        {(props) => <input {...props} type="number" inputMode="decimal" min={0} step="any" value={form.minDelta} onChange={(event) => setForm({ minDelta: event.target.value })} />}
      </SettingField>
      <SettingField link="patience" label="Patience" keras="patience" hint="Epochs without improvement before stopping" error={errors.patience} disabled={off}>
        {(props) => <input {...props} type="number" inputMode="numeric" min={0} step={1} value={form.patience} onChange={(event) => setForm({ patience: event.target.value })} />}
      </SettingField>
      <CodeLinked linkKey={settingLinkKey('restoreBestWeights')} className="setting-check">
        <input id={`${id}-restore`} type="checkbox" checked={form.restoreBestWeights} disabled={off} onChange={(event) => setForm({ restoreBestWeights: event.target.checked })} />
        <label htmlFor={`${id}-restore`}>
          Go back to the best epoch’s weights <span className="keras-name">(restore_best_weights)</span>
        </label>
      </CodeLinked>
    </fieldset>
  );
}
