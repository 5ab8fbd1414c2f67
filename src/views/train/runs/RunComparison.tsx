import { useMemo } from 'react';
import type { EpochMetric } from '../../../core/charts/chart-series';
import { comparisonColumns, comparisonCsv, comparisonSummary } from '../../../core/training/run-comparison';
import type { RunSummary } from '../../../core/training/run-record';
import { ChartDataTable } from '../charts/ChartDataTable';
import { ChartFrame } from '../charts/ChartFrame';
import { comparisonLines } from '../charts/chart-style';
import { LiveChart } from '../charts/LiveChart';

/**
 * The chosen runs' curves on shared axes — training solid, validation dashed, one colour per run, the
 * legend naming each — for loss and for accuracy (or the `metrics` asked for). They follow the runs as their epochs arrive.
 */
export function RunComparison({ runs, metrics = ['loss', 'accuracy'] }: { readonly runs: readonly RunSummary[]; readonly metrics?: readonly EpochMetric[] }) {
  return (
    <div className="run-comparison">
      {metrics.map((metric) => (
        <ComparisonChart key={metric} runs={runs} metric={metric} />
      ))}
    </div>
  );
}

function ComparisonChart({ runs, metric }: { readonly runs: readonly RunSummary[]; readonly metric: EpochMetric }) {
  const columns = useMemo(() => comparisonColumns(runs, metric), [runs, metric]);
  const names = runs.map((run) => run.name).join('\u0000');
  // A new set of runs (or a rename) rebuilds the lines; new epochs only feed the same chart.
  const lines = useMemo(() => comparisonLines(names.split('\u0000')), [names]);
  const title = metric === 'loss' ? 'Loss per epoch, runs compared' : 'Accuracy per epoch, runs compared';
  return (
    <ChartFrame
      title={title}
      summary={comparisonSummary(runs, metric)}
      fileName={`runs-${metric}-per-epoch.csv`}
      csv={() => comparisonCsv(runs, metric)}
      table={
        <ChartDataTable
          caption={`${title}: training and validation of each run`}
          header={['Run', 'Epoch', metric, `val_${metric}`]}
          rows={() => comparisonCsv(runs, metric).rows.map((row) => row.map((cell, index) => (index >= 2 && typeof cell === 'number' ? cell.toFixed(4) : String(cell))))}
        />
      }
    >
      <LiveChart lines={lines} columns={columns} xExtent={null} xLabel="Epoch" yLabel={metric === 'loss' ? 'Loss' : 'Accuracy'} valueScale={metric === 'loss' ? 'loss' : 'percent'} height={240} label={`${title}. ${comparisonSummary(runs, metric)}`} />
    </ChartFrame>
  );
}
