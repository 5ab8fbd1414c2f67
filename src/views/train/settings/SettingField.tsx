import { useId, type ReactElement } from 'react';
import { settingLinkKey, type LabSetting } from '../../../core/keras/keras-code';
import { useCodeLink } from '../code/use-code-link';

/** What a field's control must carry so its label, hint and error reach assistive technology. */
export interface ControlProps {
  readonly id: string;
  readonly disabled: boolean;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
}

/**
 * A labelled setting: "Learning rate (learning_rate)" over its control, a hint in plain words, and the
 * error as it is typed, both tied to the control by aria-describedby.
 */
export function SettingField({ label, keras, hint, error, disabled, link, children }: {
  readonly label: string;
  /** The setting it sets, so the code view can mark its line (and this field for a hovered line). */
  readonly link?: LabSetting;
  /** Keras' name for it, shown beside the label; omitted for settings Keras has no name for. */
  readonly keras?: string;
  readonly hint?: string;
  readonly error?: string;
  readonly disabled: boolean;
  readonly children: (props: ControlProps) => ReactElement;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const code = useCodeLink(link === undefined ? undefined : settingLinkKey(link));
  const describedBy = [error !== undefined ? errorId : null, hint !== undefined ? hintId : null].filter(Boolean).join(' ');
  const classes = ['setting-field', code.marked ? 'code-linked' : null, error !== undefined ? 'setting-field-invalid' : null].filter(Boolean).join(' ');
  return (
    <div className={classes} {...code.props}>
      <label htmlFor={id}>
        {label}
        {keras !== undefined && <span className="keras-name"> ({keras})</span>}
      </label>
      {children({ id, disabled, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy === '' ? undefined : describedBy })}
      {/* The error takes the hint's place (the hint keeps its space, unseen), so it covers no other field and the fields around it move at most by the lines it needs beyond the hint's. */}
      {(hint !== undefined || error !== undefined) && (
        <div className="setting-note">
          {hint !== undefined && (
            <span id={hintId} className="setting-hint">
              {hint}
            </span>
          )}
          {error !== undefined && (
            <span id={errorId} className="setting-error">
              {error}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
