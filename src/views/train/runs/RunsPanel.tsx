import { useId, useMemo } from 'react';
import { formatBytes, queuedRuns } from '../../../core/training/run-record';
import { isActive } from '../../../core/training/training-lifecycle';
import { selectComparedRunIds, selectEngineStatus, selectRuns, selectRunsListed, selectRunsNotice, selectTrainingPhase, selectTrainingRunId } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { RunComparison } from './RunComparison';
import { RunRow } from './RunRow';
import './runs.css';

/**
 * Every run trained in this browser, kept across reloads: what each trained, how far, how well, how
 * long and how much storage it takes. Pick two or more to draw their curves together; queue several
 * to train one after the other.
 */
export function RunsPanel() {
  const headingId = useId();
  const runs = useAppStore(selectRuns);
  const listed = useAppStore(selectRunsListed);
  const comparedIds = useAppStore(selectComparedRunIds);
  const notice = useAppStore(selectRunsNotice);
  const shownId = useAppStore(selectTrainingRunId);
  const engineBusy = isActive(useAppStore(selectTrainingPhase));
  const engineReady = useAppStore(selectEngineStatus) === 'ready';
  const compared = useMemo(() => comparedIds.flatMap((id) => runs.filter((run) => run.id === id)), [comparedIds, runs]);
  const waiting = queuedRuns(runs).length;
  const totalBytes = runs.reduce((sum, run) => sum + run.storedBytes, 0);
  const store = useAppStore.getState;

  return (
    <section className="train-panel runs-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Runs in this browser</h3>
      <p className="runs-lead">
        Every run is saved here after each epoch and stays after a reload.{' '}
        {runs.length > 0 ? `${runs.length} run${runs.length === 1 ? '' : 's'}, ${formatBytes(totalBytes)} of storage.` : listed ? 'No runs yet: Start one above, or queue several.' : 'Reading the saved runs…'}
      </p>
      <div className="runs-queue" role="group" aria-label="Queue">
        <button type="button" disabled={!engineReady || engineBusy} onClick={() => store().enqueueCurrentSetup()}>
          Add to queue
        </button>
        <button type="button" disabled={!engineReady || engineBusy || waiting === 0} onClick={() => store().startQueue()}>
          Train the queue{waiting > 0 ? ` (${waiting} waiting)` : ''}
        </button>
        <span className="runs-queue-hint">“Add to queue” keeps the network and settings above as a run that waits; change them and add again, then train the queue: one run after the other.</span>
      </div>
      {notice && (
        <p className="runs-notice" role="status">
          {notice}
        </p>
      )}
      {runs.length > 0 && (
        <div className="runs-table-box">
          <table className="runs-table">
            <caption className="visually-hidden">Saved runs</caption>
            <thead>
              <tr>
                <th scope="col">Compare</th>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Epochs</th>
                <th scope="col">Best val_accuracy</th>
                <th scope="col">Time</th>
                <th scope="col">Backend</th>
                <th scope="col">Size</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <RunRow key={run.id} run={run} compared={comparedIds.includes(run.id)} shown={run.id === shownId} engineBusy={engineBusy || !engineReady} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {compared.length > 0 && (
        <>
          <h4>{compared.length === 1 ? 'Pick another run to compare' : `${compared.length} runs compared`}</h4>
          <RunComparison runs={compared} />
        </>
      )}
    </section>
  );
}
