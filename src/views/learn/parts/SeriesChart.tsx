import { formatNumber } from '../format-number';

const WIDTH = 720;
const HEIGHT = 130;
const MARGIN = 22;
/** Room on the left for the axis labels. */
const LEFT = 48;

/** A value placed at a sample of the series (0-based). */
export interface SeriesPoint {
  readonly col: number;
  readonly value: number;
}

/**
 * A time series, its Conv1D output as far as the steps have gone (each value at the sample under the
 * mask's centre), and the pooled values on the samples that won — SVG, so it scales on a projector.
 */
export function SeriesChart({ series, smoothed, pooled }: { series: readonly number[]; smoothed: readonly SeriesPoint[]; pooled: readonly SeriesPoint[] }) {
  const all = [...series, ...smoothed.map((point) => point.value)];
  const low = Math.min(...all);
  const high = Math.max(...all);
  const span = high - low || 1;
  const count = Math.max(series.length, 2);
  const x = (index: number): number => LEFT + (index * (WIDTH - LEFT - MARGIN)) / (count - 1);
  const y = (value: number): number => HEIGHT - MARGIN - ((value - low) * (HEIGHT - 2 * MARGIN)) / span;
  const path = (points: readonly SeriesPoint[]): string => points.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.col).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  return (
    <svg
      className="series-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Chart: the series from ${formatNumber(low)} to ${formatNumber(high)} in gray, the Conv1D output in blue, pooled values as orange squares`}
    >
      <line x1={LEFT} x2={WIDTH - MARGIN} y1={HEIGHT - MARGIN} y2={HEIGHT - MARGIN} className="axis" />
      <text x={4} y={y(high) + 5} className="axis-label">
        {formatNumber(high)}
      </text>
      <text x={4} y={y(low) + 5} className="axis-label">
        {formatNumber(low)}
      </text>
      <path d={path(series.map((value, col) => ({ col, value })))} className="series-raw" />
      {series.map((value, index) => (
        <circle key={index} cx={x(index)} cy={y(value)} r={4} className="series-raw-dot" />
      ))}
      {smoothed.length > 0 && <path d={path(smoothed)} className="series-smooth" />}
      {pooled.map((point, index) => (
        <rect key={index} x={x(point.col) - 7} y={y(point.value) - 7} width={14} height={14} className="series-pooled" />
      ))}
    </svg>
  );
}
