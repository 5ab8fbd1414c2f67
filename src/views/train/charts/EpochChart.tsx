import { useMemo } from 'react';
import { epochColumns, epochCsvHeader, epochCsvRows, type EpochMetric } from '../../../core/charts/chart-series';
import { selectTrainingEpochs, selectTrainingPosition } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { ChartDataTable } from './ChartDataTable';
import { ChartFrame } from './ChartFrame';
import { epochChartLabel, epochChartSummary, epochTableRows } from './chart-text';
import { EPOCH_LINES } from './chart-style';
import { LiveChart } from './LiveChart';

/**
 * Training and validation loss (or accuracy) after each epoch, as Keras' `history` records them: the
 * gap between the two lines is the overfitting the tutorial warns about.
 */
export function EpochChart({ metric, height = 220, compact = false }: { readonly metric: EpochMetric; /** CSS px of the plot. */ readonly height?: number; /** Small axes, for the dashboard. */ readonly compact?: boolean }) {
  const epochs = useAppStore(selectTrainingEpochs);
  const position = useAppStore(selectTrainingPosition);
  const columns = useMemo(() => {
    const { epochs: x, training, validation } = epochColumns(epochs, metric);
    return [x, training, validation];
  }, [epochs, metric]);
  const totalEpochs = position?.epochs ?? null;
  const title = metric === 'loss' ? 'Loss per epoch' : 'Accuracy per epoch';
  const xExtent = useMemo(() => (totalEpochs !== null ? ([1, Math.max(totalEpochs, 2)] as const) : null), [totalEpochs]);
  return (
    <ChartFrame
      title={title}
      summary={epochChartSummary(metric, epochs, totalEpochs)}
      fileName={`${metric}-per-epoch.csv`}
      csv={() => ({ header: epochCsvHeader(metric), rows: epochCsvRows(epochs, metric) })}
      table={
        <ChartDataTable
          caption={`${title}: training and validation`}
          header={['Epoch', metric === 'loss' ? 'loss' : 'accuracy', metric === 'loss' ? 'val_loss' : 'val_accuracy']}
          rows={() => epochTableRows(metric, epochs)}
        />
      }
    >
      <LiveChart
        lines={EPOCH_LINES}
        columns={columns}
        xExtent={xExtent}
        xLabel="Epoch"
        yLabel={metric === 'loss' ? 'Loss' : 'Accuracy'}
        valueScale={metric === 'loss' ? 'loss' : 'percent'}
        height={height}
        compact={compact}
        label={epochChartLabel(metric, epochs, totalEpochs)}
      />
    </ChartFrame>
  );
}
