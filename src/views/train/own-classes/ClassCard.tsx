import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useDropzone } from 'react-dropzone';
import { MAX_PICTURES_PER_CLASS } from '../../../core/data/class-set';
import type { OwnClass } from '../../../state/slices/classes-slice';
import { useAppStore } from '../../../state/store';
import { RgbThumbnail } from '../../common/RgbThumbnail';
import { NameField } from './NameField';
import { PICTURE_FORMATS, picturesOnly } from './picture-files';
import { clampThumb, thumbMove } from './thumb-keys';

/** Side of a thumbnail on screen: the 32 × 32 picture at twice its size, each pixel a crisp 2 × 2 square. */
const THUMB_PX = 64;

/**
 * One class: its name, its pictures as the network sees them (press one to remove it), and the ways to
 * fill it — drop files on the card, pick files, pick a folder, or the camera.
 */
export function ClassCard({ own, number, canRemove, cameraOn, onCamera }: { readonly own: OwnClass; readonly number: number; readonly canRemove: boolean; readonly cameraOn: boolean; readonly onCamera: () => void }) {
  const store = useAppStore.getState;
  const folderInput = useRef<HTMLInputElement>(null);
  // Dropped or picked files all go to the engine, which names each one it refuses and why.
  const add = useCallback((files: readonly File[]) => void (files.length > 0 && store().classesAddFiles(own.id, files)), [own.id, store]);
  // A folder holds other things too (.DS_Store, notes): only its pictures are sent.
  const addFolder = (files: readonly File[]): void => {
    const { pictures, skipped } = picturesOnly(files);
    if (pictures.length > 0) add(pictures);
    else store().classesMessageSet({ tone: 'problem', text: `That folder holds no pictures (${PICTURE_FORMATS})${skipped > 0 ? `: none of its ${skipped} files is one` : ''}.`, refused: [] });
  };
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({ onDrop: add, noClick: true, noKeyboard: true, multiple: true, useFsAccessApi: false });
  const count = own.pictures.length;
  // One Tab stop for the whole list (roving tabindex): a class may hold 500 pictures.
  const [active, setActive] = useState(0);
  const tabStop = clampThumb(active, count);
  const thumbList = useRef<HTMLUListElement>(null);
  // A removed thumbnail takes the focus with it: give it to the one now in its place.
  const refocus = useRef(false);
  useLayoutEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    thumbList.current?.querySelectorAll<HTMLButtonElement>('.own-thumb')[tabStop]?.focus();
  }, [count, tabStop]);
  const onThumbKey = (event: KeyboardEvent<HTMLUListElement>): void => {
    const next = thumbMove(tabStop, count, event.key);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    thumbList.current?.querySelectorAll<HTMLButtonElement>('.own-thumb')[next]?.focus();
  };
  return (
    <li className="own-class-item">
      <div {...getRootProps({ role: 'group', className: isDragActive ? 'own-class is-dragging' : 'own-class', 'aria-label': `Class ${number}: ${own.name}` })}>
        <input {...getInputProps({ accept: 'image/*' })} aria-label={`Picture files for “${own.name}”`} />
        <input
          ref={(element) => {
            folderInput.current = element;
            // React has no prop for it: the browser's folder picker is a non-standard attribute every current browser knows.
            element?.setAttribute('webkitdirectory', '');
          }}
          type="file"
          hidden
          multiple
          aria-label={`A folder of pictures for “${own.name}”`}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            addFolder(files);
          }}
        />
        <div className="own-class-head">
          <NameField key={own.name} label={`Name of class ${number}`} hideLabel value={own.name} onCommit={(name) => store().classesChange({ kind: 'rename-class', classId: own.id, name })} />
          <span className="own-count">
            {count} {count === 1 ? 'picture' : 'pictures'}
            {count >= MAX_PICTURES_PER_CLASS ? ' (full)' : ''}
          </span>
        </div>
        <div className="own-fill">
          <button type="button" onClick={open}>
            Pictures…
          </button>
          <button type="button" onClick={() => folderInput.current?.click()}>
            Folder…
          </button>
          <button type="button" aria-pressed={cameraOn} onClick={onCamera}>
            Camera
          </button>
        </div>
        {count === 0 ? (
          <p className="own-drop-hint">Drop pictures here.</p>
        ) : (
          <ul className="own-thumbs" ref={thumbList} aria-label={`Pictures of “${own.name}” (press one to remove it; arrow keys move)`} onKeyDown={onThumbKey}>
            {own.pictures.map((picture, index) => (
              <li key={picture.id}>
                <button
                  type="button"
                  className="own-thumb"
                  tabIndex={index === tabStop ? 0 : -1}
                  onFocus={() => setActive(index)}
                  onClick={() => {
                    refocus.current = true;
                    void store().classesChange({ kind: 'remove-pictures', classId: own.id, pictureIds: [picture.id] });
                  }}
                  aria-label={`Remove picture ${index + 1} of “${own.name}”`}
                >
                  <RgbThumbnail pixels={picture.pixels} sizePx={THUMB_PX} />
                </button>
              </li>
            ))}
          </ul>
        )}
        {canRemove && <RemoveClass own={own} />}
      </div>
    </li>
  );
}

/** Remove a class and its pictures: asks once more, in place, when the class has pictures to lose. */
function RemoveClass({ own }: { readonly own: OwnClass }) {
  const [confirming, setConfirming] = useState(false);
  const remove = (): void => void useAppStore.getState().classesChange({ kind: 'remove-class', classId: own.id });
  if (confirming)
    return (
      <span className="own-confirm own-remove-class-confirm" role="group" aria-label={`Remove class “${own.name}”?`}>
        <button type="button" className="danger" onClick={remove}>
          Remove it and {own.pictures.length === 1 ? 'its picture' : `its ${own.pictures.length} pictures`}
        </button>
        {/* The focus goes to the safe answer: the Remove button pressed a moment ago is gone. */}
        <button type="button" autoFocus onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </span>
    );
  return (
    <button type="button" className="own-remove-class" onClick={() => (own.pictures.length > 0 ? setConfirming(true) : remove())} aria-label={`Remove class “${own.name}”`}>
      Remove class
    </button>
  );
}
