/**
 * Small readers of binary file headers, shared by the picture-format parsers. Each returns -1 (or a
 * shorter string) past the end of the buffer instead of throwing, so a parser checks one value rather
 * than guarding every read.
 */

/** A file refused before decoding; `message` is a sentence for the user that names the file. */
export class ImageRejectedError extends Error {
  override readonly name = 'ImageRejectedError';
}

/** True when `bytes` begins with `prefix`. */
export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

/** `length` bytes from `offset` as Latin-1 text (missing bytes are left out). */
export function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

/** Big-endian unsigned 16-bit integer at `offset`, or -1 past the end. */
export function readUint16BE(bytes: Uint8Array, offset: number): number {
  if (offset + 2 > bytes.length) return -1;
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
}

/** Big-endian unsigned 32-bit integer at `offset`, or -1 past the end. */
export function readUint32BE(bytes: Uint8Array, offset: number): number {
  if (offset + 4 > bytes.length) return -1;
  return ((bytes[offset] ?? 0) * 2 ** 24) + (((bytes[offset + 1] ?? 0) << 16) | ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0));
}

/** Little-endian unsigned integer of `byteCount` (1–4) bytes at `offset`, or -1 past the end. */
export function readUintLE(bytes: Uint8Array, offset: number, byteCount: number): number {
  if (offset + byteCount > bytes.length) return -1;
  let value = 0;
  for (let index = byteCount - 1; index >= 0; index -= 1) value = value * 256 + (bytes[offset + index] ?? 0);
  return value;
}
