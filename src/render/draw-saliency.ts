/**
 * Paint a saliency map over the 32 × 32 picture the network saw: each pixel gets the heat map's full
 * colour (the diverging scale's red, as every heat map of the app) in proportion to the map's value,
 * so the picture stays visible under the hottest spot.
 */
import { blendPixel, type NormalisedMap } from '../core/model/saliency-map';
import { divergingColor } from './diverging-scale';

/** How much of the colour a map value of 1 lays over the picture. */
export const OVERLAY_OPACITY = 0.75;

/**
 * Draw `pixels` (height × width × 3 uint8 RGB) with `map` (values 0…1, same height and width) laid over
 * it. The canvas is resized to the picture; scale it up in CSS with `image-rendering: pixelated`.
 *
 * @throws RangeError when the map's size is not the picture's, or `pixels` is too short.
 * @throws Error when the browser gives no 2-D context.
 */
export function drawSaliencyOverlay(canvas: HTMLCanvasElement, pixels: Uint8Array, map: NormalisedMap): void {
  const { width, height } = map;
  if (pixels.length < width * height * 3) throw new RangeError(`a ${width} × ${height} map needs a picture of ${width * height * 3} bytes, got ${pixels.length}`);
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser gave no 2-D canvas context');
  const image = context.createImageData(width, height);
  const hot = divergingColor(1, 1);
  for (let cell = 0; cell < width * height; cell += 1) {
    const pixel = [pixels[cell * 3] ?? 0, pixels[cell * 3 + 1] ?? 0, pixels[cell * 3 + 2] ?? 0] as const;
    const [red, green, blue] = blendPixel(pixel, hot, map.values[cell] ?? 0, OVERLAY_OPACITY);
    image.data[cell * 4] = red;
    image.data[cell * 4 + 1] = green;
    image.data[cell * 4 + 2] = blue;
    image.data[cell * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}
