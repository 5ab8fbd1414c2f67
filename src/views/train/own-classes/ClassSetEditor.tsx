import { useState } from 'react';
import { classSetProblems, MAX_CLASSES, nextClassName } from '../../../core/data/class-set';
import type { OwnClassesRunRequest } from '../../../core/lab/own-classes-lab';
import type { ClassSet } from '../../../state/slices/classes-slice';
import { useAppStore } from '../../../state/store';
import { downloadText } from '../charts/download-text';
import { CameraBurst } from './CameraBurst';
import { ClassCard } from './ClassCard';
import { NameField } from './NameField';
import { OwnTrainForm } from './OwnTrainForm';

/** The open class set: its name, its classes with their pictures, the camera, what is missing, and the train form. */
export function ClassSetEditor({ set, onStart }: { readonly set: ClassSet; readonly onStart: (request: OwnClassesRunRequest) => void }) {
  const message = useAppStore((state) => state.classesMessage);
  const [cameraClass, setCameraClass] = useState<string | null>(null);
  const store = useAppStore.getState;
  const problems = classSetProblems(set);
  const exportSet = async (): Promise<void> => {
    const file = await store().classesExport();
    if (file) downloadText(file.name, await file.data.text(), 'application/json');
  };
  const cameraTarget = set.classes.find((own) => own.id === cameraClass) ?? null;
  return (
    <div className="own-editor">
      <div className="own-editor-head">
        <NameField key={set.name} label="Set name" value={set.name} onCommit={(name) => store().classesChange({ kind: 'rename-set', name })} />
        <div className="own-actions">
          <button type="button" disabled={set.classes.length >= MAX_CLASSES} onClick={() => void store().classesChange({ kind: 'add-class', name: nextClassName(set) })}>
            Add a class
          </button>
          <button type="button" onClick={() => void exportSet()}>
            Export the set as a file
          </button>
        </div>
      </div>
      {message && (
        <div className={message.tone === 'problem' ? 'own-message is-problem' : 'own-message'} role={message.tone === 'problem' ? 'alert' : 'status'}>
          <p>{message.text}</p>
          {message.refused.length > 0 && (
            <ul>
              {message.refused.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {cameraTarget && <CameraBurst target={cameraTarget} onClose={() => setCameraClass(null)} />}
      <ul className="own-class-list" aria-label={`Classes of “${set.name}”`}>
        {set.classes.map((own, index) => (
          <ClassCard key={own.id} own={own} number={index + 1} canRemove={set.classes.length > 1} cameraOn={cameraClass === own.id} onCamera={() => setCameraClass(cameraClass === own.id ? null : own.id)} />
        ))}
      </ul>
      <div className="own-readiness">
        {problems.length > 0 ? (
          <>
            <h4>Before it can train</h4>
            <ul className="own-problems">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="own-ready">Ready to train: {set.classes.length} classes, {set.classes.reduce((sum, own) => sum + own.pictures.length, 0)} pictures.</p>
        )}
      </div>
      <OwnTrainForm set={set} ready={problems.length === 0} onStart={onStart} />
    </div>
  );
}
