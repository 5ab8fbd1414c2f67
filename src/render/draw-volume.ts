import { channelOf, maxAbs, type Volume } from '../core/lessons/volume';
import { divergingColor } from './diverging-scale';

/**
 * Paint volumes onto a canvas, one canvas pixel per cell. The canvas is resized to the volume; let CSS
 * scale it up with `image-rendering: pixelated` so every cell stays a crisp square.
 */

function paint(canvas: HTMLCanvasElement, width: number, height: number, colorAt: (cell: number) => readonly [number, number, number]): void {
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser gave no 2-D canvas context');
  const image = context.createImageData(width, height);
  for (let cell = 0; cell < width * height; cell += 1) {
    const [red, green, blue] = colorAt(cell);
    image.data[cell * 4] = red;
    image.data[cell * 4 + 1] = green;
    image.data[cell * 4 + 2] = blue;
    image.data[cell * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

/**
 * A heat map of one channel on the symmetric diverging scale (white 0, red +, blue −).
 * @param scaleMax the value painted full red/blue; default the channel's largest absolute value.
 * @returns the scale maximum used, for a legend.
 */
export function drawHeatmap(canvas: HTMLCanvasElement, volume: Volume, channel = 0, scaleMax?: number): number {
  const plane = channelOf(volume, channel);
  const limit = scaleMax ?? maxAbs(plane);
  paint(canvas, plane.width, plane.height, (cell) => divergingColor(plane.data[cell] ?? 0, limit));
  return limit;
}

/**
 * A picture: 3 channels as RGB, or 1 channel as gray; values on the 0…255 scale, clamped (so a
 * sharpened image that overshoots shows as full white or black).
 */
export function drawPicture(canvas: HTMLCanvasElement, volume: Volume): void {
  if (volume.channels !== 1 && volume.channels !== 3) throw new RangeError(`a picture has 1 or 3 channels, got ${volume.channels}`);
  const clamp = (value: number): number => Math.max(0, Math.min(255, Math.round(value)));
  paint(canvas, volume.width, volume.height, (cell) => {
    if (volume.channels === 1) {
      const gray = clamp(volume.data[cell] ?? 0);
      return [gray, gray, gray];
    }
    return [clamp(volume.data[cell * 3] ?? 0), clamp(volume.data[cell * 3 + 1] ?? 0), clamp(volume.data[cell * 3 + 2] ?? 0)];
  });
}
