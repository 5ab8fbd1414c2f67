/**
 * GIF's structure: a 13-byte header with the "logical screen" size, an optional colour table, then
 * blocks — extensions (`21`), frames (`2C`, each with its own position and size) — until the trailer
 * (`3B`). Walking the blocks counts the frames of an animation and finds the largest extent any frame
 * reaches, which is what a decoder would allocate.
 */
import { ascii, ImageRejectedError, readUintLE } from './image-bytes';
import type { ParsedHeader } from './image-header';

/**
 * Read a GIF's size, frame count and transparency.
 * @throws ImageRejectedError when it holds no complete frame (cut short or damaged before the first).
 */
export function readGifHeader(bytes: Uint8Array, fileName: string): ParsedHeader {
  if (ascii(bytes, 0, 3) !== 'GIF' || bytes.length < 13) throw new ImageRejectedError(`${fileName} is cut short: its GIF header is incomplete.`);
  let width = readUintLE(bytes, 6, 2);
  let height = readUintLE(bytes, 8, 2);
  let offset = 13 + colourTableBytes(bytes[10] ?? 0);
  let frames = 0;
  let transparent = false;
  // A frame cut short is not counted; a GIF whose later frames are missing still shows its first.
  for (;;) {
    const block = bytes[offset];
    if (block === 0x3b || (block === undefined && frames > 0)) break;
    if (block === 0x21) {
      if (bytes[offset + 1] === 0xf9 && ((bytes[offset + 3] ?? 0) & 1) === 1) transparent = true;
      const end = skipSubBlocks(bytes, offset + 2);
      if (end < 0) break;
      offset = end;
    } else if (block === 0x2c) {
      const right = readUintLE(bytes, offset + 1, 2) + readUintLE(bytes, offset + 5, 2);
      const bottom = readUintLE(bytes, offset + 3, 2) + readUintLE(bytes, offset + 7, 2);
      // Descriptor (10 bytes), local colour table, LZW code size (1 byte), then the data sub-blocks.
      const end = skipSubBlocks(bytes, offset + 10 + colourTableBytes(bytes[offset + 9] ?? 0) + 1);
      if (end < 0) break;
      width = Math.max(width, right);
      height = Math.max(height, bottom);
      frames += 1;
      offset = end;
    } else {
      if (frames > 0) break;
      throw new ImageRejectedError(
        block === undefined
          ? `${fileName} is cut short: the GIF ends before its first picture is complete.`
          : `${fileName} is a damaged GIF: byte ${offset} is neither a picture nor an extension block.`,
      );
    }
  }
  if (frames === 0) throw new ImageRejectedError(`${fileName} is cut short or empty: the GIF holds no complete picture.`);
  return { width, height, frames, jpegColour: null, mayHaveAlpha: transparent };
}

/** Bytes of the colour table a packed flags byte announces (0 when its top bit is clear). */
function colourTableBytes(packed: number): number {
  return (packed & 0x80) === 0 ? 0 : 3 * 2 ** ((packed & 0x07) + 1);
}

/** Offset just past a chain of sub-blocks (length byte, data, ..., a zero length), or -1 when cut short. */
function skipSubBlocks(bytes: Uint8Array, from: number): number {
  let offset = from;
  for (;;) {
    const size = bytes[offset];
    if (size === undefined) return -1;
    offset += 1 + size;
    if (size === 0) return offset;
    if (offset > bytes.length) return -1;
  }
}
