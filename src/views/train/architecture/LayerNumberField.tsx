import { useState } from 'react';
import { formatNumberValue, parseNumberText, unreadableNumberMessage, type NumberFieldSpec } from './layer-fields';

/**
 * One number of a layer, labelled "Filters (filters)". What is typed stays as typed while it is being
 * edited (so "0." can become "0.5"); the layer gets the number, or NaN when the box holds none, which
 * the model check refuses. The box's own problem, or else the model check's `issue`, is shown under it
 * and tied to it (aria-invalid, aria-describedby).
 */
export function LayerNumberField({ field, id, issue, disabled, onChange }: {
  readonly field: NumberFieldSpec;
  readonly id: string;
  readonly issue: string | undefined;
  readonly disabled: boolean;
  readonly onChange: (value: number | null) => void;
}) {
  const [text, setText] = useState(() => formatNumberValue(field.value));
  const [shown, setShown] = useState(field.value);
  // The value changed from outside (a preset, a move that put another layer here): show it.
  if (!Object.is(shown, field.value)) {
    setShown(field.value);
    if (!Object.is(parseNumberText(text, field.emptyMeans !== undefined), field.value)) setText(formatNumberValue(field.value));
  }
  const parsed = parseNumberText(text, field.emptyMeans !== undefined);
  const unreadable = parsed !== null && Number.isNaN(parsed);
  const message = unreadable ? unreadableNumberMessage(field.label, text) : issue;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [message !== undefined ? errorId : null, field.emptyMeans !== undefined ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className="layer-field">
      <label htmlFor={id}>
        {field.label} <span className="keras-name">({field.keras})</span>
      </label>
      <div className="layer-field-control">
        <input
          id={id}
          type="number"
          inputMode={field.whole ? 'numeric' : 'decimal'}
          min={field.min}
          max={field.max}
          step={field.step}
          value={text}
          placeholder={field.emptyMeans !== undefined ? (field.placeholder ?? 'auto') : undefined}
          disabled={disabled}
          aria-invalid={message !== undefined}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onChange={(event) => {
            setText(event.target.value);
            const value = parseNumberText(event.target.value, field.emptyMeans !== undefined);
            setShown(value);
            onChange(value);
          }}
        />
        {/* A box that holds no number: said under it, over what follows, so the cards keep their places. */}
        {unreadable && (
          <span id={errorId} className="layer-field-error layer-field-callout">
            {message}
          </span>
        )}
      </div>
      {/* What the model check says about this number stays in the card: it lasts until the network is fixed. */}
      {!unreadable && message !== undefined && (
        <span id={errorId} className="layer-field-error">
          {message}
        </span>
      )}
      {field.emptyMeans !== undefined && (
        <span id={hintId} className="layer-field-hint">
          Empty: {field.emptyMeans}
        </span>
      )}
    </div>
  );
}
