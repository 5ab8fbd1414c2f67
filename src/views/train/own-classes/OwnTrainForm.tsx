import { useId, useMemo } from 'react';
import { keptLayerCount, TRANSFER_EXPLANATION, type OwnClassesRunRequest } from '../../../core/lab/own-classes-lab';
import type { RunSummary } from '../../../core/training/run-record';
import { isActive } from '../../../core/training/training-lifecycle';
import type { ClassSet } from '../../../state/slices/classes-slice';
import { PRETRAINED_SOURCE } from '../../../state/slices/classes-slice';
import { selectRuns, selectTrainingPhase } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';

/**
 * How to train on the open set: by transfer from a CIFAR-10 network (the pretrained one or a run trained
 * here), its copied layers frozen or not, or from scratch with the editor's network — and Start.
 */
export function OwnTrainForm({ set, ready, onStart }: { readonly set: ClassSet; readonly ready: boolean; readonly onStart: (request: OwnClassesRunRequest) => void }) {
  const id = useId();
  const form = useAppStore((state) => state.ownClassesForm);
  const runs = useAppStore(selectRuns);
  const phase = useAppStore(selectTrainingPhase);
  const sources = useMemo(() => runs.filter(isTransferSource), [runs]);
  const change = useAppStore.getState().ownClassesFormChange;
  const checking = useAppStore((state) => state.ownRunChecking);
  const problems = useAppStore((state) => state.ownRunProblems);
  const busy = isActive(phase) || checking;
  const fromValue = form.from.kind === 'run' ? form.from.runId : 'pretrained';
  const chooseSource = (value: string): void => {
    const run = sources.find((candidate) => candidate.id === value);
    change({ from: run ? { kind: 'run', runId: run.id, name: run.name } : PRETRAINED_SOURCE });
  };
  return (
    <form
      className="own-train"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        onStart({ setId: set.id, ...form });
      }}
    >
      <h4 id={`${id}-heading`}>Train on these classes</h4>
      <fieldset>
        <legend>How to train</legend>
        <label className="own-choice">
          <input type="radio" name={`${id}-mode`} checked={form.mode === 'transfer'} onChange={() => change({ mode: 'transfer' })} /> Transfer from the CIFAR-10 model
        </label>
        <label className="own-choice">
          <input type="radio" name={`${id}-mode`} checked={form.mode === 'scratch'} onChange={() => change({ mode: 'scratch' })} /> From scratch with the network in the editor
        </label>
      </fieldset>
      {form.mode === 'transfer' ? (
        <div className="own-transfer">
          <div className="own-transfer-fields">
            <label htmlFor={`${id}-from`}>Start from</label>
            <select id={`${id}-from`} value={fromValue} onChange={(event) => chooseSource(event.target.value)}>
              <option value="pretrained">The pretrained CIFAR-10 model</option>
              {sources.map((run) => (
                <option key={run.id} value={run.id}>
                  Your CIFAR-10 run “{run.name}” ({run.epochsDone} {run.epochsDone === 1 ? 'epoch' : 'epochs'})
                </option>
              ))}
            </select>
            <label className="own-choice">
              <input type="checkbox" checked={form.freeze} onChange={(event) => change({ freeze: event.target.checked })} /> Freeze the copied layers
            </label>
          </div>
          <p className="own-explain">{TRANSFER_EXPLANATION}</p>
        </div>
      ) : (
        <p className="own-explain">
          The network of the “Network and settings” tab, its last layer resized to {set.classes.length} classes, starts from random weights: it has to learn edges and colours from your pictures alone, so it needs many more of them (and more epochs) than transfer.
        </p>
      )}
      <div className="own-actions">
        <button type="submit" className="primary" disabled={!ready || busy}>
          Start training
        </button>
        {checking && <span className="own-hint">Checking the set…</span>}
        {busy && !checking && <span className="own-hint">A run is training: its progress is at the top of Train. Stop it first, or wait until it ends.</span>}
        {!ready && !busy && <span className="own-hint">Fill the classes first (see above).</span>}
      </div>
      {problems.length > 0 && (
        <div className="own-message is-problem" role="alert">
          <p>The run did not start:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <button type="button" onClick={() => useAppStore.getState().dismissOwnRunProblems()}>
            Dismiss
          </button>
        </div>
      )}
    </form>
  );
}

/** A CIFAR-10 run whose convolution part can be copied: one saved epoch at least, a Flatten, and ten classes. */
function isTransferSource(run: RunSummary): boolean {
  // A run on one's own classes carries its class set in its lab; only CIFAR-10 runs are offered.
  return run.lab.classes === undefined && run.epochsDone > 0 && keptLayerCount(run.lab.spec) > 0;
}
