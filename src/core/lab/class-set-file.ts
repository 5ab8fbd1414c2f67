/**
 * A class set as one file, so a teacher can prepare one and hand it out: JSON with every class's name
 * and its pictures as the network sees them (32 × 32 × 3 bytes, base64), about 4 kB a picture. Read
 * back strictly: a file that is not one, or is damaged, is refused with a message naming the field.
 */
import * as v from 'valibot';
import { CIFAR_IMAGE_BYTES } from '../data/cifar-format';
import { cleanClassName, MAX_CLASSES, MAX_PICTURES_PER_CLASS, type ClassSet } from '../data/class-set';
import { checkEnvelope } from './lab';
import { isRecord, problemsFromIssues, quoteValue, type LabNote } from './lab-notes';

/** The `format` of a class-set file. */
export const CLASS_SET_FORMAT = 'cnn-playground-class-set';
/** The version written, and the newest read. */
export const CLASS_SET_VERSION = 1;
/** The file name's ending. */
export const CLASS_SET_EXTENSION = '.classes.json';

/** A class set read from a file: names and pixels; ids are given when it is stored. */
export interface ClassSetContent {
  readonly name: string;
  readonly classes: readonly { readonly name: string; readonly pictures: readonly Uint8Array[] }[];
}

/** What reading a file gives. */
export type ClassSetFileParse = { readonly ok: true; readonly content: ClassSetContent } | { readonly ok: false; readonly problems: readonly LabNote[] };

const FILE_SCHEMA = v.object({
  format: v.literal(CLASS_SET_FORMAT, `must be '${CLASS_SET_FORMAT}'`),
  version: v.literal(CLASS_SET_VERSION, `must be ${CLASS_SET_VERSION}`),
  imageShape: v.optional(v.tuple([v.literal(32), v.literal(32), v.literal(3)], 'must be [32, 32, 3]: pictures are kept as the network sees them')),
  name: v.string('must be the set’s name'),
  classes: v.pipe(v.array(v.object({ name: v.string('must be the class’s name'), pictures: v.array(v.string('must be a picture in base64'), 'must be a list of pictures') }), 'must be a list of classes'), v.minLength(1, 'must hold at least one class'), v.maxLength(MAX_CLASSES, `must hold at most ${MAX_CLASSES} classes`)),
});

/** `set` as the text of a class-set file. */
export function writeClassSetFile(set: Pick<ClassSet, 'name' | 'classes'>): string {
  const document = {
    format: CLASS_SET_FORMAT,
    version: CLASS_SET_VERSION,
    name: set.name,
    imageShape: [32, 32, 3],
    classes: set.classes.map((own) => ({ name: own.name, pictures: own.pictures.map((picture) => bytesToBase64(picture.pixels)) })),
  };
  return JSON.stringify(document);
}

/**
 * Read the text of a class-set file, strictly. Never throws: each problem names its part
 * (`classes[1].pictures[4]`, `version`) and what was found there.
 */
export function readClassSetFile(text: string): ClassSetFileParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: '', message: 'it is not a class-set file: it is not JSON' }] };
  }
  const refused = checkEnvelope(value, CLASS_SET_FORMAT, CLASS_SET_VERSION, 'class-set file');
  if (refused) return { ok: false, problems: refused };
  // checkEnvelope lets an unmarked document through (older lab documents had no mark); a class-set file always had one.
  for (const key of ['format', 'version'] as const) {
    if (isRecord(value) && value[key] === undefined) return { ok: false, problems: [{ path: key, message: `${key} must be ${key === 'format' ? `'${CLASS_SET_FORMAT}'` : String(CLASS_SET_VERSION)}, got nothing: this is not a class-set file` }] };
  }
  const parsed = v.safeParse(FILE_SCHEMA, value);
  if (!parsed.success) return { ok: false, problems: problemsFromIssues('', parsed.issues, '').map(({ path, message }) => ({ path, message })) };
  const problems: LabNote[] = [];
  const note = (path: string, message: string): void => {
    problems.push({ path, message: `${path} ${message}` });
  };
  const names: string[] = [];
  const classes = parsed.output.classes.map((own, classIndex) => {
    let name = own.name;
    try {
      name = cleanClassName(own.name, names);
    } catch (error) {
      note(`classes[${classIndex}].name`, `is refused: ${error instanceof Error ? error.message : String(error)}`);
    }
    names.push(name);
    if (own.pictures.length > MAX_PICTURES_PER_CLASS) note(`classes[${classIndex}].pictures`, `holds ${own.pictures.length} pictures; a class keeps at most ${MAX_PICTURES_PER_CLASS}`);
    const pictures = own.pictures.map((text, pictureIndex) => {
      const bytes = base64ToBytes(text);
      if (bytes?.length !== CIFAR_IMAGE_BYTES) note(`classes[${classIndex}].pictures[${pictureIndex}]`, `must be ${CIFAR_IMAGE_BYTES} bytes (32 × 32 × 3) in base64, got ${quoteValue(text)}`);
      return bytes ?? new Uint8Array(0);
    });
    return { name, pictures };
  });
  let setName = parsed.output.name;
  try {
    setName = cleanClassName(parsed.output.name, [], 'the set’s name');
  } catch (error) {
    note('name', `is refused: ${error instanceof Error ? error.message : String(error)}`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, content: { name: setName, classes } };
}

/** Bytes as base64 (`btoa` is in every browser, worker and Node this app runs on). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** Base64 as bytes, or null when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
  } catch {
    return null;
  }
}
