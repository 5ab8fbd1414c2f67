import { READABLE_FORMATS_TEXT } from '../../../core/data/image-header';

/** File names the engine's decoder reads (the header check decides; this only skips what is plainly no picture). */
const PICTURE_NAME = /\.(png|jpe?g|gif|webp|bmp|avif)$/i;

/**
 * The picture files among `files` (a folder holds other things too: a `.DS_Store`, a text file):
 * those whose type is an image or whose name ends like one. The rest are counted, not sent.
 */
export function picturesOnly(files: readonly File[]): { readonly pictures: File[]; readonly skipped: number } {
  const pictures = files.filter((file) => file.type.startsWith('image/') || PICTURE_NAME.test(file.name));
  return { pictures, skipped: files.length - pictures.length };
}

/** The formats a class picture may be in, for messages. */
export const PICTURE_FORMATS = READABLE_FORMATS_TEXT;
