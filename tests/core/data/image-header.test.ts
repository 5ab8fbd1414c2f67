import { describe, expect, test } from 'vitest';
import { ImageRejectedError, MAX_IMAGE_PIXELS, readImageHeader, sniffFormat } from '../../../src/core/data/image-header';
import { bombPng, flatGif, flatJpeg, pngChunk, pngFile } from '../../e2e/picture-files';

const bytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer);
const rejection = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImageRejectedError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
};

describe('readImageHeader: what a file says before decoding', () => {
  test('PNG: size, alpha from the colour type, complete', () => {
    const header = readImageHeader(bytes(pngFile(7, 3, () => [1, 2, 3, 255])), 'a.png');
    expect(header).toEqual({ format: 'png', width: 7, height: 3, frames: 1, jpegColour: null, mayHaveAlpha: true });
  });

  test('PNG cut short (no IEND) is refused, naming the file', () => {
    const whole = pngFile(16, 16, (x) => [x * 10, 0, 0, 255]);
    expect(rejection(() => readImageHeader(bytes(whole.subarray(0, whole.length - 20)), 'cut.png'))).toMatch(/^cut\.png is cut short: the PNG ends before its IEND chunk/);
  });

  test('a 20 000 × 20 000 PNG bomb of ~50 KB is refused by its header, before any decoding', () => {
    const bomb = bombPng();
    expect(bomb.length).toBeLessThan(100_000);
    const message = rejection(() => readImageHeader(bytes(bomb), 'bomb.png'));
    expect(message).toBe(
      'bomb.png is 20,000 × 20,000 pixels (400 megapixels). Pictures up to 50 megapixels are accepted, so it was refused before decoding: it would need 1.6 GB of memory.',
    );
    expect(20_000 * 20_000).toBeGreaterThan(MAX_IMAGE_PIXELS);
  });

  test('APNG: the acTL chunk gives the frame count', () => {
    const still = pngFile(2, 2, () => [0, 0, 0, 255]);
    const actl = Buffer.alloc(8);
    actl.writeUInt32BE(5, 0);
    // acTL must come before IDAT: put it right after IHDR (8 + 25 bytes).
    const animated = Buffer.concat([still.subarray(0, 33), pngChunk('acTL', actl), still.subarray(33)]);
    expect(readImageHeader(bytes(animated), 'a.png').frames).toBe(5);
  });

  test('JPEG: size and colour model from the frame header; CMYK and grey named', () => {
    expect(readImageHeader(bytes(flatJpeg(40, 24, { model: 'rgb', rgb: [10, 20, 30] })), 'a.jpg')).toEqual({
      format: 'jpeg',
      width: 40,
      height: 24,
      frames: 1,
      jpegColour: 'ycbcr',
      mayHaveAlpha: false,
    });
    expect(readImageHeader(bytes(flatJpeg(8, 8, { model: 'cmyk', cmyk: [0, 255, 255, 0] })), 'c.jpg').jpegColour).toBe('cmyk');
    expect(readImageHeader(bytes(flatJpeg(8, 8, { model: 'grey', value: 9 })), 'g.jpg').jpegColour).toBe('grey');
  });

  test('JPEG without its end-of-image marker is refused as cut short; fill bytes before a marker are skipped', () => {
    const whole = flatJpeg(64, 64, { model: 'rgb', rgb: [200, 30, 40] });
    expect(rejection(() => readImageHeader(bytes(whole.subarray(0, whole.length - 2)), 'photo.jpg'))).toBe(
      'photo.jpg is cut short: the JPEG ends before its end-of-image marker, so part of the picture is missing (an interrupted download?).',
    );
    expect(rejection(() => readImageHeader(bytes(whole.subarray(0, 30)), 'photo.jpg'))).toMatch(/is cut short/);
    const filled = Buffer.concat([whole.subarray(0, 2), Buffer.from([0xff, 0xff]), whole.subarray(2)]);
    expect(readImageHeader(bytes(filled), 'f.jpg').width).toBe(64);
  });

  test('a JPEG header claiming 60 000 × 60 000 is refused without reading further', () => {
    const small = flatJpeg(8, 8, { model: 'grey', value: 1 });
    const huge = Buffer.from(small);
    const sof = huge.indexOf(Buffer.from([0xff, 0xc0]));
    huge.writeUInt16BE(60_000, sof + 5);
    huge.writeUInt16BE(60_000, sof + 7);
    expect(rejection(() => readImageHeader(bytes(huge), 'huge.jpg'))).toMatch(/^huge\.jpg is 60,000 × 60,000 pixels \(3,600 megapixels\)/);
  });

  test('GIF: frames counted, transparency seen, a frame larger than the screen counts', () => {
    const animated = readImageHeader(bytes(flatGif(20, 10, [[255, 0, 0, 255], [0, 0, 255, 0]])), 'a.gif');
    expect(animated).toEqual({ format: 'gif', width: 20, height: 10, frames: 2, jpegColour: null, mayHaveAlpha: true });
    const sneaky = Buffer.from(flatGif(4, 4, [[1, 2, 3, 255]]));
    const descriptor = sneaky.indexOf(0x2c, 13 + 12);
    sneaky.writeUInt16LE(30_000, descriptor + 5);
    sneaky.writeUInt16LE(30_000, descriptor + 7);
    expect(rejection(() => readImageHeader(bytes(sneaky), 's.gif'))).toMatch(/30,000 × 30,000 pixels/);
  });

  test('GIF cut short: refused before its first frame is complete, accepted after it (first frame used)', () => {
    const whole = flatGif(8, 8, [[1, 2, 3, 255], [4, 5, 6, 255]]);
    expect(rejection(() => readImageHeader(bytes(whole.subarray(0, 40)), 'cut.gif'))).toMatch(/^cut\.gif is cut short/);
    const oneFrame = readImageHeader(bytes(whole.subarray(0, whole.length - 8)), 'cut.gif');
    expect(oneFrame.frames).toBe(1);
  });

  test('WebP (lossy, lossless, extended), BMP and AVIF sizes', () => {
    const riff = (chunk: string, payload: number[]): Uint8Array => {
      const body = Buffer.from([...Buffer.from(`WEBP${chunk}`, 'latin1'), payload.length, 0, 0, 0, ...payload]);
      const head = Buffer.alloc(8);
      head.write('RIFF', 0, 'latin1');
      head.writeUInt32LE(body.length, 4);
      return bytes(Buffer.concat([head, body]));
    };
    expect(readImageHeader(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 100, 0, 50, 0]), 'a.webp')).toMatchObject({ format: 'webp', width: 100, height: 50 });
    const bits = 99 | (49 << 14) | (1 << 28);
    expect(readImageHeader(riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, bits >>> 24]), 'b.webp')).toMatchObject({ width: 100, height: 50, mayHaveAlpha: true });
    expect(readImageHeader(riff('VP8X', [0x10, 0, 0, 0, 199, 0, 0, 99, 0, 0]), 'c.webp')).toMatchObject({ width: 200, height: 100, mayHaveAlpha: true, frames: 1 });
    // Animated, but no frame chunk follows: the count is unknown rather than 0.
    expect(readImageHeader(riff('VP8X', [0x02, 0, 0, 0, 199, 0, 0, 99, 0, 0]), 'd.webp')).toMatchObject({ frames: null, mayHaveAlpha: false });

    const bmp = Buffer.alloc(54);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(54, 2);
    bmp.writeUInt32LE(40, 14);
    bmp.writeInt32LE(300, 18);
    bmp.writeInt32LE(-200, 22);
    bmp.writeUInt16LE(24, 28);
    expect(readImageHeader(bytes(bmp), 'a.bmp')).toMatchObject({ format: 'bmp', width: 300, height: 200, mayHaveAlpha: false });

    const ftyp = Buffer.from([0, 0, 0, 20, ...Buffer.from('ftypavif', 'latin1'), 0, 0, 0, 0, ...Buffer.from('mif1', 'latin1')]);
    const ispe = Buffer.from([0, 0, 0, 20, ...Buffer.from('ispe', 'latin1'), 0, 0, 0, 0, 0, 0, 0x0f, 0xa0, 0, 0, 0x0b, 0xb8]);
    expect(readImageHeader(bytes(Buffer.concat([ftyp, ispe, Buffer.alloc(16)])), 'a.avif')).toMatchObject({ format: 'avif', width: 4000, height: 3000 });
  });

  test('empty, text, SVG, TIFF and HEIC files are refused with what they are', () => {
    expect(rejection(() => readImageHeader(new Uint8Array(0), 'empty.png'))).toBe('empty.png is empty (0 bytes): there is no picture in it.');
    expect(rejection(() => readImageHeader(bytes(Buffer.from('hello, not a picture\n')), 'notes.txt'))).toBe(
      'notes.txt is not a picture: it looks like a text file. Drop a PNG, JPEG, GIF, WebP, BMP or AVIF image.',
    );
    const svg = bytes(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'));
    expect(rejection(() => readImageHeader(svg, 'logo.svg'))).toMatch(/^logo\.svg is an SVG drawing, which this page refuses/);
    expect(rejection(() => readImageHeader(bytes(Buffer.from('<svg viewBox="0 0 1 1"></svg>')), 'x.svg', 'image/svg+xml'))).toMatch(/SVG drawing/);
    expect(rejection(() => readImageHeader(bytes(Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0])), 'scan.tif'))).toMatch(/TIFF/);
    const heic = Buffer.from([0, 0, 0, 24, ...Buffer.from('ftypheic', 'latin1'), 0, 0, 0, 0, ...Buffer.from('mif1heic', 'latin1')]);
    expect(rejection(() => readImageHeader(bytes(heic), 'IMG_1.HEIC'))).toMatch(/HEIC\/HEIF photo/);
    expect(rejection(() => readImageHeader(bytes(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe])), 'blob.bin'))).toMatch(/starts with the bytes 00 01 02 03/);
  });

  test('files over 50 MB are refused by size', () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    big.set([0x89, 0x50, 0x4e, 0x47]);
    expect(rejection(() => readImageHeader(big, 'huge.png'))).toBe('huge.png is 50.0 MB; files up to 50 MB are accepted.');
  });

  test('sniffFormat reads only the magic numbers', () => {
    expect(sniffFormat(bytes(flatJpeg(8, 8, { model: 'grey', value: 1 })))).toBe('jpeg');
    expect(sniffFormat(bytes(flatGif(1, 1, [[0, 0, 0, 255]])))).toBe('gif');
    expect(sniffFormat(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
