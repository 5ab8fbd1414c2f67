import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { kerasLayerNames } from '../../../core/model/model-spec-edit';
import { isActive } from '../../../core/training/training-lifecycle';
import { analyseModelSpec, describeLayer } from '../../../core/model/model-spec-validate';
import { selectModelSpec, selectTrainingPhase } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { sortIssues } from './architecture-text';
import { AddLayerForm } from './AddLayerForm';
import { LayerCard, type LayerButton } from './LayerCard';
import { ModelSummary } from './ModelSummary';
import { RecipePresets } from './RecipePresets';
import { RegularisationGuide } from './RegularisationGuide';
import './architecture.css';

/**
 * The network to train, as a list of layers to edit — add, remove, reorder, change any hyperparameter —
 * beside the Keras-style summary that follows every edit. Problems are shown on the layer at fault and
 * keep Start off (the Train panel says why). After a move or a removal the keyboard focus stays with
 * the moved layer (or its neighbour), and a polite announcement says what happened.
 */
export function ArchitectureEditor() {
  const headingId = useId();
  const idPrefix = useId();
  const spec = useAppStore(selectModelSpec);
  const phase = useAppStore(selectTrainingPhase);
  const replaceLayer = useAppStore((state) => state.replaceModelLayer);
  const moveLayer = useAppStore((state) => state.moveModelLayer);
  const removeLayer = useAppStore((state) => state.removeModelLayer);
  const addLayer = useAppStore((state) => state.addModelLayer);
  const locked = isActive(phase);
  const analysis = useMemo(() => analyseModelSpec(spec), [spec]);
  const issues = useMemo(() => sortIssues(analysis, spec.layers.length), [analysis, spec.layers.length]);
  const names = kerasLayerNames(spec);
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const pendingFocus = useRef<{ readonly layerIndex: number; readonly button: LayerButton } | null>(null);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    // The same button if it is still usable there (a layer moved to the top cannot move up again).
    const order: LayerButton[] = [target.button, target.button === 'up' ? 'down' : 'up', 'remove'];
    for (const button of order) {
      const element = buttons.current.get(`${target.layerIndex}:${button}`);
      if (element && !element.disabled) {
        element.focus();
        return;
      }
    }
  });

  const buttonRef = (layerIndex: number) => (button: LayerButton) => (element: HTMLButtonElement | null) => {
    const key = `${layerIndex}:${button}`;
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <section className="train-panel architecture" aria-labelledby={headingId}>
      <div className="architecture-header">
        <h3 id={headingId}>Network architecture</h3>
        <RecipePresets
          disabled={locked}
          onApplied={(recipe) => setAnnouncement(recipe.id === 'tutorial' ? 'The tutorial model and its settings are back.' : `${recipe.name}: its network and settings are set.`)}
        />
      </div>
      {locked && <p className="architecture-locked">A run is using this network: stop it or let it finish to change the layers.</p>}
      <div className="architecture-body">
        <div className="architecture-layers">
          <p className="architecture-input">Input: one 32 × 32 photo with 3 colour channels (red, green, blue).</p>
          <ol className="layer-list" aria-label="Layers">
            {spec.layers.map((layer, layerIndex) => (
              <LayerCard
                key={layerIndex}
                layer={layer}
                layerIndex={layerIndex}
                layerCount={spec.layers.length}
                kerasName={names[layerIndex] ?? ''}
                issues={issues.layers[layerIndex] ?? { fields: {}, layer: [] }}
                disabled={locked}
                idPrefix={`${idPrefix}-layer-${layerIndex}`}
                buttonRef={buttonRef(layerIndex)}
                onChange={(changed) => replaceLayer(layerIndex, changed)}
                onMove={(offset) => {
                  moveLayer(layerIndex, offset);
                  pendingFocus.current = { layerIndex: layerIndex + offset, button: offset < 0 ? 'up' : 'down' };
                  setAnnouncement(`Moved ${describeLayer(layerIndex, layer.type)} ${offset < 0 ? 'up' : 'down'}: it is layer ${layerIndex + offset + 1} now.`);
                }}
                onRemove={() => {
                  removeLayer(layerIndex);
                  pendingFocus.current = { layerIndex: Math.min(layerIndex, spec.layers.length - 2), button: 'remove' };
                  setAnnouncement(`Removed ${describeLayer(layerIndex, layer.type)}.`);
                }}
              />
            ))}
          </ol>
          {issues.model.length > 0 && (
            <p className="layer-error" role="alert">
              {issues.model.join(' ')}
            </p>
          )}
          <AddLayerForm
            spec={spec}
            disabled={locked}
            onAdd={(type, index) => {
              addLayer(type, index);
              setAnnouncement(`Added a ${type} layer as layer ${index + 1}.`);
            }}
          />
        </div>
        <div className="architecture-side">
          <ModelSummary spec={spec} analysis={analysis} />
          <RegularisationGuide spec={spec} analysis={analysis} />
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
