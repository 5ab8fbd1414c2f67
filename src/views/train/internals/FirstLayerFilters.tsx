import { useLayoutEffect, useMemo, useRef } from 'react';
import type { FilterBank } from '../../../core/lessons/conv2d';
import { filterPlane, filterTileRgb, largestMagnitude } from '../../../core/model/network-internals';
import type { FirstConvLayer } from '../../../state/slices/inspect-slice';
import { drawRgbBytes } from '../../../render/draw-rgb-bytes';
import { formatNumber } from '../../learn/format-number';
import { PlaneCanvas } from '../../common/PlaneCanvas';

const CHANNEL_NAMES = ['red', 'green', 'blue'];

/** The kernel of a conv layer as the core's filter bank (HWIO, the same layout). */
export function filterBankOf(conv: FirstConvLayer): FilterBank {
  const [height, width, inChannels, outChannels] = conv.kernelShape;
  return { height, width, inChannels, outChannels, data: Float64Array.from(conv.kernel) };
}

/**
 * Every filter of the first conv layer twice over: as a colour tile (its red, green and blue weights
 * stretched to 0…255, so it shows the colour pattern it responds to) and as one heat map per input
 * channel on a scale shared by the whole layer (white 0, red +, blue −).
 */
export function FirstLayerFilters({ conv }: { readonly conv: FirstConvLayer }) {
  const bank = useMemo(() => filterBankOf(conv), [conv]);
  const scaleMax = useMemo(() => largestMagnitude(conv.kernel), [conv]);
  const planes = useMemo(
    () => Array.from({ length: bank.outChannels }, (_, filter) => Array.from({ length: bank.inChannels }, (_, channel) => filterPlane(bank, filter, channel))),
    [bank],
  );
  const rgb = bank.inChannels === 3;
  return (
    <section className="internals-part" aria-label="First-layer filters">
      <h4>
        The {bank.outChannels} filters of {conv.name} ({bank.height}×{bank.width}×{bank.inChannels})
      </h4>
      <p className="internals-note">
        {rgb ? 'Each tile is one filter in colour (its weights stretched to full brightness); below it, its weights for red, green and blue. ' : ''}
        Heat maps: white 0, red positive, blue negative, up to ±{formatNumber(scaleMax, 3)}.
      </p>
      <ol className="filter-grid">
        {planes.map((channels, filter) => (
          <li key={filter} className="filter-card">
            <span className="filter-name">{filter + 1}</span>
            {rgb && <FilterTile bank={bank} filter={filter} />}
            <span className="filter-channels">
              {channels.map((plane, channel) => (
                <PlaneCanvas
                  key={channel}
                  volume={plane}
                  channel={0}
                  scaleMax={scaleMax}
                  sizePx={18}
                  label={`Filter ${filter + 1}, ${CHANNEL_NAMES[channel] ?? `channel ${channel + 1}`} weights`}
                />
              ))}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function FilterTile({ bank, filter }: { readonly bank: FilterBank; readonly filter: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    if (canvas.current) drawRgbBytes(canvas.current, filterTileRgb(bank, filter), 0, bank.width, bank.height);
  }, [bank, filter]);
  return <canvas ref={canvas} className="filter-tile" role="img" aria-label={`Filter ${filter + 1} in colour`} style={{ width: 48, height: Math.round((48 * bank.height) / bank.width) }} />;
}
