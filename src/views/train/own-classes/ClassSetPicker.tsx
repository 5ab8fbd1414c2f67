import { useRef, useState } from 'react';
import type { ClassSetListing } from '../../../state/slices/classes-slice';
import { CLASS_SET_EXTENSION } from '../../../core/lab/class-set-file';
import { useAppStore } from '../../../state/store';
import { RgbThumbnail } from '../../common/RgbThumbnail';

/** The class sets of this browser: open one, make a new one, import one from a file, delete one; what the engine is doing beside. */
export function ClassSetPicker({ working }: { readonly working: string | null }) {
  const sets = useAppStore((state) => state.classSets);
  const openId = useAppStore((state) => state.openClassSet?.id ?? null);
  const importInput = useRef<HTMLInputElement>(null);
  const store = useAppStore.getState;
  const newSet = (): void => void store().classesCreate(`My classes ${(sets?.length ?? 0) + 1}`, ['Class 1', 'Class 2']);
  return (
    <div className="own-sets">
      <div className="own-actions">
        <button type="button" className="primary" onClick={newSet}>
          New class set
        </button>
        <button type="button" onClick={() => importInput.current?.click()}>
          Import a class-set file…
        </button>
        <input
          ref={importInput}
          type="file"
          hidden
          accept={`${CLASS_SET_EXTENSION},.json,application/json`}
          aria-label="Class-set file to import"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void store().classesImport(file);
          }}
        />
        <span className="own-working" role="status">
          {working ?? ''}
        </span>
      </div>
      {sets && sets.length > 0 && (
        <ul className="own-set-list" aria-label="Your class sets">
          {sets.map((set) => (
            <SetRow key={set.id} set={set} isOpen={set.id === openId} />
          ))}
        </ul>
      )}
      {sets?.length === 0 && <p className="own-empty">No class set yet: press “New class set”, or import a file a teacher prepared.</p>}
    </div>
  );
}

/** One set of the list; Delete asks once more, in place. */
function SetRow({ set, isOpen }: { readonly set: ClassSetListing; readonly isOpen: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const store = useAppStore.getState;
  const pictures = set.classes.reduce((sum, own) => sum + own.pictures, 0);
  return (
    <li className={isOpen ? 'own-set is-open' : 'own-set'}>
      <span className="own-set-thumbs" aria-hidden="true">
        {set.thumbnails.slice(0, 4).map((thumbnail, index) => (thumbnail ? <RgbThumbnail key={index} pixels={thumbnail} sizePx={32} /> : <span key={index} className="own-thumb-empty" />))}
      </span>
      <span className="own-set-name">{set.name}</span>
      <span className="own-set-detail">
        {set.classes.length} classes, {pictures} {pictures === 1 ? 'picture' : 'pictures'}
      </span>
      {confirming ? (
        <span role="group" aria-label={`Delete “${set.name}”?`} className="own-confirm">
          <button type="button" className="danger" onClick={() => void store().classesDelete(set.id)}>
            Delete it and its pictures
          </button>
          {/* The focus goes to the safe answer: the Delete button pressed a moment ago is gone. */}
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </span>
      ) : (
        <>
          <button type="button" disabled={isOpen} onClick={() => void store().classesOpen(set.id)} aria-label={`Open “${set.name}”`}>
            Open
          </button>
          <button type="button" onClick={() => setConfirming(true)} aria-label={`Delete “${set.name}”`}>
            Delete
          </button>
        </>
      )}
    </li>
  );
}
