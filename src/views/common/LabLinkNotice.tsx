import { useAppStore } from '../../state/store';

/**
 * What the link that opened the page could not read (a damaged link, or a part from another version),
 * said once at the top, until closed. The rest of the link opened as it says.
 */
export function LabLinkNotice() {
  const notes = useAppStore((state) => state.labLinkNotes);
  if (notes.length === 0) return null;
  return (
    <div className="lab-link-notice" role="alert">
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <button type="button" onClick={() => useAppStore.getState().setLabLinkNotes([])}>
        Close this message
      </button>
    </div>
  );
}
