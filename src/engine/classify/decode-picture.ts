/**
 * A picture file → the network's 32 × 32 input, in the engine (a worker, normally, so a large photo
 * never stalls the page): read the header and refuse what must be refused before decoding, decode with
 * the browser's own decoder, keep the centred square, and resample it with the area-averaging math of
 * `src/core/data/image-resample.ts`.
 */
import { assertFileSize, ImageRejectedError, MAX_IMAGE_PIXELS, readImageHeader } from '../../core/data/image-header';
import { areaResampleToRgb, centreSquareCrop } from '../../core/data/image-resample';
import type { NamedBlob, PictureFacts } from '../protocol-classify';

/** A decoded picture: the network's input and what was learned on the way. */
export interface DecodedPicture {
  /** 32 × 32 × 3 uint8 RGB. */
  readonly input: Uint8Array;
  readonly facts: PictureFacts;
}

const FORMAT_NAMES: Record<PictureFacts['format'], string> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', bmp: 'BMP', avif: 'AVIF' };

/**
 * Decode `file` into the network's input. The first frame of an animation is used; EXIF rotation is
 * applied; colours are converted to sRGB by the browser (CMYK JPEGs included).
 *
 * @throws ImageRejectedError (a sentence naming the file) when the header check refuses the file or the
 *   browser cannot decode it; Error when this host has no `createImageBitmap` / `OffscreenCanvas`.
 */
export async function decodePicture(file: NamedBlob): Promise<DecodedPicture> {
  const { name, data } = file;
  assertFileSize(data.size, name);
  const bytes = new Uint8Array(await data.arrayBuffer());
  const header = readImageHeader(bytes, name, data.type);
  if (typeof createImageBitmap === 'undefined' || typeof OffscreenCanvas === 'undefined') {
    throw new Error('this engine cannot decode pictures here: it has no createImageBitmap or OffscreenCanvas');
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes]), { premultiplyAlpha: 'none', imageOrientation: 'from-image' });
  } catch {
    throw new ImageRejectedError(`${name} could not be decoded: its ${FORMAT_NAMES[header.format]} data is damaged, or uses a feature this browser does not support.`);
  }
  try {
    const { width, height } = bitmap;
    // The header was checked; the decoder's own idea of the size is checked too, before the canvas.
    if (width * height > MAX_IMAGE_PIXELS) throw new ImageRejectedError(`${name} decodes to ${width} × ${height} pixels, more than the ${MAX_IMAGE_PIXELS / 1e6} megapixels accepted.`);
    const crop = centreSquareCrop(width, height);
    const canvas = new OffscreenCanvas(crop.size, crop.size);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('this browser gave no 2-D canvas context to decode pictures with');
    context.drawImage(bitmap, crop.x, crop.y, crop.size, crop.size, 0, 0, crop.size, crop.size);
    const rgba = context.getImageData(0, 0, crop.size, crop.size).data;
    return {
      input: areaResampleToRgb(rgba, crop.size, crop.size),
      facts: { format: header.format, width, height, crop, frames: header.frames, jpegColour: header.jpegColour, hadTransparency: anyTransparent(rgba) },
    };
  } finally {
    bitmap.close();
  }
}

function anyTransparent(rgba: Uint8ClampedArray): boolean {
  for (let alpha = 3; alpha < rgba.length; alpha += 4) if ((rgba[alpha] ?? 255) < 255) return true;
  return false;
}
