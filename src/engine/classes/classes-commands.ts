/**
 * The engine's handler for own-classes commands: class sets in this browser's storage, filled from
 * picture files and camera frames that are decoded, centre-cropped and area-resampled here exactly as
 * Classify treats a photo (`decodePicture`, `centreSquareToRgb`), so a thumbnail is what the network
 * will see. Decoding runs in the worker, so a folder of large photos never stalls the page.
 */
import { changeClassSet, newOwnId, summariseClassSet, type ClassPicture, type ClassSet, type OwnClass } from '../../core/data/class-set';
import { centreSquareToRgb } from '../../core/data/picture-input';
import { CLASS_SET_EXTENSION, readClassSetFile, writeClassSetFile } from '../../core/lab/class-set-file';
import { fileSafeName } from '../classify/classify-commands';
import { decodePicture } from '../classify/decode-picture';
import type { ClassesCommand, ClassesEvent, ClassSetListing, RgbaFrame } from '../protocol-classes';
import type { NamedBlob } from '../protocol-classify';
import type { ClassSetStore } from './class-set-store';

/** Largest class-set file read: 10 classes × 500 pictures × ~4 kB of base64 is about 20 MB. */
export const MAX_CLASS_SET_FILE_BYTES = 32 * 1024 * 1024;

/** What the handler needs from the engine around it. */
export interface ClassesHandlerOptions {
  readonly emit: (event: ClassesEvent) => void;
  readonly store: ClassSetStore;
  /** A picture file → 32 × 32 × 3 bytes (Classify's decoder); replaceable in tests that run without a browser. */
  readonly decode?: (file: NamedBlob) => Promise<Uint8Array>;
  readonly now?: () => Date;
  readonly random?: () => number;
}

/** Handles own-classes commands; answers through `emit`. */
export interface ClassesHandler {
  /** Handle one command. Never throws: failures become `classes-error` events. */
  handle(command: ClassesCommand): Promise<void>;
}

const GONE = 'that class set is no longer in this browser: it may have been deleted in another tab';

