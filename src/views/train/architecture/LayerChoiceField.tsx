import type { ChoiceFieldSpec } from './layer-fields';

/** One choice of a layer (padding, activation), labelled "Padding (padding)", with its issue tied to it. */
export function LayerChoiceField({ field, id, issue, disabled, onChange }: {
  readonly field: ChoiceFieldSpec;
  readonly id: string;
  readonly issue: string | undefined;
  readonly disabled: boolean;
  readonly onChange: (value: string) => void;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="layer-field">
      <label htmlFor={id}>
        {field.label} <span className="keras-name">({field.keras})</span>
      </label>
      <select
        id={id}
        value={field.value}
        disabled={disabled}
        aria-invalid={issue !== undefined}
        aria-describedby={issue !== undefined ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
      {issue !== undefined && (
        <span id={errorId} className="layer-field-error">
          {issue}
        </span>
      )}
    </div>
  );
}
