import { useId, useMemo } from 'react';
import { describeLabGap, savedLabs, type SavedLab } from '../../../core/training/overfitting-lab';
import type { RunSummary } from '../../../core/training/run-record';
import { selectRuns } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { RunComparison } from '../runs/RunComparison';
import { capitalise, describeExperimentRun } from './experiment-text';
import { ExperimentPanel } from './ExperimentPanel';
import { LabSettings } from './LabSettings';

/**
 * The overfitting lab: the same network trained twice on the same few pictures with the same seed —
 * plain, then with the regularisers picked — through the run queue; both runs' curves on shared axes
 * and the gap between training and validation accuracy in words. Labs are saved runs, so they come
 * back after a reload.
 */
export function OverfittingLab() {
  return (
    <ExperimentPanel title="Overfitting lab" teaser="Watch a network learn its training pictures by heart, and a regulariser close the gap." className="overfitting-lab">
      <p className="experiment-lead">
        A network <strong>overfits</strong> when it learns its training pictures by heart instead of what makes a cat a cat: training
        accuracy keeps climbing while accuracy on pictures it has never seen (validation) stalls — the gap between the two curves.
        <strong> Regularisers</strong> make memorising harder, so the network has to learn what the pictures share. The lab trains one
        network twice on the same few pictures with the same seed, plain and regularised: the only difference is the regulariser.
      </p>
      <div className="experiment-layout">
        <LabSettings />
        <LabResults />
      </div>
    </ExperimentPanel>
  );
}

function LabResults() {
  const runs = useAppStore(selectRuns);
  const labShown = useAppStore((state) => state.labShown);
  const labs = useMemo(() => savedLabs(runs), [runs]);
  const id = useId();
  const lab = labs.find((candidate) => candidate.labNumber === labShown) ?? labs[0];
  if (!lab) return <p className="experiment-empty">No lab yet: press Start, and the two runs appear here as they train.</p>;
  return (
    <div className="experiment-results">
      {labs.length > 1 && (
        <p className="experiment-picker">
          <label htmlFor={`${id}-lab`}>Lab shown</label>{' '}
          <select id={`${id}-lab`} value={lab.labNumber} onChange={(event) => useAppStore.getState().showLab(Number(event.target.value))}>
            {labs.map((candidate) => (
              <option key={candidate.labNumber} value={candidate.labNumber}>
                Lab {candidate.labNumber}: plain vs {candidate.regularisedWhat ?? '…'}
              </option>
            ))}
          </select>
        </p>
      )}
      <LabResult lab={lab} />
    </div>
  );
}

function LabResult({ lab }: { readonly lab: SavedLab<RunSummary> }) {
  const runs = [lab.plain, lab.regularised].filter((run): run is RunSummary => run !== null);
  const what = capitalise(lab.regularisedWhat ?? 'regularised');
  const lines = describeLabGap(lab.plain?.epochs ?? [], lab.regularised?.epochs ?? [], what);
  return (
    <>
      <ul className="lab-runs" aria-label={`Lab ${lab.labNumber}: its runs`}>
        {runs.map((run) => (
          <li key={run.id}>{describeExperimentRun(run)}</li>
        ))}
      </ul>
      <ul className="lab-gap" aria-label="The gap between training and validation accuracy" aria-live="polite">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {runs.length > 0 && <RunComparison runs={runs} metrics={['accuracy', 'loss']} />}
    </>
  );
}
