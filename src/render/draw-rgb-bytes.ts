/**
 * Paint uint8 RGB images (NHWC, as the data set holds them) onto a canvas, one canvas pixel per image
 * pixel. Scale the canvas up with CSS `image-rendering: pixelated` so a 32 × 32 photo stays a grid of
 * crisp squares on a projector instead of a blur.
 */
import { CIFAR_CHANNELS, CIFAR_IMAGE_SIZE } from '../core/data/cifar-format';

/**
 * Draw the image that starts at byte `offset` of `pixels` (height × width × 3, row-major RGB).
 * The canvas is resized to the image.
 *
 * @throws RangeError when `pixels` holds fewer than offset + width·height·3 bytes.
 * @throws Error when the browser gives no 2-D context.
 */
export function drawRgbBytes(canvas: HTMLCanvasElement, pixels: Uint8Array, offset = 0, width = CIFAR_IMAGE_SIZE, height = CIFAR_IMAGE_SIZE): void {
  const bytes = width * height * CIFAR_CHANNELS;
  if (offset < 0 || offset + bytes > pixels.length) {
    throw new RangeError(`an image of ${width}×${height} RGB needs ${bytes} bytes from offset ${offset}, but only ${pixels.length - offset} are there`);
  }
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser gave no 2-D canvas context');
  const image = context.createImageData(width, height);
  for (let pixel = 0; pixel < width * height; pixel++) {
    const from = offset + pixel * 3;
    image.data[pixel * 4] = pixels[from] ?? 0;
    image.data[pixel * 4 + 1] = pixels[from + 1] ?? 0;
    image.data[pixel * 4 + 2] = pixels[from + 2] ?? 0;
    image.data[pixel * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}
