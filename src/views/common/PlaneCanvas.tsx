import { useLayoutEffect, useRef } from 'react';
import type { Volume } from '../../core/lessons/volume';
import { drawHeatmap } from '../../render/draw-volume';

/** Props of {@link PlaneCanvas}. */
export interface PlaneCanvasProps {
  readonly volume: Volume;
  readonly channel: number;
  /** The value painted full red / blue: shared by every plane of a layer, so they can be compared. */
  readonly scaleMax: number;
  /** Displayed width in CSS pixels (cells stay crisp squares). */
  readonly sizePx: number;
  /** Accessible name. */
  readonly label: string;
}

/** One channel of a volume as a small heat map (white 0, red +, blue −). */
export function PlaneCanvas({ volume, channel, scaleMax, sizePx, label }: PlaneCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    if (canvas.current) drawHeatmap(canvas.current, volume, channel, scaleMax);
  }, [volume, channel, scaleMax]);
  return (
    <canvas
      ref={canvas}
      className="plane-canvas"
      role="img"
      aria-label={label}
      style={{ width: sizePx, height: Math.round((sizePx * volume.height) / volume.width), imageRendering: 'pixelated' }}
    />
  );
}
