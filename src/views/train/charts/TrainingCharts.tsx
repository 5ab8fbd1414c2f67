import { useId } from 'react';
import { BatchLossChart } from './BatchLossChart';
import { EpochChart } from './EpochChart';
import './charts.css';

/** Plot heights (CSS px) small enough that the dashboard's three charts share the first screen with the controls. */
const COMPACT_HEIGHTS = { batch: 130, epoch: 130 } as const;
const FULL_HEIGHTS = { batch: 260, epoch: 220 } as const;

/**
 * The live charts of the shown run: batch loss, then loss and accuracy per epoch side by side.
 * `compact`: lower plots and a hidden heading, for the Train dashboard.
 */
export function TrainingCharts({ compact = false }: { readonly compact?: boolean }) {
  const headingId = useId();
  const heights = compact ? COMPACT_HEIGHTS : FULL_HEIGHTS;
  return (
    <section className={compact ? 'training-charts is-compact' : 'training-charts'} aria-labelledby={headingId}>
      <h3 id={headingId} className={compact ? 'visually-hidden' : undefined}>
        Live charts
      </h3>
      <BatchLossChart height={heights.batch} compact={compact} />
      <div className="training-charts-epochs">
        <EpochChart metric="loss" height={heights.epoch} compact={compact} />
        <EpochChart metric="accuracy" height={heights.epoch} compact={compact} />
      </div>
    </section>
  );
}
