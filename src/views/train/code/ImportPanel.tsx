import { useId, useMemo, useState } from 'react';
import { importKerasSnippet, type KerasImport } from '../../../core/keras/keras-import';
import { describeSetupChanges, setupWithImport, type ImportableSetup } from '../../../state/keras-import-form';
import { selectHyperparameterForm, selectModelSpec, selectTrainingForm } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';

/**
 * Paste Keras code and see, before anything changes, what it would set — the network, each setting
 * from → to — and every line it cannot use, with why. "Use this code" puts it in; while a layer line is
 * unusable it stays off (the network would not be the one pasted).
 */
export function ImportPanel({ onClose }: { readonly onClose: () => void }) {
  const textId = useId();
  const [source, setSource] = useState('');
  const [imported, setImported] = useState<KerasImport | null>(null);
  const [done, setDone] = useState('');
  const modelSpec = useAppStore(selectModelSpec);
  const hyperparameterForm = useAppStore(selectHyperparameterForm);
  const trainingForm = useAppStore(selectTrainingForm);
  const importSetup = useAppStore((state) => state.setRunSetup);
  const current: ImportableSetup = useMemo(() => ({ modelSpec, hyperparameterForm, trainingForm }), [modelSpec, hyperparameterForm, trainingForm]);
  const next = imported === null ? null : setupWithImport(current, imported);
  const changes = next === null ? [] : describeSetupChanges(current, next);
  const unusable = imported?.lines.filter((line) => line.outcome === 'unusable') ?? [];
  const blocked = (imported?.blockedBy.length ?? 0) > 0;

  return (
    <div className="import-panel" role="group" aria-label="Import Keras code">
      <label htmlFor={textId}>Keras code to import (the tutorial’s lines, this view’s code or a whole train.py)</label>
      <textarea id={textId} rows={8} spellCheck={false} value={source} onChange={(event) => {
        setSource(event.target.value);
        setImported(null);
        setDone('');
      }} />
      <div className="import-buttons">
        <button type="button" disabled={source.trim() === ''} onClick={() => setImported(importKerasSnippet(source))}>
          Read the code
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {imported && next && (
        <div className="import-preview" aria-label="What the import would do" role="region">
          {changes.length === 0 ? (
            <p>Nothing would change: the code sets what is already there.</p>
          ) : (
            <>
              <p>Using this code would change:</p>
              <ul className="import-changes">
                {changes.map((change) => (
                  <li key={change.label}>
                    <strong>{change.label}</strong>: {change.from} → {change.to}
                  </li>
                ))}
              </ul>
            </>
          )}
          {unusable.length > 0 && (
            <>
              <p>{unusable.length === 1 ? 'One line cannot be used:' : `${unusable.length} lines cannot be used:`}</p>
              <ul className="import-unusable" aria-label="Lines that cannot be used">
                {unusable.map((line) => (
                  <li key={line.line}>
                    Line {line.line}: <code>{line.text.length > 90 ? `${line.text.slice(0, 89)}…` : line.text}</code> — {line.detail}
                  </li>
                ))}
              </ul>
            </>
          )}
          {blocked && <p className="import-blocked">Nothing is changed while a layer cannot be used: fix or remove {imported.blockedBy.length === 1 ? 'that line' : 'those lines'} and read the code again.</p>}
          <button type="button" disabled={blocked || changes.length === 0} onClick={() => {
            importSetup(next);
            setDone(`Imported: ${changes.length} change${changes.length === 1 ? '' : 's'} made.`);
            setImported(null);
          }}>
            Use this code
          </button>
        </div>
      )}
      <p role="status" className="import-done">
        {done}
      </p>
    </div>
  );
}
