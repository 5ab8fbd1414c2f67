import type { Ref } from 'react';
import { layerLinkKey } from '../../../core/keras/keras-code';
import type { LayerSpec } from '../../../core/model/model-spec';
import { useCodeLink } from '../code/use-code-link';
import { describeLayerPlainly, type LayerIssues } from './architecture-text';
import { LayerChoiceField } from './LayerChoiceField';
import { layerFields } from './layer-fields';
import { LayerNumberField } from './LayerNumberField';

/** The buttons of a layer that can take the focus after an edit. */
export type LayerButton = 'up' | 'down' | 'remove';

/** What the editor gives each layer. */
export interface LayerCardProps {
  readonly layer: LayerSpec;
  readonly layerIndex: number;
  readonly layerCount: number;
  /** Keras' name for it (`conv2d_1`). */
  readonly kerasName: string;
  readonly issues: LayerIssues;
  readonly disabled: boolean;
  readonly idPrefix: string;
  readonly buttonRef: (button: LayerButton) => Ref<HTMLButtonElement>;
  readonly onChange: (layer: LayerSpec) => void;
  readonly onMove: (offset: -1 | 1) => void;
  readonly onRemove: () => void;
}

/**
 * One layer as a group named "Layer 3: Conv2D": what it does in plain words, an input per
 * hyperparameter, Move up / Move down / Remove, and every problem the model check found with it —
 * on the input at fault, or on the layer when no single input is (aria-invalid + aria-describedby).
 */
export function LayerCard(props: LayerCardProps) {
  const { layer, layerIndex, issues, disabled, idPrefix } = props;
  const fields = layerFields(layer);
  const fieldKeys = new Set(fields.map((field) => field.key));
  // A field problem with no input of its own is shown on the layer, so nothing is lost.
  const layerMessages = [...issues.layer, ...Object.entries(issues.fields).filter(([key]) => !fieldKeys.has(key)).map(([, message]) => message)];
  const headingId = `${idPrefix}-heading`;
  const messageId = `${idPrefix}-message`;
  const invalid = layerMessages.length > 0 || Object.keys(issues.fields).length > 0;
  const code = useCodeLink(layerLinkKey(layerIndex));
  return (
    <li className={[invalid ? 'layer-card layer-card-invalid' : 'layer-card', code.marked ? 'code-linked' : ''].filter(Boolean).join(' ')} {...code.props}>
      <div role="group" aria-labelledby={headingId} aria-invalid={layerMessages.length > 0 ? true : undefined} aria-describedby={layerMessages.length > 0 ? messageId : undefined}>
        <div className="layer-card-head">
          <h4 id={headingId}>
            <span className="layer-number" aria-hidden="true">{layerIndex + 1}</span>
            <span className="visually-hidden">Layer {layerIndex + 1}: </span>
            {layer.type} <span className="keras-name">{props.kerasName}</span>
          </h4>
          <div className="layer-buttons">
            <button type="button" ref={props.buttonRef('up')} disabled={disabled || layerIndex === 0} onClick={() => props.onMove(-1)}>
              Move up
            </button>
            <button type="button" ref={props.buttonRef('down')} disabled={disabled || layerIndex === props.layerCount - 1} onClick={() => props.onMove(1)}>
              Move down
            </button>
            <button type="button" ref={props.buttonRef('remove')} disabled={disabled} onClick={props.onRemove}>
              Remove
            </button>
          </div>
        </div>
        <p className="layer-description">{describeLayerPlainly(layer)}</p>
        {fields.length > 0 && (
          <div className="layer-fields">
            {fields.map((field) =>
              field.kind === 'number' ? (
                <LayerNumberField key={field.key} field={field} id={`${idPrefix}-${field.key}`} issue={issues.fields[field.key]} disabled={disabled} onChange={(value) => props.onChange(field.withValue(value))} />
              ) : (
                <LayerChoiceField key={field.key} field={field} id={`${idPrefix}-${field.key}`} issue={issues.fields[field.key]} disabled={disabled} onChange={(value) => props.onChange(field.withValue(value))} />
              ),
            )}
          </div>
        )}
        {layerMessages.length > 0 && (
          <p id={messageId} className="layer-error">
            {layerMessages.join(' ')}
          </p>
        )}
      </div>
    </li>
  );
}
