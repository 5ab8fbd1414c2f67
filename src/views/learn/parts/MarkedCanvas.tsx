import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import type { Volume } from '../../../core/lessons/volume';
import { drawRgbBytes } from '../../../render/draw-rgb-bytes';
import { drawHeatmap } from '../../../render/draw-volume';

/** A rectangle of cells to outline: rows `top`…`top + height − 1`, columns likewise (may reach outside). */
export interface CellBox {
  readonly top: number;
  readonly left: number;
  readonly height: number;
  readonly width: number;
}

/** Props of {@link MarkedCanvas}. */
export interface MarkedCanvasProps {
  /** A heat map of one channel of a volume, or an RGB picture of `height × width × 3` bytes. */
  readonly image: { readonly kind: 'heatmap'; readonly volume: Volume; readonly channel: number; readonly scaleMax?: number } | { readonly kind: 'rgb'; readonly pixels: Uint8Array; readonly height: number; readonly width: number };
  /** Displayed width in CSS pixels. */
  readonly sizePx: number;
  readonly label: string;
  /** Outlined cells (the window on the picture, the chosen cell on the map). */
  readonly box: CellBox | null;
  /** Makes the picture clickable: called with the 0-based cell under the pointer. */
  readonly onPick?: (row: number, col: number) => void;
}

/**
 * A picture or heat map drawn cell for cell, scaled up crisp, with an outlined box of cells on top;
 * clicking picks a cell (the Row / Column fields next to it do the same from the keyboard).
 */
export function MarkedCanvas({ image, sizePx, label, box, onPick }: MarkedCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const rows = image.kind === 'rgb' ? image.height : image.volume.height;
  const cols = image.kind === 'rgb' ? image.width : image.volume.width;
  useLayoutEffect(() => {
    if (!canvas.current) return;
    if (image.kind === 'rgb') drawRgbBytes(canvas.current, image.pixels, 0, image.width, image.height);
    else drawHeatmap(canvas.current, image.volume, image.channel, image.scaleMax);
  }, [image]);
  const cell = sizePx / cols;
  const pick = (event: MouseEvent<HTMLCanvasElement>): void => {
    const rect = event.currentTarget.getBoundingClientRect();
    const col = Math.floor(((event.clientX - rect.left) / rect.width) * cols);
    const row = Math.floor(((event.clientY - rect.top) / rect.height) * rows);
    if (row >= 0 && row < rows && col >= 0 && col < cols) onPick?.(row, col);
  };
  return (
    <div className="marked-canvas" style={{ width: sizePx, height: cell * rows }}>
      <canvas ref={canvas} role="img" aria-label={label} onClick={onPick ? pick : undefined} className={onPick ? 'is-pickable' : undefined} style={{ width: sizePx, height: cell * rows }} />
      {box && <span className="marked-box" aria-hidden="true" style={{ top: box.top * cell, left: box.left * cell, width: box.width * cell, height: box.height * cell }} />}
    </div>
  );
}
