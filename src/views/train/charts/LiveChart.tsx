import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { selectTheme } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { AXIS_COLOUR, AXIS_FONT, AXIS_FONT_SMALL, AXIS_LABEL_FONT, GRID_COLOUR, resolveCssColour, type ChartLine } from './chart-style';

/** How the y axis is scaled: a loss from 0 up, or a percentage 0…100. */
export type ValueScale = 'loss' | 'percent';

/** What a live chart draws. `columns` are uPlot's: x values, then one array per line, all one length. */
export interface LiveChartProps {
  readonly lines: readonly ChartLine[];
  readonly columns: readonly (readonly (number | null)[])[];
  /** The x extent the run will reach (e.g. steps 1…400), so points fill in left to right; null: fit the data. */
  readonly xExtent: readonly [number, number] | null;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly valueScale: ValueScale;
  /** CSS pixels. */
  readonly height: number;
  /** What the picture shows, with its latest values (the chart's accessible name). */
  readonly label: string;
  /** Narrow axes in smaller type and no x-axis title (the dashboard's low charts); false: the full-size axes. */
  readonly compact?: boolean;
}

/** Axis sizes (CSS px) and fonts of a full-size and a compact chart. */
const AXES = {
  full: { font: AXIS_FONT, labelSize: 30, xSize: 44, ySize: 64, ySizePercent: 68, showXLabel: true },
  // A percent axis is wider: "100 %" would otherwise run into the axis title.
  compact: { font: AXIS_FONT_SMALL, labelSize: 22, xSize: 26, ySize: 52, ySizePercent: 62, showXLabel: false },
} as const;

/**
 * A uPlot line chart made once and fed as points arrive: new data is handed to the same chart
 * (`setData`) at most once per animation frame, so a fast run never rebuilds the chart or stalls the
 * page. It fills its container's width and follows it. The canvas is an image to assistive technology
 * (role img, `label`); the numbers themselves are in the data table beside it.
 */
export function LiveChart({ lines, columns, xExtent, xLabel, yLabel, valueScale, height, label, compact = false }: LiveChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const latest = useRef({ columns, xExtent });
  const frame = useRef<number | null>(null);
  // A new theme means new colours: the chart is made again with them.
  const theme = useAppStore(selectTheme);

  useEffect(() => {
    latest.current = { columns, xExtent };
    if (frame.current !== null) return;
    // Several store updates in one frame become one redraw, with the newest data.
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      plotRef.current?.setData(toAligned(latest.current.columns));
    });
  }, [columns, xExtent]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const axisColour = resolveCssColour(AXIS_COLOUR);
    const gridColour = resolveCssColour(GRID_COLOUR);
    const axes = compact ? AXES.compact : AXES.full;
    const options: uPlot.Options = {
      width: Math.max(container.clientWidth, 200),
      height,
      scales: {
        x: { time: false, range: (_self, min, max) => xRange(latest.current.xExtent, min, max) },
        y: { range: (_self, min, max) => (valueScale === 'percent' ? [0, 100] : lossRange(min, max)) },
      },
      axes: [
        { label: axes.showXLabel ? xLabel : undefined, incrs: WHOLE_STEPS, font: axes.font, labelFont: AXIS_LABEL_FONT, labelSize: axes.showXLabel ? axes.labelSize : 0, size: axes.xSize, stroke: axisColour, grid: { stroke: gridColour, width: 1 }, ticks: { stroke: axisColour } },
        {
          label: yLabel, font: axes.font, labelFont: AXIS_LABEL_FONT, labelSize: axes.labelSize, size: valueScale === 'percent' ? axes.ySizePercent : axes.ySize, stroke: axisColour, grid: { stroke: gridColour, width: 1 }, ticks: { stroke: axisColour },
          values: valueScale === 'percent' ? (_self, ticks) => ticks.map((tick) => `${tick} %`) : undefined,
        },
      ],
      series: [
        { label: xLabel },
        ...lines.map((line) => ({
          label: line.label,
          stroke: resolveCssColour(line.color),
          width: line.width,
          dash: line.dash ? [...line.dash] : undefined,
          points: { show: line.points === true, size: 11, width: 2, fill: resolveCssColour(line.color) },
          spanGaps: true,
        })),
      ],
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
    };
    const plot = new uPlot(options, toAligned(latest.current.columns), container);
    plotRef.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(container.clientWidth, 200), height }));
    resize.observe(container);
    return () => {
      resize.disconnect();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
      plot.destroy();
      plotRef.current = null;
    };
  }, [lines, xLabel, yLabel, valueScale, height, theme, compact]);

  return <div ref={containerRef} className="live-chart" role="img" aria-label={label} />;
}

function toAligned(columns: readonly (readonly (number | null)[])[]): uPlot.AlignedData {
  return columns as unknown as uPlot.AlignedData;
}

/** The run's whole extent when known (growing if the data goes past it), else the data's, never empty. */
function xRange(extent: readonly [number, number] | null, min: number | null, max: number | null): uPlot.Range.MinMax {
  const low = extent?.[0] ?? min ?? 0;
  const high = Math.max(extent?.[1] ?? max ?? 1, max ?? low);
  return high > low ? [low, high] : [low, low + 1];
}

/** Tick spacings for counts (steps, epochs): whole numbers only. */
const WHOLE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 25_000, 50_000, 100_000];

/**
 * A loss axis fitted to the losses seen, with a margin, on round tenths: early in a run the loss moves
 * by hundredths, which an axis from 0 would flatten. Before any point, 0…2.5 (a fresh ten-class
 * network starts near ln 10 ≈ 2.30).
 */
function lossRange(min: number | null, max: number | null): uPlot.Range.MinMax {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 2.5];
  const margin = Math.max((max - min) * 0.1, 0.05);
  const low = Math.max(0, Math.floor((min - margin) * 10) / 10);
  const high = Math.ceil((max + margin) * 10) / 10;
  return [low, high > low ? high : low + 0.1];
}
