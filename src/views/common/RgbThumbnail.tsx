import { useLayoutEffect, useRef } from 'react';
import { drawRgbBytes } from '../../render/draw-rgb-bytes';

/** Props of {@link RgbThumbnail}. */
export interface RgbThumbnailProps {
  /** NHWC uint8 bytes holding the image (may hold more images). */
  readonly pixels: Uint8Array;
  /** Byte offset of the image in `pixels`. */
  readonly offset?: number;
  /** Displayed side in CSS pixels (the 32 × 32 image is scaled up without smoothing). */
  readonly sizePx: number;
}

/**
 * A 32 × 32 RGB image on a canvas, upscaled with crisp square pixels. Decorative: the element that
 * holds it (a button, a figure) carries the accessible name.
 */
export function RgbThumbnail({ pixels, offset = 0, sizePx }: RgbThumbnailProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    if (canvas.current) drawRgbBytes(canvas.current, pixels, offset);
  }, [pixels, offset]);
  return <canvas ref={canvas} className="rgb-thumbnail" aria-hidden="true" style={{ width: sizePx, height: sizePx, imageRendering: 'pixelated' }} />;
}
