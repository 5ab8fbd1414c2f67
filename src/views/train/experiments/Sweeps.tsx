import { useId, useMemo } from 'react';
import { toCsv } from '../../../core/charts/csv';
import type { RunSummary } from '../../../core/training/run-record';
import { savedSweeps, sweepCsvHeader, sweepCsvRows, sweepDefinition, sweepRows, type SavedSweep } from '../../../core/training/sweeps';
import { selectRuns } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { downloadText } from '../charts/download-text';
import { RunComparison } from '../runs/RunComparison';
import { describeDuration, describeRunStatus } from '../runs/runs-text';
import { formatCount } from '../training/training-text';
import { ExperimentPanel } from './ExperimentPanel';
import { SweepSettings } from './SweepSettings';

/**
 * Sweeps of the tutorial's hyperparameter sections — max-pooling shape, filter shape, number of
 * filters — and the learning rate: one short run per value through the run queue, a results table
 * (CSV too) and the runs' accuracy curves on shared axes. Sweeps are saved runs, so they come back
 * after a reload.
 */
export function Sweeps() {
  return (
    <ExperimentPanel title="Sweeps" teaser="Try several pool shapes, filter shapes, filter counts or learning rates, one short run each." className="sweeps">
      <p className="experiment-lead">
        The tutorial’s hyperparameters are choices made before training: a <strong>larger pool</strong> (3 × 3, 4 × 4) shrinks the maps
        faster and may throw away what matters; the <strong>filter shape</strong> sets how much of the picture each mask sees at once; the{' '}
        <strong>number of filters</strong> sets how many patterns a layer can hold — its capacity, which should fit the number of pictures;
        the <strong>learning rate</strong> sets the size of each step. A sweep trains one short run per value, everything else equal.
      </p>
      <div className="experiment-layout">
        <SweepSettings />
        <SweepResults />
      </div>
    </ExperimentPanel>
  );
}

function SweepResults() {
  const runs = useAppStore(selectRuns);
  const sweepShown = useAppStore((state) => state.sweepShown);
  const sweeps = useMemo(() => savedSweeps(runs), [runs]);
  const id = useId();
  const sweep = sweeps.find((candidate) => candidate.sweepNumber === sweepShown) ?? sweeps[0];
  if (!sweep) return <p className="experiment-empty">No sweep yet: press Start, and its runs fill the table as they train.</p>;
  return (
    <div className="experiment-results">
      {sweeps.length > 1 && (
        <p className="experiment-picker">
          <label htmlFor={`${id}-sweep`}>Sweep shown</label>{' '}
          <select id={`${id}-sweep`} value={sweep.sweepNumber} onChange={(event) => useAppStore.getState().showSweep(Number(event.target.value))}>
            {sweeps.map((candidate) => (
              <option key={candidate.sweepNumber} value={candidate.sweepNumber}>
                Sweep {candidate.sweepNumber}: {sweepDefinition(candidate.parameter).keras} {candidate.runs.map((entry) => entry.value).join(', ')}
              </option>
            ))}
          </select>
        </p>
      )}
      <SweepTable sweep={sweep} />
      <RunComparison runs={sweep.runs.map((entry) => entry.run)} metrics={['accuracy']} />
    </div>
  );
}

function SweepTable({ sweep }: { readonly sweep: SavedSweep<RunSummary> }) {
  const definition = sweepDefinition(sweep.parameter);
  const rows = sweepRows(sweep.runs.map((entry) => ({ value: entry.value, spec: entry.run.lab.spec, epochs: entry.run.epochs })));
  const caption = `Sweep ${sweep.sweepNumber} results: ${definition.title.toLowerCase()} (${definition.keras})`;
  return (
    <div className="sweep-table-box">
      <table className="runs-table sweep-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{definition.keras}</th>
            <th scope="col">Status</th>
            <th scope="col">Parameters</th>
            <th scope="col">Best val_accuracy (epoch)</th>
            <th scope="col">Time</th>
            <th scope="col">Images/s</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const run = sweep.runs[index]?.run;
            return (
              <tr key={row.value}>
                <th scope="row">{row.value}</th>
                <td>{run ? `${describeRunStatus(run.status)}${run.status === 'finished' ? '' : ` (${run.epochsDone} of ${run.lab.hyperparameters.epochs})`}` : '—'}</td>
                <td>{row.params === null ? '—' : formatCount(row.params)}</td>
                <td>{row.bestValAccuracy === null ? '—' : `${(row.bestValAccuracy * 100).toFixed(1)} % (${row.bestEpoch ?? '?'})`}</td>
                <td>{row.seconds > 0 ? describeDuration(row.seconds) : '—'}</td>
                <td>{row.imagesPerSecond === null ? '—' : Math.round(row.imagesPerSecond).toString()}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={() => downloadText(`sweep-${sweep.sweepNumber}-${definition.keras}.csv`, toCsv(sweepCsvHeader(sweep.parameter), sweepCsvRows(rows)))}>
        Download CSV<span className="visually-hidden"> of sweep {sweep.sweepNumber}</span>
      </button>
    </div>
  );
}
