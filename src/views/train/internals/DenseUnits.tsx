import { useMemo } from 'react';
import { topActivations } from '../../../core/model/network-internals';
import type { LayerActivations } from '../../../state/slices/inspect-slice';
import { formatNumber } from '../../learn/format-number';
import { BarTable } from './BarTable';

/** Units listed per dense layer. */
const TOP_UNITS = 10;

/** A dense layer's strongest units for this picture: which of its units answer most, and how much. */
export function DenseUnits({ layer }: { readonly layer: LayerActivations }) {
  const top = useMemo(() => topActivations(layer.values, TOP_UNITS), [layer.values]);
  const active = useMemo(() => layer.values.reduce((count, value) => count + (value > 0 ? 1 : 0), 0), [layer.values]);
  const largest = Math.max(top[0]?.value ?? 0, 1e-12);
  return (
    <section className="internals-part" aria-label={`Strongest units of ${layer.name}`}>
      <h4>
        {layer.name} ({layer.values.length} units): the {top.length} strongest
      </h4>
      <p className="internals-note">
        {active} of {layer.values.length} units answer this picture at all (above 0); ReLU silenced the rest.
      </p>
      <BarTable
        columns={['Unit', 'Activation']}
        rows={top.map(({ unit, value }) => ({ key: unit, label: `#${unit + 1}`, fraction: value / largest, text: formatNumber(value, 3) }))}
      />
    </section>
  );
}