/** Make the own-classes handler of one engine. */
export function createClassesHandler(options: ClassesHandlerOptions): ClassesHandler {
  const { emit, store } = options;
  const decode = options.decode ?? (async (file: NamedBlob) => (await decodePicture(file)).input);
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const newId = (prefix: string): string => newOwnId(prefix, now().getTime(), random);

  async function requireSet(setId: string): Promise<ClassSet> {
    const set = await store.get(setId);
    if (!set) throw new Error(GONE);
    return set;
  }

  async function listings(): Promise<ClassSetListing[]> {
    return (await store.list()).map((set) => ({ ...summariseClassSet(set), thumbnails: set.classes.map((own) => own.pictures[0]?.pixels ?? null) }));
  }

  /** Add pictures to one class in one transaction, then answer with the set; what did not fit is said in `refused`. */
  async function addPictures(id: number, setId: string, classId: string, pixels: readonly Uint8Array[], refused: string[]): Promise<void> {
    const pictures: ClassPicture[] = pixels.map((input) => ({ id: newId('pic'), pixels: input }));
    let added = 0;
    const set = pictures.length === 0 ? await requireSet(setId) : await store.update(setId, (stored) => {
      const changed = changeClassSet(stored, { kind: 'add-pictures', classId, pictures }, now().toISOString(), () => newId('class'));
      added = changed.addedPictures;
      return changed.set;
    });
    if (!set) throw new Error(GONE);
    const left = pictures.length - added;
    if (left > 0) refused.push(`${left} ${left === 1 ? 'picture was' : 'pictures were'} not added: a class keeps at most 500 pictures.`);
    emit({ type: 'classes-set', id, set, added, refused });
  }

  async function handle(command: ClassesCommand): Promise<void> {
    switch (command.type) {
      case 'classes-list':
        emit({ type: 'classes-listed', id: command.id, sets: await listings() });
        return;
      case 'classes-open':
        emit({ type: 'classes-set', id: command.id, set: await requireSet(command.setId), added: 0, refused: [] });
        return;
      case 'classes-create': {
        const stamp = now().toISOString();
        const empty: ClassSet = { id: newId('set'), name: 'classes', createdAt: stamp, updatedAt: stamp, classes: [] };
        let set = changeClassSet(empty, { kind: 'rename-set', name: command.name }, stamp, () => newId('class')).set;
        for (const name of command.classNames) set = changeClassSet(set, { kind: 'add-class', name }, stamp, () => newId('class')).set;
        await store.put(set);
        emit({ type: 'classes-set', id: command.id, set, added: 0, refused: [] });
        return;
      }
      case 'classes-change': {
        const set = await store.update(command.setId, (stored) => changeClassSet(stored, command.change, now().toISOString(), () => newId('class')).set);
        if (!set) throw new Error(GONE);
        emit({ type: 'classes-set', id: command.id, set, added: 0, refused: [] });
        return;
      }
      case 'classes-delete':
        await store.delete(command.setId);
        emit({ type: 'classes-listed', id: command.id, sets: await listings() });
        return;
      case 'classes-add-files': {
        const refused: string[] = [];
        const pixels: Uint8Array[] = [];
        // One at a time: a folder of large photos is never decoded all at once.
        for (const file of command.files) {
          try {
            pixels.push(await decode(file));
          } catch (error) {
            refused.push(namingFile(file.name, describe(error)));
          }
        }
        await addPictures(command.id, command.setId, command.classId, pixels, refused);
        return;
      }
      case 'classes-add-frames': {
        const refused: string[] = [];
        const pixels: Uint8Array[] = [];
        command.frames.forEach((frame, index) => {
          try {
            pixels.push(frameToInput(frame));
          } catch (error) {
            refused.push(`Camera frame ${index + 1} could not be read: ${describe(error)}.`);
          }
        });
        await addPictures(command.id, command.setId, command.classId, pixels, refused);
        return;
      }
      case 'classes-export': {
        const set = await requireSet(command.setId);
        const file = { name: `${fileSafeName(set.name)}${CLASS_SET_EXTENSION}`, data: new Blob([writeClassSetFile(set)], { type: 'application/json' }) };
        emit({ type: 'classes-file', id: command.id, file });
        return;
      }
      case 'classes-import':
        emit({ type: 'classes-set', id: command.id, set: await importSet(command.file), added: 0, refused: [] });
        return;
    }
  }

  async function importSet(file: NamedBlob): Promise<ClassSet> {
    if (file.data.size > MAX_CLASS_SET_FILE_BYTES) throw new Error(`${file.name} was not imported: it is ${(file.data.size / 1024 / 1024).toFixed(1)} MB, and a class-set file is at most ${MAX_CLASS_SET_FILE_BYTES / 1024 / 1024} MB.`);
    const read = readClassSetFile(await file.data.text());
    if (!read.ok) {
      const shown = read.problems.slice(0, 3).map((problem) => problem.message);
      const more = read.problems.length > 3 ? ` (and ${read.problems.length - 3} more)` : '';
      throw new Error(`${file.name} was not imported: ${shown.join('; ')}${more}.`);
    }
    const stamp = now().toISOString();
    const classes: OwnClass[] = read.content.classes.map((own) => ({ id: newId('class'), name: own.name, pictures: own.pictures.map((pixels) => ({ id: newId('pic'), pixels })) }));
    const set: ClassSet = { id: newId('set'), name: read.content.name, createdAt: stamp, updatedAt: stamp, classes };
    await store.put(set);
    return set;
  }

  return {
    handle: (command) =>
      handle(command).catch((error: unknown) => {
        emit({ type: 'classes-error', id: command.id, message: describe(error) });
      }),
  };
}

/** A camera frame → the network's input: the centred square, area-resampled (the same rule as a file). */
export function frameToInput(frame: RgbaFrame): Uint8Array {
  if (!Number.isInteger(frame.width) || !Number.isInteger(frame.height) || frame.width < 1 || frame.height < 1) throw new RangeError(`a frame is at least 1 × 1 pixels, got ${frame.width} × ${frame.height}`);
  return centreSquareToRgb(frame.rgba, frame.width, frame.height);
}

/** A refusal that names its file once (the decoder's sentences usually do already). */
function namingFile(name: string, message: string): string {
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  return sentence.includes(name) ? sentence : `${name}: ${sentence}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
