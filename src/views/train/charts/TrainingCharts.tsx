import { useId } from 'react';
import { BatchLossChart } from './BatchLossChart';
import { EpochChart } from './EpochChart';
import './charts.css';

/** The live charts of the shown run: batch loss, then loss and accuracy per epoch side by side. */
export function TrainingCharts() {
  const headingId = useId();
  return (
    <section className="training-charts" aria-labelledby={headingId}>
      <h3 id={headingId}>Live charts</h3>
      <BatchLossChart />
      <div className="training-charts-epochs">
        <EpochChart metric="loss" />
        <EpochChart metric="accuracy" />
      </div>
    </section>
  );
}
