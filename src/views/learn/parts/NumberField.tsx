import { useId } from 'react';

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  readonly label: string;
  readonly value: string;
  onChange(text: string): void;
  /** Shown under the field, and marks it invalid. */
  readonly error?: string | null;
  /** Size in characters. */
  readonly width?: number;
  /**
   * Marks the field invalid and names the element that says why, when the message is shown elsewhere
   * (under a row of fields, so the row does not move); `error` wins when both are given.
   */
  readonly problemId?: string | null;
}

/** A labelled number box whose error appears right under it (text, so "abc" can be typed and explained). */
export function NumberField({ label, value, onChange, error, width = 4, problemId = null }: NumberFieldProps) {
  const id = useId();
  const describedBy = error ? `${id}-error` : (problemId ?? undefined);
  return (
    <div className="number-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        size={width}
        value={value}
        aria-invalid={Boolean(error) || Boolean(problemId)}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {error && <FieldError id={`${id}-error`} message={error} />}
    </div>
  );
}

/** An inline error sentence, announced when it appears. */
export function FieldError({ message, id }: { message: string; id?: string }) {
  return (
    <p className="field-error" role="alert" id={id}>
      {message}
    </p>
  );
}
