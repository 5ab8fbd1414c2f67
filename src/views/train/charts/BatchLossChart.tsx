import { useId, useRef, useState } from 'react';
import { BATCH_CSV_HEADER, batchCsvRows, createBatchLossSeries, syncBatchLossSeries } from '../../../core/charts/chart-series';
import { DEFAULT_SMOOTHING_WEIGHT } from '../../../core/charts/smoothing';
import { selectTrainingBatches, selectTrainingPosition } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { ChartDataTable } from './ChartDataTable';
import { ChartFrame } from './ChartFrame';
import { batchChartLabel, batchChartSummary, batchTableRows } from './chart-text';
import { BATCH_LINES } from './chart-style';
import { LiveChart } from './LiveChart';

/** Smoothing weights offered: higher follows the trend, lower follows each batch. */
const SMOOTHING_CHOICES = [0, 0.6, 0.8, 0.9, 0.95, 0.99] as const;

/**
 * The loss of every training batch as it arrives, raw and smoothed (an exponential moving average
 * whose weight the user picks). The series grows in place: each new batch is appended, not the run
 * recomputed.
 */
export function BatchLossChart({ height = 260, compact = false }: { /** CSS px of the plot. */ readonly height?: number; /** Small axes, for the dashboard. */ readonly compact?: boolean }) {
  const batches = useAppStore(selectTrainingBatches);
  const position = useAppStore(selectTrainingPosition);
  const [weight, setWeight] = useState(DEFAULT_SMOOTHING_WEIGHT);
  const series = useRef(createBatchLossSeries(weight));
  // Idempotent for the same points, so calling it while rendering is safe (and cheap: new points only).
  series.current = syncBatchLossSeries(series.current, batches, weight);
  const current = series.current;
  const totalSteps = position ? position.epochs * position.batchesPerEpoch : null;
  const smoothingId = useId();
  return (
    <ChartFrame
      title="Batch loss"
      summary={batchChartSummary(current, totalSteps)}
      fileName="batch-loss.csv"
      csv={() => ({ header: BATCH_CSV_HEADER, rows: batchCsvRows(current) })}
      controls={
        <span className="chart-smoothing">
          <label htmlFor={smoothingId}>Smoothing</label>
          <select id={smoothingId} value={weight} onChange={(event) => setWeight(Number(event.target.value))}>
            {SMOOTHING_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice === 0 ? 'none' : choice}
              </option>
            ))}
          </select>
        </span>
      }
      table={<ChartDataTable caption="Batch loss: every training step" header={['Step', 'Epoch', 'Batch', 'Loss', 'Smoothed']} rows={() => batchTableRows(current)} />}
    >
      <LiveChart
        lines={BATCH_LINES}
        columns={[current.steps, current.loss, current.smoothed]}
        xExtent={totalSteps !== null ? [1, totalSteps] : null}
        xLabel="Training step"
        yLabel="Loss"
        valueScale="loss"
        height={height}
        compact={compact}
        label={batchChartLabel(current, totalSteps)}
      />
    </ChartFrame>
  );
}
