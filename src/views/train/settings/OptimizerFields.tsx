import { DEFAULT_OPTIMIZER_SETTINGS } from '../../../core/training/hyperparameters';
import { ONE_CYCLE } from '../../../core/training/lr-schedule';
import { selectHyperparameterForm } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import type { SettingErrors } from './RunSettings';
import { SettingField } from './SettingField';

const OPTIMIZER_NAMES = { sgd: 'SGD', adam: 'Adam' } as const;

/**
 * How the weights move: the optimizer, then that optimizer's own learning rate, momentum (SGD only)
 * and Keras' legacy decay — grouped under its name, because each optimizer keeps its own (switching
 * from SGD to Adam shows Adam's 0.001 and no decay, never SGD's numbers) — then the learning-rate
 * schedule and label smoothing.
 */
export function OptimizerFields({ errors, disabled }: { readonly errors: SettingErrors; readonly disabled: boolean }) {
  const form = useAppStore(selectHyperparameterForm);
  const setForm = useAppStore((state) => state.setHyperparameterForm);
  const adam = form.optimizer === 'adam';
  const oneCycle = form.learningRateSchedule === 'one-cycle';
  const name = OPTIMIZER_NAMES[form.optimizer];
  const defaults = DEFAULT_OPTIMIZER_SETTINGS[form.optimizer];
  return (
    <fieldset className="settings-group">
      <legend>Optimizer</legend>
      <SettingField link="optimizer" label="Optimizer" keras="optimizer" hint="How each step changes the weights: SGD with momentum (the tutorial’s) or Adam; each keeps its own numbers below" error={errors.optimizer} disabled={disabled}>
        {(props) => (
          <select {...props} value={form.optimizer} onChange={(event) => setForm({ optimizer: event.target.value === 'adam' ? 'adam' : 'sgd' })}>
            <option value="sgd">SGD</option>
            <option value="adam">Adam</option>
          </select>
        )}
      </SettingField>
      <fieldset className="settings-subgroup">
        <legend>{name}’s own settings</legend>
        <SettingField link="learningRate" label="Learning rate" keras="learning_rate" hint={oneCycle ? 'The peak of the one-cycle schedule' : `Size of each step down the loss (${name} starts at ${defaults.learningRate})`} error={errors.learningRate} disabled={disabled}>
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
        <SettingField
          link="decay"
          label="Decay"
          keras="decay"
          hint={oneCycle ? 'Not used: the one-cycle schedule sets the rate itself' : `${name}’s learning rate ÷ (1 + decay × steps so far); ${name} starts at ${defaults.decay}`}
          error={errors.decay}
          disabled={disabled || oneCycle}
        >
          {(props) => <input {...props} type="number" inputMode="decimal" min={0} step="any" value={form.decay} onChange={(event) => setForm({ decay: event.target.value })} />}
        </SettingField>
      </fieldset>
      <SettingField
        link="learningRateSchedule"
        label="Schedule"
        hint={oneCycle
          ? `From learning rate ÷ ${ONE_CYCLE.startDivisor} up to the learning rate over the first ${ONE_CYCLE.warmUpShare * 100} % of the steps, then smoothly down to almost 0`
          : 'Keras’ decay, as in the tutorial: the rate shrinks a little at every step'}
        error={errors.learningRateSchedule}
        disabled={disabled}
      >
        {(props) => (
          <select {...props} value={form.learningRateSchedule} onChange={(event) => setForm({ learningRateSchedule: event.target.value === 'one-cycle' ? 'one-cycle' : 'decay' })}>
            <option value="decay">Keras decay (the tutorial’s)</option>
            <option value="one-cycle">One cycle (warm up, then anneal)</option>
          </select>
        )}
      </SettingField>
      <SettingField
        link="labelSmoothing"
        label="Label smoothing"
        keras="label_smoothing"
        hint="0 in the tutorial; 0.1 asks for 91 % on the right class instead of 100 %, so the weights need not grow without end"
        error={errors.labelSmoothing}
        disabled={disabled}
      >
        {(props) => <input {...props} type="number" inputMode="decimal" min={0} max={0.99} step={0.05} value={form.labelSmoothing} onChange={(event) => setForm({ labelSmoothing: event.target.value })} />}
      </SettingField>
    </fieldset>
  );
}
