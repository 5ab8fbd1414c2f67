import { useState } from 'react';
import { formatBytes, type RunSummary } from '../../../core/training/run-record';
import { isActive } from '../../../core/training/training-lifecycle';
import { useAppStore } from '../../../state/store';
import { describeBestAccuracy, describeDuration, describeRunEpochs, describeRunStatus } from './runs-text';

/** What a row needs besides its run. */
export interface RunRowProps {
  readonly run: RunSummary;
  readonly compared: boolean;
  /** The run shown above (in the engine). */
  readonly shown: boolean;
  /** A run holds the engine: no other run may be resumed or opened now. */
  readonly engineBusy: boolean;
}

/**
 * One saved run: pick it to compare, rename it, and what it offers — resume it, open it (to evaluate,
 * look inside, classify), run it again with changes, or delete it.
 */
export function RunRow({ run, compared, shown, engineBusy }: RunRowProps) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const store = useAppStore.getState;
  const active = isActive(run.status);
  const canContinue = !engineBusy && !active && run.status !== 'queued';
  const resumable = canContinue && run.epochsDone < run.lab.hyperparameters.epochs && run.status !== 'finished';
  const openable = canContinue && run.epochsDone > 0;
  const rename = (): void => {
    if (renaming !== null) store().renameRun(run.id, renaming);
    setRenaming(null);
  };
  return (
    <tr className={shown ? 'run-row is-shown' : 'run-row'} data-status={run.status}>
      <td>
        <input type="checkbox" checked={compared} onChange={() => store().toggleComparedRun(run.id)} aria-label={`Compare ${run.name}`} />
      </td>
      <th scope="row">
        {renaming === null ? (
          <span className="run-name">{run.name}</span>
        ) : (
          <input
            type="text"
            value={renaming}
            aria-label={`New name for ${run.name}`}
            onChange={(event) => setRenaming(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') rename();
              if (event.key === 'Escape') setRenaming(null);
            }}
            autoFocus
          />
        )}
      </th>
      <td>
        {describeRunStatus(run.status)}
        {run.message && <span className="run-message">{run.message}</span>}
      </td>
      <td>{describeRunEpochs(run)}</td>
      <td>{describeBestAccuracy(run)}</td>
      <td>{describeDuration(run.trainingSeconds)}</td>
      <td>{run.backend ?? '—'}</td>
      <td>{formatBytes(run.storedBytes)}</td>
      <td className="run-actions">
        {renaming === null ? (
          <button type="button" onClick={() => setRenaming(run.name)} aria-label={`Rename ${run.name}`}>
            Rename
          </button>
        ) : (
          <button type="button" onClick={rename}>
            Save name
          </button>
        )}
        <button type="button" disabled={!resumable} onClick={() => store().resumeRun(run.id)} aria-label={`Resume ${run.name}`}>
          Resume
        </button>
        <button type="button" disabled={!openable} onClick={() => store().openRun(run.id)} aria-label={`Open ${run.name}`} title="Load it to evaluate it, look inside it or classify with it">
          Open
        </button>
        <button type="button" disabled={engineBusy} onClick={() => store().duplicateRun(run.id)} aria-label={`Run again with changes: ${run.name}`}>
          Run again with changes
        </button>
        <button
          type="button"
          disabled={!openable}
          onClick={() => {
            if (store().openRun(run.id)) store().openArea('classify');
          }}
          aria-label={`Classify with it: ${run.name}`}
        >
          Classify with it
        </button>
        <button type="button" disabled={active} onClick={() => store().deleteRuns([run.id])} aria-label={`Delete ${run.name}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}
