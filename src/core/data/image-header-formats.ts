/**
 * Headers of PNG, WebP, BMP and AVIF: where each keeps its size, frames and transparency, and how to tell
 * that a file is complete. (JPEG and GIF, whose headers take a walk, have files of their own.)
 */
import { ascii, ImageRejectedError, readUint32BE, readUintLE } from './image-bytes';
import type { ParsedHeader } from './image-header';

/**
 * PNG: chunks of (length, type, data, CRC), IHDR first with the size, IEND last. `tRNS` or an alpha
 * colour type means transparency; `acTL` makes it an animated PNG with that many frames.
 * @throws ImageRejectedError when the chunks run past the end before IEND (cut short) or IHDR is missing.
 */
export function readPngHeader(bytes: Uint8Array, fileName: string): ParsedHeader {
  if (ascii(bytes, 12, 4) !== 'IHDR') throw new ImageRejectedError(`${fileName} is a damaged PNG: it does not start with its IHDR header.`);
  const width = readUint32BE(bytes, 16);
  const height = readUint32BE(bytes, 20);
  const colourType = bytes[25];
  let alpha = colourType === 4 || colourType === 6;
  let frames = 1;
  let offset = 8;
  for (;;) {
    const length = readUint32BE(bytes, offset);
    if (length < 0 || length > 0x7fffffff || offset + 12 + length > bytes.length) {
      throw new ImageRejectedError(`${fileName} is cut short: the PNG ends before its IEND chunk, so part of the picture is missing (an interrupted download?).`);
    }
    const type = ascii(bytes, offset + 4, 4);
    if (type === 'tRNS') alpha = true;
    if (type === 'acTL') frames = readUint32BE(bytes, offset + 8);
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  return { width, height, frames, jpegColour: null, mayHaveAlpha: alpha };
}

/**
 * WebP: a RIFF container holding one `VP8 ` (lossy), `VP8L` (lossless) or `VP8X` (extended: alpha,
 * animation) chunk first, each with the size in its own bit layout.
 * @throws ImageRejectedError when the file is shorter than its RIFF size or the first chunk is unknown.
 */
export function readWebpHeader(bytes: Uint8Array, fileName: string): ParsedHeader {
  const riffBytes = readUintLE(bytes, 4, 4);
  if (riffBytes < 0 || bytes.length < 8 + riffBytes) throw new ImageRejectedError(`${fileName} is cut short: the WebP file is shorter than its header says.`);
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ') {
    return { width: readUintLE(bytes, 26, 2) & 0x3fff, height: readUintLE(bytes, 28, 2) & 0x3fff, frames: 1, jpegColour: null, mayHaveAlpha: false };
  }
  if (chunk === 'VP8L') {
    const bits = readUintLE(bytes, 21, 4);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, frames: 1, jpegColour: null, mayHaveAlpha: (bits >>> 28) % 2 === 1 };
  }
  if (chunk === 'VP8X') {
    const flags = bytes[20] ?? 0;
    const animated = (flags & 0x02) !== 0;
    return {
      width: readUintLE(bytes, 24, 3) + 1,
      height: readUintLE(bytes, 27, 3) + 1,
      frames: animated ? countWebpFrames(bytes) : 1,
      jpegColour: null,
      mayHaveAlpha: (flags & 0x10) !== 0,
    };
  }
  throw new ImageRejectedError(`${fileName} is a damaged WebP: its first chunk is “${chunk}”, not VP8, VP8L or VP8X.`);
}

/** ANMF (animation frame) chunks counted; null when none is found (a damaged or partial file). */
function countWebpFrames(bytes: Uint8Array): number | null {
  let frames = 0;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    if (ascii(bytes, offset, 4) === 'ANMF') frames += 1;
    const size = readUintLE(bytes, offset + 4, 4);
    if (size < 0) break;
    offset += 8 + size + (size % 2);
  }
  return frames > 0 ? frames : null;
}

/**
 * BMP: a 14-byte file header, then a DIB header whose size says which layout follows (12 bytes: 16-bit
 * sizes; 40 or more: 32-bit signed sizes, a negative height meaning top-down rows).
 * @throws ImageRejectedError when the file is shorter than the size its header states.
 */
export function readBmpHeader(bytes: Uint8Array, fileName: string): ParsedHeader {
  const declared = readUintLE(bytes, 2, 4);
  if (declared > bytes.length) throw new ImageRejectedError(`${fileName} is cut short: the BMP header says ${declared} bytes, the file has ${bytes.length}.`);
  const dibBytes = readUintLE(bytes, 14, 4);
  if (dibBytes === 12) return { width: readUintLE(bytes, 18, 2), height: readUintLE(bytes, 20, 2), frames: 1, jpegColour: null, mayHaveAlpha: false };
  const width = signed32(readUintLE(bytes, 18, 4));
  const height = Math.abs(signed32(readUintLE(bytes, 22, 4)));
  return { width, height, frames: 1, jpegColour: null, mayHaveAlpha: readUintLE(bytes, 28, 2) === 32 };
}

function signed32(value: number): number {
  return value >= 2 ** 31 ? value - 2 ** 32 : value;
}

/** Most bytes searched for AVIF's `ispe` boxes: the metadata comes first, before the picture data. */
const AVIF_HEADER_SEARCH_BYTES = 1 << 20;

/**
 * AVIF: an ISO-BMFF file whose item properties include `ispe` boxes (version/flags, then 32-bit width
 * and height). The largest is the picture (others are thumbnails or alpha planes).
 * @throws ImageRejectedError when no `ispe` box is found in the first megabyte.
 */
export function readAvifHeader(bytes: Uint8Array, fileName: string): ParsedHeader {
  let width = 0;
  let height = 0;
  const end = Math.min(bytes.length - 16, AVIF_HEADER_SEARCH_BYTES);
  for (let offset = 4; offset <= end; offset += 1) {
    if (bytes[offset] !== 0x69 || ascii(bytes, offset, 4) !== 'ispe') continue;
    const boxWidth = readUint32BE(bytes, offset + 8);
    const boxHeight = readUint32BE(bytes, offset + 12);
    if (boxWidth * boxHeight > width * height) {
      width = boxWidth;
      height = boxHeight;
    }
  }
  if (width === 0) throw new ImageRejectedError(`${fileName} is a damaged AVIF: its header gives no picture size.`);
  const animated = ascii(bytes, 8, 4) === 'avis';
  return { width, height, frames: animated ? null : 1, jpegColour: null, mayHaveAlpha: true };
}
