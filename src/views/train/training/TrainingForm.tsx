import { useId } from 'react';
import { selectTrainingForm } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { TRAIN_SUBSET_CHOICES, VALIDATION_SUBSET_CHOICES, type TrainingFormField } from '../../../state/training-form';
import { formatCount } from './training-text';

/**
 * The run's size: how many training and validation images, epochs and batch size, each with its error
 * under it as it is typed. Disabled while a run holds the engine.
 */
export function TrainingForm({ errors, disabled }: { readonly errors: Partial<Record<TrainingFormField, string>>; readonly disabled: boolean }) {
  const form = useAppStore(selectTrainingForm);
  const setForm = useAppStore((state) => state.setTrainingForm);
  const id = useId();
  const errorId = (field: TrainingFormField) => `${id}-${field}-error`;
  const fieldProps = (field: TrainingFormField) => ({
    id: `${id}-${field}`,
    disabled,
    'aria-invalid': errors[field] !== undefined,
    'aria-describedby': errors[field] !== undefined ? errorId(field) : undefined,
  });
  const error = (field: TrainingFormField) =>
    errors[field] !== undefined ? (
      <p id={errorId(field)} className="training-field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form className="training-form" aria-label="Training settings" onSubmit={(event) => event.preventDefault()}>
      <div className="training-field">
        <label htmlFor={`${id}-trainSubset`}>Training images</label>
        <select {...fieldProps('trainSubset')} value={form.trainSubset} onChange={(event) => setForm({ trainSubset: event.target.value })}>
          {TRAIN_SUBSET_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'all' ? 'all 50 000' : formatCount(Number(choice))}
            </option>
          ))}
        </select>
        {error('trainSubset')}
      </div>
      <div className="training-field">
        <label htmlFor={`${id}-validationSubset`}>Validation images</label>
        <select {...fieldProps('validationSubset')} value={form.validationSubset} onChange={(event) => setForm({ validationSubset: event.target.value })}>
          {VALIDATION_SUBSET_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'all' ? 'all 10 000 test images' : formatCount(Number(choice))}
            </option>
          ))}
        </select>
        {error('validationSubset')}
      </div>
      <div className="training-field">
        <label htmlFor={`${id}-epochs`}>Epochs</label>
        <input {...fieldProps('epochs')} type="number" inputMode="numeric" min={1} step={1} value={form.epochs} onChange={(event) => setForm({ epochs: event.target.value })} />
        {error('epochs')}
      </div>
      <div className="training-field">
        <label htmlFor={`${id}-batchSize`}>Batch size</label>
        <input {...fieldProps('batchSize')} type="number" inputMode="numeric" min={1} step={1} value={form.batchSize} onChange={(event) => setForm({ batchSize: event.target.value })} />
        {error('batchSize')}
      </div>
    </form>
  );
}
