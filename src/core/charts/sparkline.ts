/**
 * The points of a sparkline: a tiny line chart without axes, for the training dock. Pure, so the
 * thinning and scaling are tested without a DOM.
 */

/** Most points drawn: more would not show on a line a few hundred pixels wide. */
export const SPARKLINE_MAX_POINTS = 200;

/**
 * SVG `points` for `values` drawn left to right across `width` × `height` px, `range` [low, high]
 * mapped bottom to top (values outside are clamped). Long series are thinned to at most `maxPoints`
 * evenly spaced values, always keeping the last, so the line ends at the newest value. Non-finite
 * values (a diverged loss) are left out. Empty input gives ''.
 */
export function sparklinePoints(values: readonly number[], width: number, height: number, range: readonly [number, number], maxPoints: number = SPARKLINE_MAX_POINTS): string {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return '';
  const stride = Math.max(1, Math.ceil(finite.length / maxPoints));
  const kept = finite.filter((_value, index) => index % stride === 0 || index === finite.length - 1);
  const [low, high] = range;
  const span = high > low ? high - low : 1;
  const lastIndex = Math.max(kept.length - 1, 1);
  return kept
    .map((value, index) => {
      const x = (index / lastIndex) * width;
      const fraction = Math.min(Math.max((value - low) / span, 0), 1);
      const y = height - fraction * height;
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

/**
 * A loss axis for a sparkline: the losses seen with a margin (a run's loss moves by tenths, which an
 * axis from 0 would flatten), never below 0; before any loss, 0…2.5 (a fresh network's ln 10 ≈ 2.3).
 */
export function lossSparklineRange(losses: readonly number[]): readonly [number, number] {
  const finite = losses.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return [0, 2.5];
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const margin = Math.max((high - low) * 0.15, 0.05);
  return [Math.max(0, low - margin), high + margin];
}

/**
 * An accuracy axis for a sparkline: the accuracies seen with a margin, within 0…1 and at least 0.1
 * tall — a run climbing from 10 % to 30 % would be a flat line along the bottom of a 0…100 % axis.
 * Before any accuracy, 0…1.
 */
export function accuracySparklineRange(accuracies: readonly number[]): readonly [number, number] {
  const finite = accuracies.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return [0, 1];
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const margin = Math.max((high - low) * 0.15, 0.02);
  let bottom = Math.max(0, low - margin);
  let top = Math.min(1, high + margin);
  if (top - bottom < 0.1) {
    const middle = (top + bottom) / 2;
    bottom = Math.max(0, Math.min(middle - 0.05, 0.9));
    top = bottom + 0.1;
  }
  return [bottom, top];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
