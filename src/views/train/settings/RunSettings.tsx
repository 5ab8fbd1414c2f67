import type { HyperparameterField } from '../../../state/hyperparameter-form';
import type { TrainingFormField } from '../../../state/training-form';
import { DataFields } from './DataFields';
import { EarlyStoppingFields } from './EarlyStoppingFields';
import { OptimizerFields } from './OptimizerFields';
import { RunLengthFields } from './RunLengthFields';
import './settings.css';

/** Every wrong field of the run's settings, by field. */
export type SettingErrors = Partial<Record<TrainingFormField | HyperparameterField, string>>;

/**
 * The run's hyperparameters, grouped as a person thinks of them — which images, how long, how the
 * weights move, when to stop early — each labelled in plain words with Keras' name beside it and its
 * error under it as it is typed. The layers' own hyperparameters are in the architecture editor.
 * Disabled while a run holds the engine.
 */
export function RunSettings({ errors, disabled }: { readonly errors: SettingErrors; readonly disabled: boolean }) {
  return (
    <form className="run-settings" aria-label="Training settings" onSubmit={(event) => event.preventDefault()}>
      <DataFields errors={errors} disabled={disabled} />
      <RunLengthFields errors={errors} disabled={disabled} />
      <OptimizerFields errors={errors} disabled={disabled} />
      <EarlyStoppingFields errors={errors} disabled={disabled} />
    </form>
  );
}
