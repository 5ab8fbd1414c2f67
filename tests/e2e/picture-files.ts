/**
 * Real picture files made in the test, byte by byte: PNG through pngjs, and small writers of our own
 * for what pngjs cannot make — baseline JPEGs (grey, YCbCr and Adobe CMYK), animated GIFs, and a PNG
 * "decompression bomb" (20 000 × 20 000 pixels in about 50 KB). Used by the header unit tests and the
 * end-to-end tests of the Classify area.
 *
 * The JPEG writer codes flat-coloured pictures only: every 8 × 8 block has just a DC coefficient, so
 * it needs no DCT, yet its output is a standard baseline JPEG any decoder reads.
 */
import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/** An RGBA colour, 0…255 each. */
export type Rgba = readonly [number, number, number, number];

/** A PNG of `width` × `height` whose pixel (x, y) is `colour(x, y)`. */
export function pngFile(width: number, height: number, colour: (x: number, y: number) => Rgba): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [r, g, b, a] = colour(x, y);
      png.data.set([r, g, b, a], (y * width + x) * 4);
    }
  }
  return PNG.sync.write(png);
}

/** A PNG from 32 × 32 × 3 RGB bytes (a CIFAR-10 image), opaque. */
export function pngFromRgb(rgb: Uint8Array, width = 32, height = 32): Buffer {
  return pngFile(width, height, (x, y) => {
    const at = (y * width + x) * 3;
    return [rgb[at] ?? 0, rgb[at + 1] ?? 0, rgb[at + 2] ?? 0, 255];
  });
}

/**
 * A valid 1-bit greyscale PNG of `width` × `height`, all black: the zero rows compress about 1 000 : 1,
 * so 20 000 × 20 000 pixels (1.6 GB as RGBA) fit in about 50 KB.
 */
export function bombPng(width = 20_000, height = 20_000): Buffer {
  const rowBytes = 1 + Math.ceil(width / 8);
  const idat = deflateSync(Buffer.alloc(rowBytes * height), { level: 9 });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A PNG chunk with its CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** How a flat JPEG stores its colour. */
export type JpegColour =
  | { readonly model: 'grey'; readonly value: number }
  | { readonly model: 'rgb'; readonly rgb: readonly [number, number, number] }
  /** Ink amounts 0…255 as printers mean them; stored inverted, as Adobe's CMYK JPEGs do. */
  | { readonly model: 'cmyk'; readonly cmyk: readonly [number, number, number, number] };

/** A baseline JPEG of `width` × `height` in one flat colour (grey, YCbCr from RGB, or Adobe CMYK). */
export function flatJpeg(width: number, height: number, colour: JpegColour): Buffer {
  const values = componentValues(colour);
  // DC coefficient of a flat 8 × 8 block of value v (quantisation 1): 8 · (v − 128).
  const dcs = values.map((value) => 8 * (Math.round(value) - 128));
  const categories = [...new Set([0, ...dcs.map(category)])].sort((a, b) => a - b);
  const writer = new BitWriter();
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  for (let block = 0; block < blocks; block += 1) {
    dcs.forEach((dc) => {
      // Each component's first block codes its DC; the rest code a difference of 0.
      const diff = block === 0 ? dc : 0;
      const size = category(diff);
      writer.write(categories.indexOf(size), 3);
      if (size > 0) writer.write(diff > 0 ? diff : diff + (1 << size) - 1, size);
      writer.write(0, 1); // end of block: the AC table's one code
    });
  }
  const components = values.length;
  const segments: Buffer[] = [Buffer.from([0xff, 0xd8])];
  if (colour.model === 'cmyk') segments.push(segment(0xee, [...Buffer.from('Adobe', 'latin1'), 0, 100, 0, 0, 0, 0, 0]));
  segments.push(segment(0xdb, [0, ...new Array<number>(64).fill(1)]));
  const frame = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, components];
  for (let index = 0; index < components; index += 1) frame.push(index + 1, 0x11, 0);
  segments.push(segment(0xc0, frame));
  // DC table: every category used, each a 3-bit code; AC table: one 1-bit code, end of block.
  segments.push(segment(0xc4, [0x00, 0, 0, categories.length, ...new Array<number>(13).fill(0), ...categories]));
  segments.push(segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]));
  const scan = [components];
  for (let index = 0; index < components; index += 1) scan.push(index + 1, 0x00);
  segments.push(segment(0xda, [...scan, 0, 63, 0]));
  segments.push(writer.finish(), Buffer.from([0xff, 0xd9]));
  return Buffer.concat(segments);
}

