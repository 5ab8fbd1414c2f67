/**
 * Writing JavaScript values as Python (and JavaScript) source text, for the generated Keras and
 * TensorFlow.js code. Pure string work.
 */
import { sizePair, type Size2D } from '../model/model-spec';

/**
 * A number as both languages read it back exactly: `0.01`, `512`, `1e-7` (JavaScript's shortest
 * round-trip form, which Python parses to the same double).
 * @throws RangeError for NaN or an infinity, which have no literal in Python.
 */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`a code literal needs a finite number, got ${value}`);
  return Object.is(value, -0) ? '0' : String(value);
}

/** A Python string literal in double quotes (the values written here never hold quotes or backslashes). */
export function pythonString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A JavaScript string literal in single quotes, as the project's TypeScript writes them. */
export function jsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `True` / `False`. */
export function pythonBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** A 2-D size as the tutorial writes it in Keras: `(3, 3)`. */
export function pythonPair(size: Size2D): string {
  const [rows, cols] = sizePair(size);
  return `(${numberLiteral(rows)}, ${numberLiteral(cols)})`;
}

/** A 2-D size as tfjs takes it: `[3, 3]`. */
export function jsPair(size: Size2D): string {
  const [rows, cols] = sizePair(size);
  return `[${numberLiteral(rows)}, ${numberLiteral(cols)}]`;
}

/** Whether a size is 1 along both axes (a stride Keras need not be told). */
export function isUnitSize(size: Size2D): boolean {
  const [rows, cols] = sizePair(size);
  return rows === 1 && cols === 1;
}
