import { useId, useState } from 'react';
import type { LayerType, ModelSpec } from '../../../core/model/model-spec';
import { defaultInsertIndex, EDITABLE_LAYER_TYPES } from '../../../core/model/model-spec-edit';

/**
 * "Add layer": a layer type, a place (before any layer, or at the end; before the output layer unless
 * chosen), and the button. The new layer starts with the tutorial's choices for its type.
 */
export function AddLayerForm({ spec, disabled, onAdd }: { readonly spec: ModelSpec; readonly disabled: boolean; readonly onAdd: (type: LayerType, index: number) => void }) {
  const id = useId();
  const [type, setType] = useState<LayerType>('Conv2D');
  const [chosenIndex, setChosenIndex] = useState<number | null>(null);
  const layerCount = spec.layers.length;
  const index = chosenIndex !== null && chosenIndex <= layerCount ? chosenIndex : defaultInsertIndex(spec);
  return (
    <form
      className="add-layer"
      aria-label="Add a layer"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd(type, index);
        setChosenIndex(null);
      }}
    >
      <div className="layer-field">
        <label htmlFor={`${id}-type`}>Layer type</label>
        <select id={`${id}-type`} value={type} disabled={disabled} onChange={(event) => setType(EDITABLE_LAYER_TYPES.find((name) => name === event.target.value) ?? 'Conv2D')}>
          {EDITABLE_LAYER_TYPES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="layer-field">
        <label htmlFor={`${id}-where`}>Where</label>
        <select id={`${id}-where`} value={index} disabled={disabled} onChange={(event) => setChosenIndex(Number(event.target.value))}>
          {spec.layers.map((layer, layerIndex) => (
            <option key={layerIndex} value={layerIndex}>
              before layer {layerIndex + 1} ({layer.type})
            </option>
          ))}
          <option value={layerCount}>at the end</option>
        </select>
      </div>
      <button type="submit" disabled={disabled}>
        Add layer
      </button>
    </form>
  );
}
