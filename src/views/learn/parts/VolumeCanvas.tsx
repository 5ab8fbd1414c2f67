import { useEffect, useRef, useState } from 'react';
import type { Volume } from '../../../core/lessons/volume';
import { drawHeatmap, drawPicture } from '../../../render/draw-volume';
import { formatNumber } from '../format-number';

/** Props of {@link VolumeCanvas}. */
export interface VolumeCanvasProps {
  readonly volume: Volume;
  /** 'picture': 0…255 gray or RGB; 'heatmap': one channel on the diverging scale. */
  readonly mode: 'picture' | 'heatmap';
  readonly channel?: number;
  /** Accessible description of the image. */
  readonly label: string;
  /** Caption under the image. */
  readonly caption: string;
  /** Displayed width in CSS pixels (cells stay square and crisp). */
  readonly displayWidth?: number;
}

/** A volume drawn on a canvas (a picture or a heat map) with a caption and, for heat maps, a legend. */
export function VolumeCanvas({ volume, mode, channel = 0, label, caption, displayWidth = 224 }: VolumeCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [scaleMax, setScaleMax] = useState<number | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    if (mode === 'heatmap') setScaleMax(drawHeatmap(canvas, volume, channel));
    else {
      drawPicture(canvas, volume);
      setScaleMax(null);
    }
  }, [volume, mode, channel]);
  return (
    <figure className="volume-canvas">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={label}
        style={{ width: `${displayWidth}px`, height: `${Math.round((displayWidth * volume.height) / volume.width)}px` }}
      />
      <figcaption>
        {caption}
        {mode === 'heatmap' && scaleMax !== null && (
          <span className="legend" aria-label={`colour scale from −${formatNumber(scaleMax)} (blue) through 0 (white) to ${formatNumber(scaleMax)} (red)`}>
            <span className="legend-end">−{formatNumber(scaleMax)}</span>
            <span className="legend-bar" aria-hidden="true" />
            <span className="legend-end">{formatNumber(scaleMax)}</span>
          </span>
        )}
      </figcaption>
    </figure>
  );
}
