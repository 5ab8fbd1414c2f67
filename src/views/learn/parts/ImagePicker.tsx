import { useId, useState, type DragEvent } from 'react';
import { decodeImageFile } from '../../../render/decode-image-file';
import { useAppStore } from '../../../state/store';

/** Longest side, in pixels, a picture brought to the Learn area is scaled down to. */
export const LEARN_IMAGE_MAX_SIDE = 128;

/**
 * Pick or drop a picture of your own. It is decoded in the page (nothing is uploaded), scaled so its
 * long side is at most 128 pixels, and kept in the store for every lesson that shows a real image.
 */
export function ImagePicker() {
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const load = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      const volume = await decodeImageFile(file, LEARN_IMAGE_MAX_SIDE);
      useAppStore.getState().setLearnImage({ name: file.name, volume });
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files[0]);
  };
  return (
    <div
      className={dragging ? 'image-picker is-dragging' : 'image-picker'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor={inputId}>Use a picture of your own (drop it here, or choose a file)</label>
      <input
        id={inputId}
        type="file"
        accept="image/*"
        onChange={(event) => {
          void load(event.currentTarget.files?.[0]);
          event.currentTarget.value = '';
        }}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
