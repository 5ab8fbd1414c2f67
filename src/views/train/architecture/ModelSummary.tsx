import { MODEL_INPUT_SHAPE, type ModelSpec } from '../../../core/model/model-spec';
import { kerasLayerNames } from '../../../core/model/model-spec-edit';
import { formatOutputShape, type SpecAnalysis } from '../../../core/model/model-spec-validate';
import { formatCount } from '../training/training-text';
import { describeRegularisation } from './architecture-text';

/** Bytes per float32 weight. */
const BYTES_PER_WEIGHT = 4;

/**
 * The network as Keras' `model.summary()` prints it: each layer's name and type, output shape (with
 * the batch axis as None) and parameter count, then the total. Layers the check could not reach (after
 * the first one whose shape fails) show "—", and so does the total until the network is valid.
 */
export function ModelSummary({ spec, analysis }: { readonly spec: ModelSpec; readonly analysis: SpecAnalysis }) {
  const names = kerasLayerNames(spec);
  const summaries = new Map(analysis.layers.map((summary) => [summary.layerIndex, summary]));
  const total = analysis.ok ? analysis.totalParams : null;
  return (
    // Focusable and named: the table scrolls sideways inside this box on narrow windows, and a keyboard
    // user must be able to reach it to scroll it (axe: scrollable-region-focusable).
    <div className="model-summary" tabIndex={0} role="region" aria-label="Model summary, scrolls sideways">
      <table>
        <caption>
          Model summary <span className="model-summary-input">input {formatOutputShape([...MODEL_INPUT_SHAPE])}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Layer (type)</th>
            <th scope="col">Output shape</th>
            <th scope="col">Param #</th>
          </tr>
        </thead>
        <tbody>
          {spec.layers.map((layer, layerIndex) => {
            const summary = summaries.get(layerIndex);
            return (
              <tr key={layerIndex} className={summary ? undefined : 'model-summary-unknown'}>
                <th scope="row">
                  {names[layerIndex]} ({layer.type})
                  {describeRegularisation(layer) !== null && <span className="model-summary-regularisers">{describeRegularisation(layer)}</span>}
                </th>
                <td>{summary ? formatOutputShape(summary.outputShape) : '—'}</td>
                <td>{summary ? formatCount(summary.params) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total params
            </th>
            <td data-testid="total-params">{total === null ? '—' : formatCount(total)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="model-summary-total" aria-live="polite">
        {total === null
          ? 'The total appears once every layer fits.'
          : `${formatCount(total)} parameters to learn: ${((total * BYTES_PER_WEIGHT) / 1e6).toFixed(1)} MB of float32 weights.`}
      </p>
    </div>
  );
}
