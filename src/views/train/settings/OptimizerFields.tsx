import { selectHyperparameterForm } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import type { SettingErrors } from './RunSettings';
import { SettingField } from './SettingField';

/** How the weights move: the optimizer, its learning rate, SGD's momentum and Keras' legacy decay. */
export function OptimizerFields({ errors, disabled }: { readonly errors: SettingErrors; readonly disabled: boolean }) {
  const form = useAppStore(selectHyperparameterForm);
  const setForm = useAppStore((state) => state.setHyperparameterForm);
  const adam = form.optimizer === 'adam';
  return (
    <fieldset className="settings-group">
      <legend>Optimizer</legend>
      <SettingField link="optimizer" label="Optimizer" keras="optimizer" hint="How each step changes the weights: SGD with momentum (the tutorial’s) or Adam" error={errors.optimizer} disabled={disabled}>
        {(props) => (
          <select {...props} value={form.optimizer} onChange={(event) => setForm({ optimizer: event.target.value === 'adam' ? 'adam' : 'sgd' })}>
            <option value="sgd">SGD</option>
            <option value="adam">Adam</option>
          </select>
        )}
      </SettingField>
      <SettingField link="learningRate" label="Learning rate" keras="learning_rate" hint="Size of each step down the loss" error={errors.learningRate} disabled={disabled}>
        {(props) => <input {...props} type="number" inputMode="decimal" min={0} step="any" value={form.learningRate} onChange={(event) => setForm({ learningRate: event.target.value })} />}
      </SettingField>
      <SettingField
        link="momentum"
        label="Momentum"
        keras="momentum"
        hint={adam ? 'Only SGD uses it; Adam keeps its own running averages' : 'Share of the last step carried into the next'}
        error={errors.momentum}
        disabled={disabled || adam}
      >
        {(props) => <input {...props} type="number" inputMode="decimal" min={0} max={0.99} step={0.05} value={form.momentum} onChange={(event) => setForm({ momentum: event.target.value })} />}
      </SettingField>
      <SettingField link="decay" label="Decay" keras="decay" hint="Learning rate ÷ (1 + decay × steps so far)" error={errors.decay} disabled={disabled}>
        {(props) => <input {...props} type="number" inputMode="decimal" min={0} step="any" value={form.decay} onChange={(event) => setForm({ decay: event.target.value })} />}
      </SettingField>
    </fieldset>
  );
}