function componentValues(colour: JpegColour): number[] {
  if (colour.model === 'grey') return [colour.value];
  if (colour.model === 'cmyk') return colour.cmyk.map((ink) => 255 - ink);
  const [r, g, b] = colour.rgb;
  return [0.299 * r + 0.587 * g + 0.114 * b, 128 - 0.168736 * r - 0.331264 * g + 0.5 * b, 128 + 0.5 * r - 0.418688 * g - 0.081312 * b].map((v) => Math.min(255, Math.max(0, v)));
}

function category(value: number): number {
  let size = 0;
  for (let magnitude = Math.abs(value); magnitude > 0; magnitude >>= 1) size += 1;
  return size;
}

function segment(marker: number, data: readonly number[]): Buffer {
  const length = data.length + 2;
  return Buffer.from([0xff, marker, length >> 8, length & 0xff, ...data]);
}

/** Bits written most significant first, with JPEG's FF → FF 00 stuffing and 1-padding at the end. */
class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private filled = 0;

  write(value: number, bitCount: number): void {
    for (let bit = bitCount - 1; bit >= 0; bit -= 1) {
      this.current = (this.current << 1) | ((value >> bit) & 1);
      this.filled += 1;
      if (this.filled === 8) this.flush();
    }
  }

  finish(): Buffer {
    while (this.filled !== 0) this.write(1, 1);
    return Buffer.from(this.bytes);
  }

  private flush(): void {
    this.bytes.push(this.current);
    if (this.current === 0xff) this.bytes.push(0x00);
    this.current = 0;
    this.filled = 0;
  }
}

/**
 * A GIF of `width` × `height` with one flat-coloured frame per colour (an animation when several),
 * looping forever, 0.5 s a frame. A colour with alpha 0 makes that frame transparent.
 */
export function flatGif(width: number, height: number, frames: readonly Rgba[]): Buffer {
  const palette = [...frames.map(([r, g, b]) => [r, g, b]), [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]].slice(0, 4).flat();
  const parts: number[] = [...Buffer.from('GIF89a', 'latin1'), width & 0xff, width >> 8, height & 0xff, height >> 8, 0x81, 0, 0, ...palette];
  if (frames.length > 1) parts.push(0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0', 'latin1'), 0x03, 0x01, 0x00, 0x00, 0x00);
  frames.forEach((colour, index) => {
    const transparent = colour[3] === 0;
    parts.push(0x21, 0xf9, 0x04, transparent ? 0x09 : 0x08, 50, 0, index, 0x00);
    parts.push(0x2c, 0, 0, 0, 0, width & 0xff, width >> 8, height & 0xff, height >> 8, 0x00, 0x02);
    const data = lzwLiteral(new Array<number>(width * height).fill(index));
    for (let offset = 0; offset < data.length; offset += 255) {
      const chunk = data.slice(offset, offset + 255);
      parts.push(chunk.length, ...chunk);
    }
    parts.push(0x00);
  });
  parts.push(0x3b);
  return Buffer.from(parts);
}

/**
 * LZW data for 2-bit pixel indices that never lets the code table grow past 3-bit codes: a clear code
 * before every two pixels (valid GIF, just not compressed).
 */
function lzwLiteral(indices: readonly number[]): number[] {
  const CLEAR = 4;
  const END = 5;
  const bytes: number[] = [];
  let current = 0;
  let filled = 0;
  const write = (code: number): void => {
    current |= code << filled;
    filled += 3;
    while (filled >= 8) {
      bytes.push(current & 0xff);
      current >>= 8;
      filled -= 8;
    }
  };
  indices.forEach((index, position) => {
    if (position % 2 === 0) write(CLEAR);
    write(index);
  });
  write(END);
  if (filled > 0) bytes.push(current & 0xff);
  return bytes;
}
