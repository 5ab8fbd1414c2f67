import { fitWithin, imageBytesToVolume } from '../core/data/image-volume';
import type { Volume } from '../core/lessons/volume';

/**
 * Decode a picture file the user dropped or picked, scaled down so its long side is at most
 * `maxSide` pixels (the browser's high-quality resampling), as an RGB volume of 0…255 values.
 * Nothing is uploaded: decoding happens in this page.
 * @throws Error with a sentence for the user when the browser cannot read the file as an image.
 */
export async function decodeImageFile(file: Blob & { readonly name?: string }, maxSide = 128): Promise<Volume> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`${file.name ?? 'This file'} is not a picture this browser can open (try a PNG or JPEG)`);
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, maxSide);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser gave no 2-D canvas context');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const { data } = context.getImageData(0, 0, size.width, size.height);
    return imageBytesToVolume(data, size.height, size.width, 4, 3);
  } finally {
    bitmap.close();
  }
}
