/**
 * Dragging a sample from the tray onto the drop area: the drag carries the sample's position in the
 * tray under a type of our own, so the drop area can tell it from a dragged file (and ignores drags
 * from elsewhere that carry only text).
 */

/** The drag data type of a tray sample; its value is the sample's position in the tray, as text. */
export const SAMPLE_DRAG_TYPE = 'application/x-cnn-playground-sample';

/** The tray position a drop carries, or null when the drag is not a tray sample. */
export function sampleFromDrag(dataTransfer: DataTransfer | null): number | null {
  if (!dataTransfer || !Array.from(dataTransfer.types).includes(SAMPLE_DRAG_TYPE)) return null;
  const position = Number(dataTransfer.getData(SAMPLE_DRAG_TYPE));
  return Number.isInteger(position) && position >= 0 ? position : null;
}
