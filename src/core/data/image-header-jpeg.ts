/**
 * JPEG's header: a chain of segments, each `FF xx` plus a 16-bit length, up to the first scan (`FF DA`)
 * where the compressed picture data begins. The frame header (SOF) holds the size and the number of
 * colour components: 1 grey, 3 YCbCr, 4 CMYK (or YCCK, when Adobe's APP14 segment says so). A complete
 * file ends with the end-of-image marker `FF D9`; a download cut short does not.
 */
import { ascii, ImageRejectedError, readUint16BE } from './image-bytes';
import type { ParsedHeader } from './image-header';

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic); not C4, C8, CC (tables). */
function isFrameMarker(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * Read a JPEG's size and colour model, and check that it is complete.
 * @throws ImageRejectedError when the segments run past the end, no frame header comes before the first
 *   scan, or the file has no end-of-image marker after its scan (cut short).
 */
export function readJpegHeader(bytes: Uint8Array, fileName: string): ParsedHeader {
  const cutShort = (): ImageRejectedError =>
    new ImageRejectedError(`${fileName} is cut short: the JPEG ends before its end-of-image marker, so part of the picture is missing (an interrupted download?).`);
  let offset = 2;
  let frame: { width: number; height: number; components: number } | null = null;
  let adobeTransform: number | null = null;
  for (;;) {
    if (offset + 1 >= bytes.length) throw cutShort();
    if (bytes[offset] !== 0xff) throw new ImageRejectedError(`${fileName} is a damaged JPEG: byte ${offset} should begin a segment marker but does not.`);
    offset += 1;
    // Any number of FF fill bytes may precede a marker code.
    while (bytes[offset] === 0xff) offset += 1;
    const marker = bytes[offset];
    offset += 1;
    if (marker === undefined) throw cutShort();
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;
    if (marker === 0xd9) throw new ImageRejectedError(`${fileName} is a damaged JPEG: it ends before any picture data.`);
    const length = readUint16BE(bytes, offset);
    if (length < 2 || offset + length > bytes.length) throw cutShort();
    if (isFrameMarker(marker)) {
      frame = { height: readUint16BE(bytes, offset + 3), width: readUint16BE(bytes, offset + 5), components: bytes[offset + 7] ?? 0 };
    }
    if (marker === 0xee && ascii(bytes, offset + 2, 5) === 'Adobe') adobeTransform = bytes[offset + 2 + 11] ?? null;
    if (marker === 0xda) {
      if (!frame) throw new ImageRejectedError(`${fileName} is a damaged JPEG: its picture data starts before the header that gives its size.`);
      if (!hasEndMarker(bytes, offset + length)) throw cutShort();
      return { width: frame.width, height: frame.height, frames: 1, jpegColour: colourModel(frame.components, adobeTransform), mayHaveAlpha: false };
    }
    offset += length;
  }
}

/** True when `FF D9` occurs at or after `from` (searched from the end: it is usually the last two bytes). */
function hasEndMarker(bytes: Uint8Array, from: number): boolean {
  for (let index = bytes.length - 2; index >= from; index -= 1) {
    if (bytes[index] === 0xff && bytes[index + 1] === 0xd9) return true;
  }
  return false;
}

function colourModel(components: number, adobeTransform: number | null): ParsedHeader['jpegColour'] {
  if (components === 1) return 'grey';
  if (components === 4) return adobeTransform === 2 ? 'ycck' : 'cmyk';
  return 'ycbcr';
}
