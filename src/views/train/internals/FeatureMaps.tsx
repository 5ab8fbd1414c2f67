import { useMemo } from 'react';
import { largestMagnitude } from '../../../core/model/network-internals';
import { volumeFromData } from '../../../core/lessons/volume';
import type { LayerActivations } from '../../../state/slices/inspect-slice';
import { formatNumber } from '../../learn/format-number';
import { PlaneCanvas } from '../../common/PlaneCanvas';

/**
 * The feature maps of one conv or pooling layer: a small heat map per channel, on one scale for the
 * whole layer, so a bright map is a strongly answering filter.
 */
export function FeatureMaps({ layer }: { readonly layer: LayerActivations }) {
  const [height = 1, width = 1, channels = 1] = layer.shape;
  const volume = useMemo(() => volumeFromData(height, width, channels, layer.values), [height, width, channels, layer.values]);
  const scaleMax = useMemo(() => largestMagnitude(layer.values), [layer.values]);
  const silent = useMemo(() => {
    let count = 0;
    for (let channel = 0; channel < channels; channel += 1) {
      let any = false;
      for (let cell = channel; cell < layer.values.length; cell += channels) if ((layer.values[cell] ?? 0) !== 0) any = true;
      if (!any) count += 1;
    }
    return count;
  }, [layer.values, channels]);
  return (
    <section className="internals-part" aria-label={`Feature maps of ${layer.name}`}>
      <h4>
        {layer.name} ({layer.className}): {channels} maps of {height}×{width}
      </h4>
      <p className="internals-note">
        Up to {formatNumber(scaleMax, 3)} (full red){silent > 0 ? `; ${silent} ${silent === 1 ? 'map is' : 'maps are'} all zero for this picture` : ''}.
      </p>
      <ol className="feature-grid">
        {Array.from({ length: channels }, (_, channel) => (
          <li key={channel}>
            <PlaneCanvas volume={volume} channel={channel} scaleMax={scaleMax} sizePx={Math.max(40, Math.min(64, width * 2))} label={`${layer.name}, feature map ${channel + 1}`} />
          </li>
        ))}
      </ol>
    </section>
  );
}
