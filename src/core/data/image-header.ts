/**
 * What a picture file says about itself before anyone decodes it: its format, its size in pixels, its
 * frames and colour model, and whether it is complete. The classifier reads this first so that a file
 * claiming 20 000 × 20 000 pixels (a "decompression bomb": a few kilobytes that would unpack to
 * gigabytes) is refused before a single pixel buffer is allocated.
 *
 * Pure byte work: every parser reads only the bytes it is given and never trusts a length without
 * checking it against the end of the buffer.
 */
import { ascii, ImageRejectedError, readUint32BE, startsWith } from './image-bytes';
import { readGifHeader } from './image-header-gif';
import { readJpegHeader } from './image-header-jpeg';
import { readAvifHeader, readBmpHeader, readPngHeader, readWebpHeader } from './image-header-formats';

export { ImageRejectedError } from './image-bytes';

/** Formats the classifier decodes (those every current browser's `createImageBitmap` reads). */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif';

/** The formats by their usual names, for messages. */
export const READABLE_FORMATS_TEXT = 'PNG, JPEG, GIF, WebP, BMP or AVIF';

/** Most pixels (width × height) a picture may have: 50 megapixels, about 200 MB once decoded to RGBA. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Largest file accepted, in bytes (50 MiB). */
export const MAX_IMAGE_FILE_BYTES = 50 * 1024 * 1024;

/** A picture's header, read without decoding. */
export interface ImageHeader {
  readonly format: ImageFormat;
  /** Pixels across and down, as stored (before any EXIF rotation). */
  readonly width: number;
  readonly height: number;
  /** Frames of an animation (GIF, APNG, animated WebP); 1 for a still picture; null when unknown. */
  readonly frames: number | null;
  /** JPEG's colour model: 'cmyk' or 'ycck' for print-shop files, 'grey', 'ycbcr'; null for other formats. */
  readonly jpegColour: 'grey' | 'ycbcr' | 'cmyk' | 'ycck' | null;
  /** True when the format or header says the picture may have transparent pixels. */
  readonly mayHaveAlpha: boolean;
}

/** What the parsers below return before the size checks. */
export type ParsedHeader = Omit<ImageHeader, 'format'>;

/**
 * Read a picture file's header and check it against the limits.
 *
 * @param bytes the whole file.
 * @param fileName shown in messages.
 * @param mimeType the type the browser reported (used only to recognise SVG), or ''.
 * @throws ImageRejectedError when the file is empty, too large, not a format listed in
 *   READABLE_FORMATS_TEXT (SVG, TIFF, HEIC and text are named as such), cut short, or over
 *   MAX_IMAGE_PIXELS.
 */
export function readImageHeader(bytes: Uint8Array, fileName: string, mimeType = ''): ImageHeader {
  assertFileSize(bytes.length, fileName);
  const format = sniffFormat(bytes);
  if (format === null) throw new ImageRejectedError(describeUnreadable(bytes, fileName, mimeType));
  const parsed = parseHeader(format, bytes, fileName);
  const { width, height } = parsed;
  if (!(width >= 1 && height >= 1)) throw new ImageRejectedError(`${fileName} says it is ${width} × ${height} pixels: a picture needs at least 1 × 1.`);
  if (width * height > MAX_IMAGE_PIXELS) {
    const gigabytes = ((width * height * 4) / 1e9).toFixed(1);
    throw new ImageRejectedError(
      `${fileName} is ${width.toLocaleString('en-US')} × ${height.toLocaleString('en-US')} pixels (${formatMegapixels(width * height)} megapixels). ` +
        `Pictures up to ${MAX_IMAGE_PIXELS / 1e6} megapixels are accepted, so it was refused before decoding: it would need ${gigabytes} GB of memory.`,
    );
  }
  return { format, ...parsed };
}

/**
 * Check a file's size before reading it.
 * @throws ImageRejectedError when it is empty or over MAX_IMAGE_FILE_BYTES.
 */
export function assertFileSize(byteCount: number, fileName: string): void {
  if (byteCount === 0) throw new ImageRejectedError(`${fileName} is empty (0 bytes): there is no picture in it.`);
  if (byteCount > MAX_IMAGE_FILE_BYTES) {
    throw new ImageRejectedError(`${fileName} is ${megabytes(byteCount)} MB; files up to ${MAX_IMAGE_FILE_BYTES / 1024 / 1024} MB are accepted.`);
  }
}

/** The format a file's first bytes (its "magic number") announce, or null. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 26) return 'bmp';
  if (ascii(bytes, 4, 4) === 'ftyp' && isoBrands(bytes).some((brand) => brand === 'avif' || brand === 'avis')) return 'avif';
  return null;
}

function parseHeader(format: ImageFormat, bytes: Uint8Array, fileName: string): ParsedHeader {
  switch (format) {
    case 'png':
      return readPngHeader(bytes, fileName);
    case 'jpeg':
      return readJpegHeader(bytes, fileName);
    case 'gif':
      return readGifHeader(bytes, fileName);
    case 'webp':
      return readWebpHeader(bytes, fileName);
    case 'bmp':
      return readBmpHeader(bytes, fileName);
    case 'avif':
      return readAvifHeader(bytes, fileName);
  }
}

/** Why a file that is none of the readable formats is refused, naming what it looks like. */
function describeUnreadable(bytes: Uint8Array, fileName: string, mimeType: string): string {
  const start = ascii(bytes, 0, Math.min(bytes.length, 1024)).replace(/^\uFEFF/, '').trimStart();
  if (mimeType === 'image/svg+xml' || /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(start)) {
    return (
      `${fileName} is an SVG drawing, which this page refuses: SVG is made of shapes, not pixels, and has no fixed size, ` +
      'and drawing untrusted SVG would run the browser\u2019s SVG renderer on it. Save it as PNG (or take a screenshot) and drop that.'
    );
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return `${fileName} is a TIFF file, which browsers cannot open; save it as PNG or JPEG first.`;
  }
  if (ascii(bytes, 4, 4) === 'ftyp' && isoBrands(bytes).some((brand) => /^(heic|heix|heim|heis|hevc|mif1|msf1)$/.test(brand))) {
    return `${fileName} is a HEIC/HEIF photo (the iPhone's format), which this browser cannot decode; export it as JPEG first.`;
  }
  const head = bytes.subarray(0, Math.min(bytes.length, 512));
  const printable = head.every((byte) => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127) || byte >= 0xc2);
  if (printable) return `${fileName} is not a picture: it looks like a text file. Drop a ${READABLE_FORMATS_TEXT} image.`;
  const hex = Array.from(bytes.subarray(0, 4), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return `${fileName} is not a picture this page can read: it is not ${READABLE_FORMATS_TEXT} (it starts with the bytes ${hex}).`;
}

/** The ISO-BMFF major and compatible brands from a file's `ftyp` box (AVIF, HEIC, MP4). */
function isoBrands(bytes: Uint8Array): string[] {
  const size = readUint32BE(bytes, 0);
  const end = Math.min(bytes.length, size);
  const brands = [ascii(bytes, 8, 4)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, 4));
  return brands;
}

function megabytes(byteCount: number): string {
  return (byteCount / 1024 / 1024).toFixed(1);
}

function formatMegapixels(pixels: number): string {
  return (pixels / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 });
}
